"""What only the browser engine does, on a real Chromium: JavaScript, waiting for the page, screenshots
and traces. The contract it shares with the http engine is in test_engine_contract.py.

The pages are conftest's plus a few scripted ones, and noisy_pages' (a never-ending long poll,
analytics sent to another host name, content and pages that arrive after a delayed fetch).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest
from flask import Flask, jsonify, request
from werkzeug.wrappers import Response

from portalcert.engines.base import EngineError
from portalcert.engines.browser import BrowserEngine
from portalcert.engines.browser_install import find
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.http import HttpEngine
from tests.engines.noisy_pages import Noise, noisy_app

pytestmark = [
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
    pytest.mark.xdist_group("browser"),
]

# Actions wait up to 5 s for their element (conftest's browser_settings); the test of that limit sets
# a short one of its own.
IMPATIENT = BrowserSettings(action_seconds=1.0)

SCRIPTED_PAGE = """<!doctype html><html><head><title>Codice</title></head><body>
<h1>Verifica</h1>
<label for="code">Codice ricevuto</label><input id="code">
<button type="button" id="confirm">Conferma</button>
<div role="alert" id="problem"></div>
<script>
document.getElementById("confirm").addEventListener("click", async () => {
  const code = document.getElementById("code").value;
  const answer = await fetch("/api/check", {method: "POST", headers: {"Content-Type": "application/json"},
                                          body: JSON.stringify({code})});
  const data = await answer.json();
  if (data.ok) { window.location = "/welcome"; }
  else { document.getElementById("problem").textContent = data.error; }
});
</script></body></html>"""

LATE_PAGE = """<!doctype html><html><body><div id="slot"></div><button disabled id="never">Mai</button>
<script>
const late = '<label>Nome <input name="late"></label>';
setTimeout(() => { document.getElementById("slot").innerHTML = late; }, 1500);
</script></body></html>"""


def scripted_app() -> Flask:
    app = Flask(__name__)

    @app.get("/scripted")
    def scripted() -> str:
        return SCRIPTED_PAGE

    @app.post("/api/check")
    def check() -> Response:
        code = (request.get_json(silent=True) or {}).get("code", "")
        if code == "123456":
            return jsonify(ok=True)
        return jsonify(ok=False, error="Codice errato")

    @app.get("/welcome")
    def welcome() -> str:
        return "<h1 id='hello'>Benvenuto</h1>"

    @app.get("/late")
    def late() -> str:
        return LATE_PAGE

    return app


@pytest.fixture(scope="module")
def scripted_url(serving: Callable[[Flask], AbstractContextManager[str]]) -> Iterator[str]:
    with serving(scripted_app()) as url:
        yield url


@pytest.fixture
def browser(server_url: str, browser_settings: BrowserSettings) -> Iterator[BrowserEngine]:
    engine = BrowserEngine(server_url + "/", timeout=5, settings=browser_settings)
    try:
        yield engine
    finally:
        engine.close()


@pytest.fixture
def scripted(scripted_url: str, browser_settings: BrowserSettings) -> Iterator[BrowserEngine]:
    engine = BrowserEngine(scripted_url, timeout=5, settings=browser_settings)
    try:
        yield engine
    finally:
        engine.close()


def test_fetch_of_a_script_link_is_refused(browser: BrowserEngine) -> None:
    browser.goto("/")
    with pytest.raises(EngineError, match="points to a script, not a resource"):
        browser.fetch("[data-testid=js-link]")


# --- waiting for the page ---------------------------------------------------------------------


def test_missing_or_disabled_targets_are_engine_errors_within_the_action_time(scripted_url: str) -> None:
    impatient = BrowserEngine(scripted_url, timeout=5, settings=IMPATIENT)
    try:
        impatient.goto("/late")
        # The action time (1 s), not the page timeout (5 s), bounds both: the message says which.
        with pytest.raises(EngineError, match=r"nothing to press matches #absent on .*/late"):
            impatient.press("#absent")
        with pytest.raises(EngineError, match=r"#never on .*could not be pressed within 1 s"):
            impatient.press("#never")
    finally:
        impatient.close()


def test_content_rendered_by_a_script_is_waited_for(scripted_url: str) -> None:
    patient = BrowserEngine(scripted_url, timeout=5, settings=BrowserSettings(action_seconds=4))
    try:
        patient.goto("/late")
        assert patient.count("input[name=late]") == 0  # reads never wait (the script adds it after 1.5 s)
        patient.fill("input[name=late]", "dopo")  # actions wait for their element to appear
        assert patient.attribute("input[name=late]", "name") == "late"
    finally:
        patient.close()


# --- pages that never go quiet -----------------------------------------------------------------


@pytest.fixture(scope="module")
def noisy_site(serving: Callable[[Flask], AbstractContextManager[str]]) -> Iterator[tuple[str, Noise]]:
    noise = Noise()
    with serving(noisy_app(noise)) as url:
        try:
            yield url, noise
        finally:
            noise.closing.set()  # the long polls answer, so the server can stop


@pytest.fixture
def noisy(noisy_site: tuple[str, Noise], browser_settings: BrowserSettings) -> Iterator[BrowserEngine]:
    engine = BrowserEngine(noisy_site[0], timeout=10, settings=browser_settings)
    try:
        yield engine
    finally:
        engine.close()


def test_content_of_a_delayed_fetch_is_read_while_a_poll_stays_open(
    noisy: BrowserEngine, noisy_site: tuple[str, Noise]
) -> None:
    noisy.goto("/delayed")
    # The page fetches its content 300 ms after loading, all the while polling and sending beacons.
    assert noisy.text("#content") == "Contenuto arrivato"
    noise = noisy_site[1]
    assert noise.polls_open >= 1, "the long poll was answered: the page was not noisy"


def test_the_page_a_delayed_fetch_leads_to_is_recognised(
    noisy: BrowserEngine, noisy_site: tuple[str, Noise]
) -> None:
    noisy.goto("/delayed")
    noisy.press("#next")  # 300 ms later a fetch, then the next page, which fetches its content likewise
    assert noisy.wait_for("[data-page=next]")
    assert noisy.url == noisy_site[0] + "/delayed/next"
    assert noisy.text("#text") == "Contenuto arrivato"


def test_a_form_is_sent_from_a_page_that_never_goes_quiet(noisy: BrowserEngine) -> None:
    noisy.goto("/form")
    noisy.fill("input[name=name]", "Ada")
    noisy.press("#send")
    assert noisy.count("[data-page=sent]") == 1
    assert noisy.text("#who") == "Ada"


def test_absence_on_a_page_that_never_goes_quiet_is_still_judged(
    noisy: BrowserEngine, noisy_site: tuple[str, Noise]
) -> None:
    noisy.goto("/delayed")
    assert noisy.count("#absent") == 0  # judged once the page has settled, polls and beacons apart
    assert noisy.text("#absent") is None
    assert not noisy.wait_for("#absent", timeout=0.5)  # an expected element that never comes: False
    assert noisy.text("#content") == "Contenuto arrivato"
    noise = noisy_site[1]
    assert noise.beacons and noise.pictures, "no analytics reached the other host: the page was quiet"


def test_the_http_engine_looks_once_for_what_a_check_expects(noisy_site: tuple[str, Noise]) -> None:
    with HttpEngine(noisy_site[0]) as http:
        http.goto("/form")
        assert http.wait_for("[data-page=form]")
        assert not http.wait_for("[data-page=sent]", timeout=5)


# --- JavaScript steps -------------------------------------------------------------------------


def test_a_script_driven_step_settles_on_the_next_page(scripted: BrowserEngine, scripted_url: str) -> None:
    scripted.goto("/scripted")
    scripted.fill("#code", "123456")
    scripted.press("#confirm")
    assert scripted.url == scripted_url + "/welcome"  # fetch, then location: no read races the change
    assert scripted.text("#hello") == "Benvenuto"


def test_a_script_rendered_error_is_there_when_press_returns(scripted: BrowserEngine) -> None:
    scripted.goto("/scripted")
    assert scripted.count("[role=alert]:not(:empty)") == 0
    scripted.fill("#code", "000000")
    scripted.press("#confirm")
    assert scripted.text("[role=alert]") == "Codice errato"


def test_the_http_engine_calls_the_same_step_a_javascript_step(scripted_url: str) -> None:
    with HttpEngine(scripted_url) as http:
        http.goto("/scripted")
        http.fill("#code", "123456")
        with pytest.raises(EngineError, match=r"needs JavaScript, which the http engine does not run"):
            http.press("#confirm")


# --- evidence ----------------------------------------------------------------------------------


def test_evidence_has_screenshot_html_journal_and_a_trace_grouped_by_step(scripted: BrowserEngine) -> None:
    scripted.begin_step("Given the verification page")
    scripted.goto("/scripted")
    scripted.end_step()
    scripted.begin_step("When a wrong code is confirmed")
    scripted.fill("#code", "000000")
    scripted.press("#confirm")
    scripted.end_step()
    evidence = scripted.evidence()
    assert evidence.url.endswith("/scripted")
    assert evidence.screenshot_png is not None and evidence.screenshot_png.startswith(b"\x89PNG")
    assert "Codice errato" in evidence.html  # the page as the script left it, not as served
    assert "POST /api/check -> 200" in evidence.journal
    assert evidence.trace_zip is not None
    with zipfile.ZipFile(io.BytesIO(evidence.trace_zip)) as trace:
        events = "".join(
            trace.read(name).decode("utf-8", "replace")
            for name in trace.namelist()
            if name.endswith(".trace")
        )
    titles = [json.loads(line).get("title") for line in events.splitlines() if '"title"' in line]
    assert "Given the verification page" in titles
    assert "When a wrong code is confirmed" in titles


def test_without_tracing_evidence_has_no_trace(scripted_url: str) -> None:
    engine = BrowserEngine(scripted_url, timeout=5, settings=BrowserSettings(trace=False))
    try:
        engine.goto("/welcome")
        evidence = engine.evidence()
        assert evidence.trace_zip is None
        assert evidence.screenshot_png is not None
    finally:
        engine.close()
