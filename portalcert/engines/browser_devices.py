"""Device emulation for the browser engine: Playwright's device descriptors, and how a page lays out.

A document that says its portal works "on PC, tablet and mobile" is checked by opening pages as those
devices (`Engine.emulate`, engines.base.DeviceEmulator) and measuring what a person would see: whether
the page needs scrolling sideways, whether a control lies within the screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page

from portalcert.engines.base import EngineError

# The browser engine's own screen when no device is chosen.
DESKTOP: Mapping[str, Any] = {"viewport": {"width": 1280, "height": 900}}
# Descriptor keys that choose a browser, not a context option.
_NOT_CONTEXT_OPTIONS = ("default_browser_type",)


def descriptor(devices: Mapping[str, Mapping[str, Any]], name: str) -> dict[str, Any]:
    """The context options of Playwright's device `name` ("iPhone 8", "iPad (gen 7)", "Desktop Chrome")."""
    if name not in devices:
        close = sorted(d for d in devices if name.split()[0].lower() in d.lower())[:8]
        raise EngineError(
            f"no device {name!r} in Playwright's list" + (f" (like: {', '.join(close)})" if close else "")
        )
    return {key: value for key, value in devices[name].items() if key not in _NOT_CONTEXT_OPTIONS}


def page_width(page: Page) -> tuple[int, int]:
    """(the page's full width, the screen's width) in CSS pixels: wider means scrolling sideways."""
    try:
        content, screen = page.evaluate(
            "() => [Math.max(document.documentElement.scrollWidth, document.body ? "
            "document.body.scrollWidth : 0),"
            " window.innerWidth]"
        )
    except PlaywrightError as exc:
        raise EngineError(f"cannot measure the page: {exc.message.splitlines()[0]}") from None
    return int(content), int(screen)


def in_view(matches: Locator) -> bool | None:
    """Whether the first match is shown and lies within the screen's width (None: nothing matches).
    Below the fold counts as in view: scrolling down is how every page is read."""
    try:
        if not matches.count():
            return None
        first = matches.first
        box = first.bounding_box()
        width = first.evaluate("e => window.innerWidth")
    except PlaywrightError as exc:
        raise EngineError(f"cannot measure an element: {exc.message.splitlines()[0]}") from None
    if box is None or not first.is_visible():
        return False
    return bool(box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5 and box["width"] > 0)
