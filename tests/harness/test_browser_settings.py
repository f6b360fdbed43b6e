"""Browser settings come from the target's `browser` section, with the command line on top."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert import cli
from portalcert.engines.browser_settings import EXECUTABLE_ENV, BrowserSettings, resolve_executable
from portalcert.errors import ConfigError

TARGET = BrowserSettings(executable="/opt/chromium/chrome", slow_mo_ms=100, trace=True)


def settings(*args: str, base: BrowserSettings = TARGET) -> BrowserSettings:
    parsed = cli._parser().parse_args(["run", *args])
    return cli._browser_settings(parsed, base)


def test_without_flags_the_target_decides() -> None:
    assert settings() == TARGET


def test_flags_override_the_target() -> None:
    chosen = settings("--headed", "--slow-mo", "250", "--browser-connect", "ws://grid:3000/", "--no-trace")
    assert chosen.headed and chosen.slow_mo_ms == 250 and not chosen.trace
    assert chosen.connect == "ws://grid:3000/"
    assert chosen.executable == "/opt/chromium/chrome"  # untouched by flags about other things
    assert settings("--slow-mo", "0").slow_mo_ms == 0  # an explicit 0 turns the target's pause off


def test_an_explicit_executable_must_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    binary = tmp_path / "chromium"
    binary.write_text("#!/bin/sh\n")
    assert resolve_executable(BrowserSettings(executable=str(binary))) == str(binary)
    monkeypatch.setenv(EXECUTABLE_ENV, str(binary))
    assert resolve_executable(BrowserSettings()) == str(binary)  # the environment's choice
    with pytest.raises(ConfigError, match="no such browser executable"):
        resolve_executable(BrowserSettings(executable=str(tmp_path / "missing")))


def test_a_channel_means_a_playwright_managed_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(EXECUTABLE_ENV, raising=False)
    assert resolve_executable(BrowserSettings(channel="chrome")) is None
