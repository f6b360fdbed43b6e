"""The http engine against a real Flask app on a loopback socket (see conftest.py)."""

from __future__ import annotations

import socket
import time

import pytest

from portalcert.engines import Engine, EngineError, Resource, ServerError, UnreachableError
from portalcert.engines.http import HttpEngine

DEFAULT_FORM = (
    "token=t0k&name=&ro=r&kind=cf&other=z&terms=ok&city=MI&first=a&note=hello&in_legend=l"
    "&action=save&outside=o"
)


def raw(engine: HttpEngine) -> str | None:
    return engine.text("[data-testid=raw]")


# --- navigation ------------------------------------------------------------------------------


def test_is_an_engine_with_no_page_before_goto(engine: HttpEngine) -> None:
    assert isinstance(engine, Engine)
    assert engine.name == "http"
    assert (engine.url, engine.status, engine.text("p"), engine.count("*")) == ("", 0, None, 0)


def test_goto_resolves_paths_against_base_url_and_accepts_absolute_urls(
    engine: HttpEngine, server_url: str
) -> None:
    engine.goto("/")
    assert engine.url == server_url + "/"
    assert engine.status == 200
    assert engine.text("[data-testid=page-title]") == "Benvenuto nel portale"
    engine.goto(server_url + "/dir/page?x=7")
    assert engine.text("[data-testid=where]") == "page x=7"


def test_goto_relative_path_keeps_base_directory_but_absolute_path_replaces_it(server_url: str) -> None:
    with HttpEngine(server_url + "/dir/") as engine:
        engine.goto("page?x=2")
        assert engine.url == server_url + "/dir/page?x=2"
        engine.goto("/form")  # browser URL semantics, as Playwright's baseURL
        assert engine.url == server_url + "/form"


def test_press_link_resolves_relative_to_current_page(engine: HttpEngine, server_url: str) -> None:
    engine.goto("/")
    engine.press("[data-testid=box-registrati] [data-testid=link-registrati-ora]")
    assert engine.url == server_url + "/dir/page?x=1"
    engine.press("a")
    assert engine.url == server_url + "/dir/sibling"
    assert engine.text("[data-testid=where]") == "sibling"


def test_press_with_several_matches_acts_on_the_first(engine: HttpEngine, server_url: str) -> None:
    engine.goto("/")
    engine.press("a.go")
    assert engine.url == server_url + "/dir/page?x=1"


def test_same_page_anchor_changes_fragment_without_a_request(engine: HttpEngine, server_url: str) -> None:
    engine.goto("/")
    engine.press("[data-testid=anchor]")
    assert engine.url == server_url + "/#bottom"
    assert engine.evidence().journal == ["GET / -> 200"]


def test_cookies_persist_across_redirects_and_requests(engine: HttpEngine, server_url: str) -> None:
    engine.goto("/login-cookie")
    assert engine.url == server_url + "/whoami"
    assert engine.text("[data-testid=cookie]") == "abc123"
    engine.goto("/whoami")
    assert engine.text("[data-testid=cookie]") == "abc123"
    assert engine.text("[data-testid=agent]") == "portalcert-http/0.1"


@pytest.mark.parametrize("code", [303, 302])
def test_post_redirect_becomes_get(engine: HttpEngine, server_url: str, code: int) -> None:
    engine.goto(f"/register?code={code}")
    engine.fill("input[name=user]", "ann")
    engine.press("[data-testid=send]")
    assert engine.status == 200  # /done answers 405 to a POST
    assert engine.url == server_url + "/done?user=ann"
    assert engine.text("[data-testid=done]") == "done ann"
    assert engine.evidence().journal[-2:] == [f"POST /register -> {code}", "GET /done?user=ann -> 200"]
    engine.goto("/whoami")
    assert engine.text("[data-testid=cookie]") == "s-ann"  # set on the redirect response


# --- form serialisation ----------------------------------------------------------------------


def test_untouched_form_submits_what_a_browser_would(engine: HttpEngine) -> None:
    # Hidden and readonly included; disabled (own or fieldset, except first legend), unchecked,
    # nameless, stray and other buttons excluded; first enabled option is a drop-down's default;
    # of two `selected` options the last wins; the leading newline of <textarea> is not content;
    # a control with form= joins that form.
    engine.goto("/form")
    engine.press("[data-testid=save]")
    assert engine.text("[data-testid=method]") == "POST"
    assert engine.text("[data-testid=ctype]") == "application/x-www-form-urlencoded"
    assert raw(engine) == DEFAULT_FORM


def test_only_the_pressed_button_is_submitted(engine: HttpEngine) -> None:
    engine.goto("/form")
    engine.press("[data-testid=delete]")
    assert raw(engine) == DEFAULT_FORM.replace("action=save", "action=delete")


