"""One browser per process for the `browser` engine: which browser, how it starts, when it stops.

Playwright's sync API is not thread-safe and a browser launch costs ~0.7 s, so a run (one
process) launches or connects once and every scenario gets a fresh context from it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
from collections.abc import Mapping
from typing import Any

from playwright.sync_api import Browser, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from portalcert.engines.browser_settings import (
    CONNECT_ENV,
    EXECUTABLE_ENV,
    BrowserSettings,
    resolve_executable,
)
from portalcert.errors import ConfigError

# A closed network refuses Chromium's background calls home; these keep them from starting.
_QUIET_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)


class BrowserHost:
    """The process's Playwright driver and browser, started on first use and stopped at exit."""

    def __init__(self) -> None:
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._settings: BrowserSettings | None = None
        self.version = ""  # the last launched browser's, kept after stop for the run's report

    def browser(self, settings: BrowserSettings) -> Browser:
        if self._browser is not None and self._browser.is_connected() and settings == self._settings:
            return self._browser
        self.stop()
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._open(self._playwright, settings)
        except PlaywrightError as exc:
            self.stop()
            raise ConfigError("browser", "", _launch_problem(settings, exc)) from None
        self._settings = settings
        self.version = f"{self._browser.browser_type.name} {self._browser.version}"
        return self._browser

    def _open(self, playwright: Playwright, settings: BrowserSettings) -> Browser:
        connect = settings.connect or os.environ.get(CONNECT_ENV, "")
        if connect:
            return playwright.chromium.connect(
                connect, slow_mo=settings.slow_mo_ms or None, timeout=15_000, expose_network="<loopback>"
            )
        return playwright.chromium.launch(
            executable_path=resolve_executable(settings),
            channel=settings.channel or None,
            headless=not settings.headed,
            slow_mo=settings.slow_mo_ms or None,
            args=list(_QUIET_ARGS),
            # The run handles Ctrl-C itself (finish the scenario, write the report): keep the browser.
            handle_sigint=False,
            handle_sigterm=False,
            handle_sighup=False,
            timeout=30_000,
        )

    def devices(self) -> Mapping[str, Mapping[str, Any]]:
        """Playwright's device descriptors (after `browser()` has started the driver)."""
        if self._playwright is None:
            raise ConfigError("browser", "", "the browser is not started")
        return self._playwright.devices

    def stop(self) -> None:
        browser, playwright = self._browser, self._playwright
        self._browser = self._playwright = self._settings = None
        if browser is not None:
            with contextlib.suppress(PlaywrightError):  # already gone (the driver died, say)
                browser.close()
        if playwright is not None:
            with contextlib.suppress(PlaywrightError):
                playwright.stop()


def _launch_problem(settings: BrowserSettings, exc: PlaywrightError) -> str:
    first = (exc.message or str(exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    connect = settings.connect or os.environ.get(CONNECT_ENV, "")
    if connect:
        return f"cannot connect to the remote browser at {connect}: {first}"
    if "Executable doesn't exist" in str(exc) or "executable" in first.lower():
        return (
            f"no browser to launch ({first}); install Debian's chromium (`make browser` does) or set "
            f"browser.executable in the target / --browser-executable / ${EXECUTABLE_ENV}"
        )
    return f"cannot launch the browser: {first}"


HOST = BrowserHost()
atexit.register(HOST.stop)
