"""Settings of the browser engine, importable without Playwright (target files carry them)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from portalcert.errors import ConfigError

# Debian's package (see ../shared/TOOLCHAIN.md); /usr/bin/chromium is a wrapper script around it.
DEBIAN_CHROMIUM = Path("/usr/lib/chromium/chromium")
EXECUTABLE_ENV = "PORTALCERT_BROWSER_EXECUTABLE"
CONNECT_ENV = "PORTALCERT_BROWSER_CONNECT"


@dataclass(frozen=True)
class BrowserSettings:
    """How the browser engine gets its browser. Blank fields mean "decide for me"."""

    executable: str = ""  # a Chromium binary; blank: $PORTALCERT_BROWSER_EXECUTABLE, Debian's, managed
    channel: str = ""  # a Playwright channel such as "chrome" or "msedge" (managed browsers)
    connect: str = ""  # ws:// endpoint of a remote browser (Playwright `launch-server`, a grid)
    headed: bool = False  # show the window: for a person debugging a scenario
    slow_mo_ms: float = 0.0  # pause after each browser operation, for the same person
    action_seconds: float = 5.0  # how long an action waits for its element to be ready
    trace: bool = True  # record a Playwright trace per scenario (kept only as evidence)
    # The keyboard mode (browser_keyboard): Tab to each control, keys to work it, never the mouse.
    keyboard_only: bool = False


def resolve_executable(settings: BrowserSettings) -> str | None:
    """The Chromium binary to launch, or None for Playwright's own managed browser."""
    chosen = settings.executable or os.environ.get(EXECUTABLE_ENV, "")
    if chosen:
        path = Path(chosen)
        found = path if path.is_file() else shutil.which(chosen)
        if not found:
            raise ConfigError("browser.executable", "", f"{chosen}: no such browser executable")
        return str(found)
    if settings.channel:
        return None
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.is_file() else None