def test_button_outside_form_with_form_attribute_submits_that_form(engine: HttpEngine) -> None:
    engine.goto("/form")
    engine.press("[data-testid=external]")
    assert raw(engine) == DEFAULT_FORM.replace("&action=save", "") + "&external=go"


def test_filled_and_chosen_values_are_submitted(engine: HttpEngine) -> None:
    engine.goto("/form")
    engine.fill("input[name=name]", "Mario Rossi & co")
    engine.fill("textarea[name=note]", "riga1\nriga2")
    engine.choose("input[name=kind]", "piva")
    engine.choose("input[name=news]", "yes")
    engine.choose("select[name=city]", "Torino")  # option without value: its text
    assert engine.attribute("input[value=cf]", "checked") is None
    engine.press("[data-testid=save]")
    assert raw(engine) == (
        "token=t0k&name=Mario+Rossi+%26+co&ro=r&kind=piva&other=z&news=yes&terms=ok&city=Torino"
        "&first=a&note=riga1%0D%0Ariga2&in_legend=l&action=save&outside=o"
    )


def test_fill_on_select_picks_option_by_value(engine: HttpEngine) -> None:
    engine.goto("/form")
    engine.fill("select[name=city]", "RM")
    engine.press("[data-testid=save]")
    assert "&city=RM&" in (raw(engine) or "")


def test_get_form_replaces_action_query(engine: HttpEngine, server_url: str) -> None:
    engine.goto("/form")
    engine.press("[data-testid=search]")
    assert engine.url == server_url + "/echo?q=a+b"
    assert (engine.text("[data-testid=method]"), raw(engine)) == ("GET", "q=a+b")
    assert engine.text("[data-testid=referer]") == server_url + "/form"


def test_submitter_formmethod_and_formaction_override_the_form(engine: HttpEngine, server_url: str) -> None:
    engine.goto("/form")
    engine.press("[data-testid=override]")
    assert engine.url == server_url + "/echo?b=1"
    assert engine.text("[data-testid=method]") == "GET"


def test_multipart_form_sends_fields_and_empty_file(engine: HttpEngine) -> None:
    engine.goto("/form")
    engine.press("[data-testid=upload]")
    assert engine.text("[data-testid=ctype]") == "multipart/form-data"
    assert engine.texts("[data-testid=field]") == ["title=T", "doc=file:"]


def test_form_is_encoded_in_the_page_charset(engine: HttpEngine) -> None:
    engine.goto("/latin1")
    assert engine.attribute("input[name=city]", "value") == "Forlì"
    engine.press("button")
    assert raw(engine) == "city=Forl%EC"


# --- fill / choose errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("input[name=missing]", "no field matches input[name=missing] on http://"),
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


def test_fill_select_with_unknown_value_names_the_options(engine: HttpEngine) -> None:
    engine.goto("/form")
    with pytest.raises(EngineError) as caught:
        engine.fill("select[name=city]", "TO")
    assert "options found: 'RM', 'MI', 'Torino', 'NA'" in str(caught.value)


@pytest.mark.parametrize(
    ("selector", "value", "expected"),
    [
        ("input[name=kind]", "xx", "no option with value 'xx' for input[name=kind]"),
        ("input[name=kind]", "xx", "options found: 'cf', 'piva'"),
        ("select[name=city]", "NA", "option 'NA' of select[name=city] is disabled"),
        ("input[name=nothing]", "cf", "nothing to choose from matches input[name=nothing]"),
        ("input[name=name]", "cf", "which has no options"),
    ],
)
def test_choose_refuses(engine: HttpEngine, selector: str, value: str, expected: str) -> None:
    engine.goto("/form")
    with pytest.raises(EngineError) as caught:
        engine.choose(selector, value)
    assert expected in str(caught.value)


