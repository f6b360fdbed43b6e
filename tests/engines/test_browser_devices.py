"""Device emulation on the browser engine (engines.base.DeviceEmulator): a page visited as a phone,
measured against the phone's screen; the http engine has no layout to measure."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest
from flask import Flask

from portalcert.engines.base import DeviceEmulator, EngineError
from portalcert.engines.browser import BrowserEngine
from portalcert.engines.browser_install import find
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.http import HttpEngine

pytestmark = [
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
    pytest.mark.xdist_group("browser"),
]

FLUID = """<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1">
</head><body><p>Acceso</p><button id="go">Continuar</button></body></html>"""
# Made for a wide monitor: a phone zooms out to 1600 px, so innerWidth would say it fits.
WIDE = """<!doctype html><html><head><meta name="viewport" content="width=1600"></head>
<body><div id="band">Acceso</div><button id="go">Continuar</button>
<img id="off" alt="" src="data:,"></body></html>"""
WIDE_STYLE = "#band { width: 1600px } #off { position: absolute; left: 1500px; width: 40px; height: 40px }"


def pages() -> Flask:
    app = Flask(__name__)

    @app.get("/fluid")
    def fluid() -> str:
        return FLUID

    @app.get("/wide")
    def wide() -> str:
        return WIDE.replace("</head>", f"<style>{WIDE_STYLE}</style></head>")

    return app


@pytest.fixture(scope="module")
def url(serving: Callable[[Flask], AbstractContextManager[str]]) -> Iterator[str]:
    with serving(pages()) as served:
        yield served


@pytest.fixture
def phone(url: str, browser_settings: BrowserSettings) -> Iterator[BrowserEngine]:
    engine = BrowserEngine(url, timeout=5, settings=browser_settings)
    try:
        engine.emulate("iPhone 8")
        yield engine
    finally:
        engine.close()


def test_a_fluid_page_fits_the_phone_and_shows_its_controls(phone: BrowserEngine) -> None:
    phone.goto("/fluid")
    content, screen = phone.page_width()
    assert screen == 375 and content <= screen
    assert phone.in_view("#go") is True
    assert phone.in_view("#missing") is None


def test_a_page_made_for_a_monitor_is_wider_than_the_phone(phone: BrowserEngine) -> None:
    phone.goto("/wide")
    content, screen = phone.page_width()
    assert screen == 375 and content >= 1600  # the band, and the body's margin
    assert phone.in_view("#off") is False


def test_a_device_is_chosen_before_the_first_page(phone: BrowserEngine) -> None:
    phone.goto("/fluid")
    with pytest.raises(EngineError, match="before the first page"):
        phone.emulate("iPad (gen 7)")


def test_an_unknown_device_is_an_engine_error(url: str, browser_settings: BrowserSettings) -> None:
    engine = BrowserEngine(url, timeout=5, settings=browser_settings)
    try:
        with pytest.raises(EngineError, match="no device 'iPhone 99'"):
            engine.emulate("iPhone 99")
    finally:
        engine.close()


def test_only_the_browser_emulates_devices(url: str) -> None:
    with HttpEngine(url) as http:
        assert not isinstance(http, DeviceEmulator)
