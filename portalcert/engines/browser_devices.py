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


def screen_width(page: Page) -> int:
    """The device's screen width in CSS pixels (the emulated viewport). Not `window.innerWidth`: a page
    that declares a wider layout (`<meta name=viewport content="width=1600">`) makes a phone zoom out
    to that width, so innerWidth grows with the page and would hide the sideways scrolling or tiny text."""
    size = page.viewport_size
    if size is None:
        raise EngineError("the page has no fixed viewport to measure against")
    return int(size["width"])


def page_width(page: Page) -> tuple[int, int]:
    """(the page's full width, the screen's width) in CSS pixels: wider means scrolling sideways
    (or, on a phone, a page zoomed out to fit)."""
    try:
        content = page.evaluate(
            "() => Math.max(document.documentElement.scrollWidth,"
            " document.body ? document.body.scrollWidth : 0)"
        )
    except PlaywrightError as exc:
        raise EngineError(f"cannot measure the page: {exc.message.splitlines()[0]}") from None
    return int(content), screen_width(page)


def in_view(matches: Locator, page: Page) -> bool | None:
    """Whether the first match is shown and lies within the screen's width (None: nothing matches).
    Below the fold counts as in view: scrolling down is how every page is read."""
    try:
        if not matches.count():
            return None
        first = matches.first
        box = first.bounding_box()
        shown = first.is_visible()
    except PlaywrightError as exc:
        raise EngineError(f"cannot measure an element: {exc.message.splitlines()[0]}") from None
    if box is None or not shown:
        return False
    return bool(box["x"] >= 0 and box["x"] + box["width"] <= screen_width(page) + 0.5 and box["width"] > 0)
