"""Pressing something nothing can press is an EngineError on both engines (BROKEN, never a FAIL of the
Then that follows), while whatever a click does activate, natively or by script, is pressed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest
from flask import Flask

from portalcert.engines.base import Engine, EngineError
from portalcert.engines.browser import BrowserEngine
from portalcert.engines.browser_install import find
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.http import HttpEngine

# A refusal waits the action time for a handler a script may still attach: keep it short here.
QUICK = BrowserSettings(action_seconds=1.0)
needs_browser = pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one")
pytestmark = pytest.mark.xdist_group("browser")

PAGE = """<!doctype html><html><body>
<p id="said">-</p>
<span id="plain">Accedi</span>
<div id="styled" class="btn">Prosegui</div>
<div id="listened">Ascolta</div>
<div id="property">Stampa</div>
<div id="late">Dopo</div>
<button type="button" id="wrapped"><span id="inner">Invia</span></button>
<label for="agree" id="agree-label">Accetto</label><input type="checkbox" id="agree">
<details><summary id="more">Dettagli</summary><p>...</p></details>
<div role="button" id="widget" tabindex="0">Widget</div>
<script>
const say = text => () => { document.getElementById("said").textContent = text; };
document.getElementById("listened").addEventListener("click", say("listened"));
document.getElementById("property").onclick = say("property");
document.getElementById("wrapped").addEventListener("click", say("wrapped"));
document.getElementById("widget").addEventListener("click", say("widget"));
setTimeout(() => document.getElementById("late").addEventListener("click", say("late")), 300);
</script></body></html>"""

DELEGATING_PAGE = """<!doctype html><html><body><p id="said">-</p><span id="plain">Accedi</span>
<script>
document.addEventListener("click", event => {
  document.getElementById("said").textContent = "delegated " + event.target.id;
});
</script></body></html>"""


def app() -> Flask:
    portal = Flask(__name__)
    portal.add_url_rule("/", "page", lambda: PAGE)
    portal.add_url_rule("/delegating", "delegating", lambda: DELEGATING_PAGE)
    return portal


@pytest.fixture(scope="module")
def url(serving: Callable[[Flask], AbstractContextManager[str]]) -> Iterator[str]:
    with serving(app()) as served:
        yield served


@pytest.fixture(
    params=[pytest.param("http", id="http"), pytest.param("browser", id="browser", marks=needs_browser)]
)
def engine(request: pytest.FixtureRequest, url: str) -> Iterator[Engine]:
    opened: Engine = (
        HttpEngine(url) if request.param == "http" else BrowserEngine(url, timeout=5, settings=QUICK)
    )
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def browser(url: str) -> Iterator[BrowserEngine]:
    if find() is None:
        pytest.skip("no Chromium: `make browser` installs one")
    opened = BrowserEngine(url, timeout=5, settings=QUICK)
    try:
        yield opened
    finally:
        opened.close()


@pytest.mark.parametrize("element", ["plain", "styled"])
def test_an_element_nothing_can_press_is_refused_by_both_engines(engine: Engine, element: str) -> None:
    engine.goto("/")
    with pytest.raises(EngineError, match=f"#{element} matches <(span|div) id={element}"):
        engine.press(f"#{element}")
    assert engine.text("#said") == "-"
    assert len(engine.evidence().journal) == 1  # nothing was sent


@pytest.mark.parametrize(
    ("element", "said"),
    [
        ("listened", "listened"),
        ("property", "property"),
        ("late", "late"),
        ("inner", "wrapped"),
        ("widget", "widget"),
    ],
)
def test_whatever_a_click_activates_is_pressed(browser: BrowserEngine, element: str, said: str) -> None:
    browser.goto("/")
    browser.press(f"#{element}")
    assert browser.text("#said") == said


def test_a_label_and_a_summary_are_pressed(browser: BrowserEngine) -> None:
    browser.goto("/")
    browser.press("#agree-label")
    assert browser.count("#agree:checked") == 1
    browser.press("#more")
    assert browser.text("details p") == "..."


def test_a_page_that_delegates_clicks_to_the_document_is_never_refused(browser: BrowserEngine) -> None:
    browser.goto("/delegating")
    browser.press("#plain")
    assert browser.text("#said") == "delegated plain"


def test_the_refusal_says_why(browser: BrowserEngine) -> None:
    browser.goto("/")
    with pytest.raises(EngineError) as caught:
        browser.press("#plain")
    assert "which nothing can press: not a link, button or form control" in str(caught.value)
