"""Engine construction by name."""

from __future__ import annotations

from portalcert.engines.base import Engine
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.wire import Wire
from portalcert.errors import ConfigError

ENGINES = ("http", "browser")
# Engines that lay pages out as a device would (engines.base.DeviceEmulator): `@needs:device_emulation`.
DEVICE_EMULATING = ("browser",)


def emulates_devices(name: str) -> bool:
    return name in DEVICE_EMULATING


def shows_wire(name: str) -> bool:
    """Whether the `name` engine shows its HTTP exchanges (wire.Wire, `@needs:wire`); asked of its class,
    so nothing starts."""
    if name == "http":
        from portalcert.engines.http import HttpEngine

        return issubclass(HttpEngine, Wire)
    if name == "browser":
        from portalcert.engines.browser import BrowserEngine

        return issubclass(BrowserEngine, Wire)
    return False


def make_engine(
    name: str, base_url: str, *, timeout: float, browser: BrowserSettings | None = None, title: str = ""
) -> Engine:
    """A fresh engine (one user agent) for one scenario; `title` names its trace."""
    if name == "http":
        from portalcert.engines.http import HttpEngine

        return HttpEngine(base_url, timeout=timeout)
    if name == "browser":
        # Imported here: http-only runs never start Playwright's driver.
        from portalcert.engines.browser import BrowserEngine

        return BrowserEngine(base_url, timeout=timeout, settings=browser, title=title)
    raise ConfigError("--engine", "", f"unknown engine {name!r} (available: {', '.join(ENGINES)})")