# --- press errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "selector", "expected"),
    [
        ("/", "[data-testid=js-link]", "needs JavaScript, which the http engine does not run"),
        ("/", "[data-testid=hash-link]", "needs JavaScript"),
        ("/", "[data-testid=clicky]", "needs JavaScript"),
        ("/", "[data-testid=plain]", "neither a link nor a submit button"),
        ("/", "[data-testid=nope]", "nothing to press matches [data-testid=nope]"),
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


# --- reading ---------------------------------------------------------------------------------


def test_text_is_whitespace_normalised_and_blocks_are_separated(engine: HttpEngine) -> None:
    engine.goto("/")
    assert engine.text("[data-testid=menu]") == "Uno Due"
    assert engine.text("[data-testid=inline]") == "Hello there"  # inline tags join, comments vanish
    assert "script text" not in (engine.text("html") or "")
    assert engine.text("[data-testid=absent]") is None


def test_texts_attribute_count(engine: HttpEngine) -> None:
    engine.goto("/")
    assert engine.texts("[data-testid=menu] li") == ["Uno", "Due"]
    assert engine.texts("[data-testid=absent]") == []
    link = "[data-testid=link-registrati-ora]"
    assert engine.attribute(link, "href") == "dir/page?x=1"
    assert engine.attribute(link, "class") == "go"  # a plain string, not bs4's list
    assert engine.attribute(link, "title") is None
    assert engine.attribute("[data-testid=absent]", "href") is None
    assert engine.count("a.go") == 2
    assert engine.count("[data-testid=absent]") == 0


def test_invalid_selector_is_an_engine_error(engine: HttpEngine) -> None:
    engine.goto("/")
    with pytest.raises(EngineError, match="invalid CSS selector"):
        engine.count("a[")


# --- fetch -----------------------------------------------------------------------------------


def test_fetch_link_keeps_current_page(engine: HttpEngine, server_url: str) -> None:
    engine.goto("/")
    resource = engine.fetch("[data-testid=asset]")
    assert resource == Resource(server_url + "/asset.wav", 200, "audio/wav", 1234)
    assert engine.url == server_url + "/"
    assert engine.text("[data-testid=page-title]") == "Benvenuto nel portale"
    assert engine.evidence().journal[-1] == "GET /asset.wav -> 200"


def test_fetch_media_uses_its_source_child(engine: HttpEngine, server_url: str) -> None:
    engine.goto("/")
    assert engine.fetch("[data-testid=audio]").url == server_url + "/asset.wav"


def test_fetch_sends_the_session_cookies(engine: HttpEngine) -> None:
    engine.goto("/")
    assert engine.fetch("[data-testid=private]").status == 403
    engine.goto("/login-cookie")
    engine.goto("/")
    assert engine.fetch("[data-testid=private]").size == 10


def test_fetch_data_uri_is_decoded_locally(engine: HttpEngine) -> None:
    engine.goto("/")
    journal = engine.evidence().journal
    pixel = engine.fetch("[data-testid=pixel]")
    assert (pixel.status, pixel.content_type, pixel.size) == (200, "image/png", 8)
    text = engine.fetch("[data-testid=text-data]")
    assert (text.content_type, text.size) == ("text/plain", len("Hello, World"))
    assert engine.evidence().journal == journal  # no request made


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("[data-testid=plain]", "points to nothing"),
        ("[data-testid=js-link]", "needs JavaScript"),
        ("[data-testid=absent]", "nothing to fetch matches"),
    ],
)
def test_fetch_refuses(engine: HttpEngine, selector: str, expected: str) -> None:
    engine.goto("/")
    with pytest.raises(EngineError) as caught:
        engine.fetch(selector)
    assert expected in str(caught.value)


# --- failures and evidence -------------------------------------------------------------------


def test_server_error_page_is_loaded_then_reported(engine: HttpEngine, server_url: str) -> None:
    # A 5xx is an infrastructure failure (BROKEN), never a verdict on a rule; the page stays as evidence.
    with pytest.raises(ServerError, match=r"the portal answered 500 for /boom"):
        engine.goto("/boom")
    assert engine.status == 500
    assert engine.url == server_url + "/boom"
    assert engine.text("[data-testid=error]") == "Errore interno"
    assert engine.evidence().journal == ["GET /boom -> 500"]


def test_unreachable_server_fails_fast_with_the_url(engine: HttpEngine) -> None:
    with socket.socket() as sock:  # a port that was just free and now has no listener
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with HttpEngine(f"http://127.0.0.1:{port}") as dead:
        started = time.monotonic()
        with pytest.raises(UnreachableError) as caught:
            dead.goto("/login")
        assert time.monotonic() - started < 2
        assert str(caught.value) == f"cannot reach http://127.0.0.1:{port}/login: connection refused"
        assert dead.evidence().journal == ["GET /login -> failed: connection refused"]
        assert dead.url == ""


def test_slow_answer_is_a_timeout(server_url: str) -> None:
    with HttpEngine(server_url, timeout=0.3) as impatient:
        started = time.monotonic()
        with pytest.raises(UnreachableError, match=r"/slow: no answer within 0\.3 s"):
            impatient.goto("/slow")
        assert time.monotonic() - started < 1.5


def test_evidence_has_url_html_and_a_bounded_journal(engine: HttpEngine, server_url: str) -> None:
    engine.goto("/")
    evidence = engine.evidence()
    assert evidence.url == server_url + "/"
    assert 'data-testid="page-title"' in evidence.html
    assert evidence.journal == ["GET / -> 200"]
    for n in range(55):
        engine.goto(f"/dir/page?x={n}")
    journal = engine.evidence().journal
    assert len(journal) == 50
    assert journal[-1] == "GET /dir/page?x=54 -> 200"
    assert journal[0] == "GET /dir/page?x=5 -> 200"
