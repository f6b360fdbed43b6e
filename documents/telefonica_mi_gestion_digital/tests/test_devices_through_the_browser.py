"""MGD-20's device scenarios: not applicable over http (where the sensitivity measurement runs), and on the
browser engine failing when the page is made for one wide monitor (tests/test_sensitivity.py's browser run
has them pass on the faithful portal)."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert.engines.browser_install import find
from tests.suite_runs import run_suite

needs_chromium = pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one")
RULE = ("--document", "telefonica-mi-gestion-digital", "--tags", "@rule:MGD-20")
DEVICES = ("phone", "tablet", "desktop")


def _device_row(device: str) -> str:
    return f"The forgotten password page on a {device} fits the screen with every control in view"


def _through_the_browser(out: Path, *args: str) -> dict[str, str]:
    rule = run_suite(out, "--engine", "browser", *RULE, *args).rule("MGD-20")
    return {scenario["name"]: scenario["status"] for scenario in rule["scenarios"]}


def test_over_http_the_devices_are_not_applicable_and_the_rule_still_judged(tmp_path: Path) -> None:
    rule = run_suite(tmp_path, "--engine", "http", *RULE).rule("MGD-20")
    reasons = {s["name"]: s["message"] for s in rule["scenarios"] if s["status"] == "NOT_APPLICABLE"}
    assert set(reasons) == {_device_row(device) for device in DEVICES}
    assert all("needs:device_emulation: run with --engine browser" in reason for reason in reasons.values())
    assert rule["status"] == "PASS"  # the page's declared width is judged over http


@pytest.mark.slow
@needs_chromium
def test_a_page_made_for_a_wide_monitor_fails_on_every_device(tmp_path: Path) -> None:
    statuses = _through_the_browser(tmp_path, "--defect", "mgd_fixed_desktop_layout")
    assert {device: statuses[_device_row(device)] for device in DEVICES} == dict.fromkeys(DEVICES, "FAIL")
