"""The run facts compliance.json records for a bundle: the browser's version, the commit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from portalcert import provenance


def _fake_browser(folder: Path, answer: str) -> str:
    script = folder / "chromium"
    script.write_text(f"#!/bin/sh\necho '{answer}'\n")
    script.chmod(0o755)
    return str(script)


def test_an_executable_is_asked_its_version_in_the_form_a_launched_browser_gives(tmp_path: Path) -> None:
    executable = _fake_browser(tmp_path, "Chromium 156.0.8078.108 built on Debian GNU/Linux 12")
    assert provenance.browser_version("browser", executable, "") == "chromium 156.0.8078.108"


def test_a_launched_browser_is_believed_and_the_http_engine_has_none(tmp_path: Path) -> None:
    executable = _fake_browser(tmp_path, "Chromium 1.0")
    assert provenance.browser_version("browser", executable, "chromium 157.0.1") == "chromium 157.0.1"
    assert provenance.browser_version("http", executable, "") == ""


def test_an_unknown_version_says_why(tmp_path: Path) -> None:
    silent = _fake_browser(tmp_path, "no digits here")
    assert (
        provenance.browser_version("browser", silent, "") == f"unknown ({silent}: no version in its answer)"
    )
    assert provenance.browser_version("browser", None, "").startswith("unknown (a remote")
    missing = str(tmp_path / "absent")
    assert provenance.browser_version("browser", missing, "").startswith(f"unknown ({missing}:")


def test_the_commit_is_this_checkout_s() -> None:
    if not (Path(__file__).resolve().parents[2] / ".git").exists():
        pytest.skip("not a git checkout: the commit is recorded as empty")
    assert re.fullmatch(r"[0-9a-f]{40}(-dirty)?", provenance.commit())
