"""MGD-20 on the browser engine: the device scenarios (not applicable over http, where the sensitivity
measurement runs) fail when the page is made for one wide monitor, and pass on the faithful portal."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert.engines.browser_install import find
from tests.suite_runs import run_suite

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
]
ARGS = ("--engine", "browser", "--document", "telefonica-mi-gestion-digital", "--tags", "@rule:MGD-20")
DEVICES = ("phone", "tablet", "desktop")


def _statuses(out: Path, *args: str) -> dict[str, str]:
    run = run_suite(out, *ARGS, *args)
    return {scenario["name"]: scenario["status"] for scenario in run.rule("MGD-20")["scenarios"]}


def _device_row(device: str) -> str:
    return f"The forgotten password page on a {device} fits the screen with every control in view"


def test_every_device_passes_on_the_faithful_portal(tmp_path: Path) -> None:
    statuses = _statuses(tmp_path)
    assert {statuses[_device_row(device)] for device in DEVICES} == {"PASS"}


def test_a_page_made_for_a_wide_monitor_fails_on_every_device(tmp_path: Path) -> None:
    statuses = _statuses(tmp_path, "--defect", "mgd_fixed_desktop_layout")
    assert {device: statuses[_device_row(device)] for device in DEVICES} == dict.fromkeys(DEVICES, "FAIL")
