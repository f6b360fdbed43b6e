"""The browser engine's keyboard mode: controls reached with Tab and worked with keys, never a click.

A form a keyboard user can complete is completed the same as with the mouse; a button left out of the
Tab order, which a mouse still clicks, is `KeyboardUnreachable`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest
from flask import Flask, request

from portalcert.engines.browser import BrowserEngine
from portalcert.engines.browser_install import find
from portalcert.engines.browser_keyboard import KeyboardUnreachable
from portalcert.engines.browser_settings import BrowserSettings

pytestmark = [
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
    pytest.mark.xdist_group("browser"),
]

FORM = """<!doctype html><html lang="it"><head><title>Modulo</title></head><body>
<a href="#">Salta</a>
<form method="post" action="/sent">
  <label for="name">Nome</label><input id="name" name="name">
  <label><input type="radio" name="kind" value="cf" checked> CF</label>
  <label><input type="radio" name="kind" value="piva"> P.IVA</label>
  <label for="city">Città</label>
  <select id="city" name="city"><option value="RM">Roma</option><option value="MI">Milano</option>
    <option value="TO">Torino</option></select>
  <label><input type="checkbox" name="terms" value="ok"> Accetto</label>
  <button data-testid="send" {extra}>Invia</button>
</form></body></html>"""


def keyboard_app() -> Flask:
    app = Flask(__name__)

    @app.get("/form")
    def form() -> str:
        return FORM.replace("{extra}", "")

    @app.get("/mouse-only")
    def mouse_only() -> str:
        return FORM.replace("{extra}", 'tabindex="-1"')

    @app.post("/sent")
    def sent() -> str:
        fields = ", ".join(f"{k}={v}" for k, v in sorted(request.form.items()))
        return f"<!doctype html><title>Inviato</title><p id='sent'>{fields}</p>"

    return app


@pytest.fixture(scope="module")
def keyboard_url(serving: Callable[[Flask], AbstractContextManager[str]]) -> Iterator[str]:
    with serving(keyboard_app()) as url:
        yield url


@pytest.fixture
def by_keyboard(keyboard_url: str, browser_settings: BrowserSettings) -> Iterator[BrowserEngine]:
    engine = BrowserEngine(keyboard_url + "/", timeout=5, settings=browser_settings)
    engine.keyboard_only = True
    yield engine
    engine.close()


def test_a_form_is_completed_with_tab_and_keys(by_keyboard: BrowserEngine) -> None:
    seen: list[str] = []
    by_keyboard.watch_pages(lambda page: seen.append(page.url.rsplit("/", 1)[-1]))
    by_keyboard.goto("/form")
    by_keyboard.fill("#name", "Ada")
    by_keyboard.choose("input[name=kind]", "piva")
    by_keyboard.choose("#city", "TO")
    by_keyboard.choose("input[name=terms]", "ok")
    by_keyboard.press("[data-testid=send]")
    assert by_keyboard.text("#sent") == "city=TO, kind=piva, name=Ada, terms=ok"
    assert seen == ["form", "sent"], "each new page is shown to the watchers once"


def test_a_button_out_of_the_tab_order_is_unreachable(by_keyboard: BrowserEngine) -> None:
    by_keyboard.goto("/mouse-only")
    by_keyboard.fill("#name", "Ada")
    with pytest.raises(
        KeyboardUnreachable, match=r"\[data-testid=send\] .* cannot be reached with the Tab key"
    ):
        by_keyboard.press("[data-testid=send]")
