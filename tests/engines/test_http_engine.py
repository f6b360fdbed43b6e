"""What only the http engine does, against the conftest app: its status, user agent and journal, and
refusing what a browser would do but it cannot (JavaScript, odd fields). The contract it shares with
the browser engine is in test_engine_contract.py."""

from __future__ import annotations

import socket

import pytest

from portalcert.engines import EngineError, UnreachableError
from portalcert.engines.http import HttpEngine


def test_no_page_before_goto(engine: HttpEngine) -> None:
    assert (engine.url, engine.status, engine.text("p"), engine.count("*")) == ("", 0, None, 0)


@pytest.mark.parametrize("code", [303, 302])
def test_status_is_the_last_answer(engine: HttpEngine, code: int) -> None:
    engine.goto("/")
    assert engine.status == 200
    engine.goto(f"/register?code={code}")
    engine.fill("input[name=user]", "ann")
    engine.press("[data-testid=send]")
    assert engine.status == 200  # of the redirect's target, /done; a POST to it would be 405


def test_server_error_status_is_kept(engine: HttpEngine) -> None:
    with pytest.raises(EngineError):
        engine.goto("/boom")
    assert engine.status == 500


def test_user_agent_names_the_engine(engine: HttpEngine) -> None:
    engine.goto("/whoami")
    assert engine.text("[data-testid=agent]") == "portalcert-http/0.1"


def test_get_form_drops_the_action_fragment(engine: HttpEngine, server_url: str) -> None:
    # Chromium keeps "#frag" in its address bar; the http engine's URL is the one requested.
    engine.goto("/form")
    engine.press("[data-testid=search]")
    assert engine.url == server_url + "/echo?q=a+b"


def test_a_chosen_radio_loses_its_siblings_checked_attribute(engine: HttpEngine) -> None:
    # The http engine keeps a form's state in its markup (a browser keeps it in the DOM's properties).
    engine.goto("/form")
    engine.choose("input[name=kind]", "piva")
    assert engine.attribute("input[value=cf]", "checked") is None


# --- fields it refuses to fill or choose ------------------------------------------------------


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("input[name=token]", "input of type hidden, which cannot be filled"),
        ("input[name=locked]", "disabled field"),
        ("input[name=fenced]", "disabled field"),
        ("input[name=ro]", "read-only field"),
        ("input[name=kind]", "radio, which is chosen, not filled"),
        ("#main input:not([type])", "matches 5 fields"),
        ("#main", "not a form field"),
    ],
)
def test_fill_refuses(engine: HttpEngine, selector: str, expected: str) -> None:
    engine.goto("/form")
    with pytest.raises(EngineError) as caught:
        engine.fill(selector, "x")
    assert expected in str(caught.value)
    assert "/form" in str(caught.value)


@pytest.mark.parametrize(
    ("selector", "value", "expected"),
    [
        ("select[name=city]", "NA", "option 'NA' of select[name=city] is disabled"),
        ("input[name=name]", "cf", "which has no options"),
    ],
)
def test_choose_refuses(engine: HttpEngine, selector: str, value: str, expected: str) -> None:
    engine.goto("/form")
    with pytest.raises(EngineError) as caught:
        engine.choose(selector, value)
    assert expected in str(caught.value)


# --- what needs JavaScript, or is not pressable ------------------------------------------------


@pytest.mark.parametrize(
    ("page", "selector", "expected"),
    [
        ("/", "[data-testid=js-link]", "needs JavaScript, which the http engine does not run"),
        ("/", "[data-testid=hash-link]", "needs JavaScript"),
        ("/", "[data-testid=clicky]", "needs JavaScript"),
        ("/", "[data-testid=plain]", "neither a link nor a submit button"),
        ("/form", "[data-testid=js-button]", "needs JavaScript"),
        ("/form", "[data-testid=reset]", "neither a link nor a submit button"),
        ("/form", "[data-testid=disabled-submit]", "disabled button"),
        ("/form", "[data-testid=orphan]", "not part of any form"),
        ("/form", "[data-testid=js-form]", "javascript: URL"),
    ],
)
def test_press_refuses_without_sending_anything(
    engine: HttpEngine, server_url: str, page: str, selector: str, expected: str
) -> None:
    engine.goto(page)
    with pytest.raises(EngineError) as caught:
        engine.press(selector)
    assert expected in str(caught.value)
    assert engine.url == server_url + page
    assert len(engine.evidence().journal) == 1


def test_fetch_of_a_script_link_needs_javascript(engine: HttpEngine) -> None:
    engine.goto("/")
    with pytest.raises(EngineError, match="needs JavaScript"):
        engine.fetch("[data-testid=js-link]")


def test_invalid_selector_names_the_problem(engine: HttpEngine) -> None:
    engine.goto("/")
    with pytest.raises(EngineError, match="invalid CSS selector"):
        engine.count("a!b")


# --- failures ---------------------------------------------------------------------------------


def test_unreachable_server_leaves_no_page() -> None:
    with socket.socket() as sock:  # a port that was just free and now has no listener
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with HttpEngine(f"http://127.0.0.1:{port}") as dead:
        with pytest.raises(UnreachableError):
            dead.goto("/login")
        assert dead.url == ""


def test_slow_answer_is_a_timeout(server_url: str) -> None:
    with (
        HttpEngine(server_url, timeout=0.3) as impatient,
        pytest.raises(UnreachableError, match=r"/slow: no answer within 0\.3 s"),
    ):
        impatient.goto("/slow")
