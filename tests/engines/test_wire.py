"""Both engines' HTTP exchanges (engines/wire.py), against the conftest app: what the security baseline
reads (headers, cookies, the forms sent) and sends (a form again, many at once)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

import pytest

from portalcert.engines import Engine
from portalcert.engines.browser import BrowserEngine
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.factory import shows_wire
from portalcert.engines.http import HttpEngine
from portalcert.engines.wire import Exchange, Fields, Wire
from tests.engine_params import ENGINES


class WireEngine(Engine, Wire, Protocol):
    """An engine that shows its exchanges: what the tests below drive."""


@pytest.fixture(params=ENGINES)
def engine(
    request: pytest.FixtureRequest, server_url: str, browser_settings: BrowserSettings
) -> Iterator[WireEngine]:
    opened: WireEngine
    if request.param == "http":
        opened = HttpEngine(server_url + "/")
    else:
        opened = BrowserEngine(server_url + "/", timeout=5, settings=browser_settings)
    try:
        yield opened
    finally:
        opened.close()


def test_both_engines_run_the_checks_that_read_exchanges() -> None:
    assert shows_wire("http") and shows_wire("browser")
    assert not shows_wire("telnet")


def _register(engine: WireEngine, user: str) -> None:
    engine.goto("/register")
    engine.fill("input[name=user]", user)
    engine.press("[data-testid=send]")


def _last_post(engine: WireEngine) -> tuple[Exchange, list[Exchange]]:
    """The last form sent and the hops after it (a browser may also ask for the site's icon)."""
    hops = engine.exchanges()
    at = max(index for index, hop in enumerate(hops) if hop.method == "POST")
    return hops[at], hops[at + 1 :]


def test_each_hop_is_recorded_with_its_form_and_headers(engine: WireEngine) -> None:
    assert isinstance(engine, Wire)
    _register(engine, "ann")
    post, after = _last_post(engine)
    assert (post.method, post.status, post.form) == ("POST", 303, (("user", "ann"), ("code", "303")))
    assert post.all_headers("set-cookie")[0].startswith("session=s-ann")
    assert post.header("Location") == "/done?user=ann"
    assert post.seconds is not None and post.seconds >= 0, "a network answer is timed"
    done = after[0]
    assert (done.method, done.status, "done ann" in done.text) == ("GET", 200, True)
    assert done.url.endswith("/done?user=ann")


def test_repeated_header_fields_are_kept_apart(engine: WireEngine) -> None:
    engine.goto("/two-cookies")
    page = next(hop for hop in engine.exchanges() if hop.url.endswith("/two-cookies"))
    assert [value.split(";")[0] for value in page.all_headers("set-cookie")] == ["first=1", "second=2"]
    assert "two cookies" in page.text


def test_cookies_are_read_and_restored(engine: WireEngine) -> None:
    engine.goto("/login-cookie")
    assert engine.cookies() == {"session": "abc123"}
    engine.restore_cookies({"session": "other"})
    engine.goto("/whoami")
    assert engine.text("[data-testid=cookie]") == "other"


def test_a_form_is_sent_again_without_a_field_and_without_leaving_the_page(engine: WireEngine) -> None:
    _register(engine, "ann")
    post, _ = _last_post(engine)
    before = len(engine.exchanges())
    again = engine.send(post.method, post.url, post.replacing("user", "bob"))
    assert again.status == 200 and "done bob" in again.text
    sent = engine.exchanges()[before:]
    assert [(hop.method, hop.status) for hop in sent] == [("POST", 303), ("GET", 200)], "each hop, once"
    assert engine.text("[data-testid=done]") == "done ann"  # still the page the user saw
    assert engine.cookies() == {"session": "s-bob"}, "sent as the user agent: its cookies"
    echoed = engine.send("POST", "/echo", post.without("code"))
    assert "user=bob" not in echoed.text and "user=ann" in echoed.text and "code=" not in echoed.text


def test_forms_sent_together_each_get_their_answer(engine: WireEngine) -> None:
    forms: list[Fields] = [(("n", str(i)),) for i in range(5)]
    answers = engine.send_together("POST", "/echo", forms)
    assert [f"n={i}" in answer.text for i, answer in enumerate(answers)] == [True] * 5


def test_forms_sent_together_go_as_the_user_agent(engine: WireEngine) -> None:
    """They carry its cookies, and the cookies the portal sets are its own afterwards."""
    engine.goto("/login-cookie")
    agent = engine.text("[data-testid=agent]")
    answers = engine.send_together("GET", "/whoami", [(), ()])
    assert all('data-testid="cookie">abc123<' in answer.text for answer in answers)
    assert all(f'data-testid="agent">{agent}<' in answer.text for answer in answers)
    engine.send_together("POST", "/register", [(("user", "cy"), ("code", "303"))])
    assert engine.cookies() == {"session": "s-cy"}
    engine.goto("/whoami")
    assert engine.text("[data-testid=cookie]") == "s-cy"
