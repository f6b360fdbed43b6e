"""The Engine contract, once, on both engines: the same page read, filled and pressed must give the same
result whichever engine runs, so a page map behaves the same on either (pages: conftest.py).

What only one engine does (the http engine's form emulation limits and status, the browser's JavaScript,
tracing and screenshots) is in test_http_engine.py and test_browser_engine.py.
"""

from __future__ import annotations

import base64
import hashlib
import socket
import time
from collections.abc import Callable, Iterator
from urllib.parse import urldefrag

import pytest

from portalcert.engines import Engine, EngineError, Resource, ServerError, UnreachableError
from portalcert.engines.browser import BrowserEngine
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.http import HttpEngine
from tests.engine_params import ENGINES

OpenEngine = Callable[[str], Engine]


# An unreachable portal is reported at once, not after a timeout (a browser takes a little longer to start).
FAILS_FAST_SECONDS = {"http": 2.0, "browser": 3.0}

DEFAULT_FORM = (
    "token=t0k&name=&ro=r&kind=cf&other=z&terms=ok&city=MI&first=a&note=hello&in_legend=l"
    "&action=save&outside=o"
)


@pytest.fixture(params=ENGINES)
def open_engine(request: pytest.FixtureRequest, browser_settings: BrowserSettings) -> Iterator[OpenEngine]:
    """Opens engines of the kind under test on a base URL; each is closed after the test."""
    opened: list[Engine] = []

    def open_on(base_url: str) -> Engine:
        if request.param == "http":
            engine: Engine = HttpEngine(base_url)
        else:
            engine = BrowserEngine(base_url, timeout=5, settings=browser_settings)
        opened.append(engine)
        return engine

    yield open_on
    for engine in opened:
        engine.close()


@pytest.fixture
def engine(open_engine: OpenEngine, server_url: str) -> Engine:
    return open_engine(server_url + "/")


def raw(engine: Engine) -> str | None:
    return engine.text("[data-testid=raw]")


def unused_port() -> int:
    with socket.socket() as sock:  # a port that was just free and now has no listener
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_is_an_engine(engine: Engine, request: pytest.FixtureRequest) -> None:
    assert isinstance(engine, Engine)
    assert engine.name == request.node.callspec.params["open_engine"]


# --- navigation ------------------------------------------------------------------------------


def test_goto_resolves_paths_against_base_url_and_accepts_absolute_urls(
    engine: Engine, server_url: str
) -> None:
    engine.goto("/")
    assert engine.url == server_url + "/"
    assert engine.text("[data-testid=page-title]") == "Benvenuto nel portale"
    engine.goto(server_url + "/dir/page?x=7")
    assert engine.text("[data-testid=where]") == "page x=7"


def test_goto_puts_page_urls_under_the_base_urls_path_and_keeps_absolute_urls(
    open_engine: OpenEngine, server_url: str
) -> None:
    engine = open_engine(server_url + "/dir/")
    engine.goto("page?x=2")
    assert engine.url == server_url + "/dir/page?x=2"
    engine.goto("/page?x=3")  # a page-map URL is a path under the portal's base URL (portalcert.urls)
    assert engine.url == server_url + "/dir/page?x=3"
    engine.goto(server_url + "/form")
    assert engine.url == server_url + "/form"


def test_press_link_resolves_relative_to_current_page(engine: Engine, server_url: str) -> None:
    engine.goto("/")
    engine.press("[data-testid=box-registrati] [data-testid=link-registrati-ora]")
    assert engine.url == server_url + "/dir/page?x=1"
    assert engine.text("[data-testid=where]") == "page x=1"
    engine.press("a")
    assert engine.url == server_url + "/dir/sibling"
    assert engine.text("[data-testid=where]") == "sibling"


def test_press_with_several_matches_acts_on_the_first(engine: Engine, server_url: str) -> None:
    engine.goto("/")
    engine.press("a.go")
    assert engine.url == server_url + "/dir/page?x=1"


def test_same_page_anchor_changes_fragment_without_a_request(engine: Engine, server_url: str) -> None:
    engine.goto("/")
    engine.press("[data-testid=anchor]")
    assert engine.url == server_url + "/#bottom"
    assert engine.evidence().journal == ["GET / -> 200"]


def test_cookies_persist_across_redirects_and_requests(engine: Engine, server_url: str) -> None:
    engine.goto("/login-cookie")
    assert engine.url == server_url + "/whoami"
    assert engine.text("[data-testid=cookie]") == "abc123"
    engine.goto("/whoami")
    assert engine.text("[data-testid=cookie]") == "abc123"


def test_each_engine_has_its_own_cookies(open_engine: OpenEngine, server_url: str) -> None:
    first, second = open_engine(server_url), open_engine(server_url)
    first.goto("/login-cookie")
    second.goto("/whoami")
    assert first.text("[data-testid=cookie]") == "abc123"
    assert second.text("[data-testid=cookie]") == "none"
    first.goto("/")
    second.goto("/")
    # fetch() shares the engine's cookies and leaves the page where it is
    assert first.fetch("[data-testid=private]").status == 200
    assert second.fetch("[data-testid=private]").status == 403
    assert first.text("[data-testid=page-title]") == "Benvenuto nel portale"


@pytest.mark.parametrize("code", [303, 302])
def test_post_redirect_becomes_get(engine: Engine, server_url: str, code: int) -> None:
    engine.goto(f"/register?code={code}")
    engine.fill("input[name=user]", "ann")
    engine.press("[data-testid=send]")
    assert engine.url == server_url + "/done?user=ann"  # /done answers 405 to a POST
    assert engine.text("[data-testid=done]") == "done ann"
    assert engine.evidence().journal[-2:] == [f"POST /register -> {code}", "GET /done?user=ann -> 200"]
    engine.goto("/whoami")
    assert engine.text("[data-testid=cookie]") == "s-ann"  # set on the redirect response


# --- forms: what a browser submits -----------------------------------------------------------


def test_untouched_form_submits_what_a_browser_would(engine: Engine) -> None:
    # Hidden and readonly included; disabled (own or fieldset, except first legend), unchecked,
    # nameless, stray and other buttons excluded; first enabled option is a drop-down's default;
    # of two `selected` options the last wins; the leading newline of <textarea> is not content;
    # a control with form= joins that form.
    engine.goto("/form")
    engine.press("[data-testid=save]")
    assert engine.text("[data-testid=method]") == "POST"
    assert engine.text("[data-testid=ctype]") == "application/x-www-form-urlencoded"
    assert raw(engine) == DEFAULT_FORM


def test_only_the_pressed_button_is_submitted(engine: Engine) -> None:
    engine.goto("/form")
    engine.press("[data-testid=delete]")
    assert raw(engine) == DEFAULT_FORM.replace("action=save", "action=delete")


def test_button_outside_form_with_form_attribute_submits_that_form(engine: Engine) -> None:
    engine.goto("/form")
    engine.press("[data-testid=external]")
    assert raw(engine) == DEFAULT_FORM.replace("&action=save", "") + "&external=go"


def test_filled_and_chosen_values_are_submitted(engine: Engine) -> None:
    engine.goto("/form")
    engine.fill("input[name=name]", "Mario Rossi & co")
    engine.fill("textarea[name=note]", "riga1\nriga2")
    engine.choose("input[name=kind]", "piva")
    engine.choose("input[name=news]", "yes")
    engine.choose("select[name=city]", "Torino")  # option without value: its text
    engine.press("[data-testid=save]")
    assert engine.text("[data-testid=method]") == "POST"
    assert raw(engine) == (
        "token=t0k&name=Mario+Rossi+%26+co&ro=r&kind=piva&other=z&news=yes&terms=ok&city=Torino"
        "&first=a&note=riga1%0D%0Ariga2&in_legend=l&action=save&outside=o"
    )
    fields = engine.texts("[data-testid=field]")
    assert {"name=Mario Rossi & co", "kind=piva", "action=save"} <= set(fields)


def test_fill_on_select_picks_option_by_value(engine: Engine) -> None:
    engine.goto("/form")
    engine.fill("select[name=city]", "RM")
    engine.press("[data-testid=save]")
    assert "&city=RM&" in (raw(engine) or "")


def test_fill_and_choose_on_selects_are_submitted(engine: Engine) -> None:
    engine.goto("/form")
    engine.fill("select[name=city]", "MI")
    engine.choose("select[name=first]", "a")
    engine.press("[data-testid=save]")
    fields = engine.texts("[data-testid=field]")
    assert "city=MI" in fields
    assert "first=a" in fields


def test_get_form_replaces_action_query(engine: Engine, server_url: str) -> None:
    engine.goto("/form")
    engine.press("[data-testid=search]")
    # the action's #frag: a browser keeps it in the address bar, the http engine drops it (test_http_engine)
    assert urldefrag(engine.url).url == server_url + "/echo?q=a+b"
    assert (engine.text("[data-testid=method]"), raw(engine)) == ("GET", "q=a+b")
    assert engine.text("[data-testid=referer]") == server_url + "/form"


def test_submitter_formmethod_and_formaction_override_the_form(engine: Engine, server_url: str) -> None:
    engine.goto("/form")
    engine.press("[data-testid=override]")
    assert engine.url == server_url + "/echo?b=1"
    assert engine.text("[data-testid=method]") == "GET"


def test_multipart_form_sends_fields_and_empty_file(engine: Engine) -> None:
    engine.goto("/form")
    engine.press("[data-testid=upload]")
    assert engine.text("[data-testid=ctype]") == "multipart/form-data"
    assert engine.texts("[data-testid=field]") == ["title=T", "doc=file:"]


def test_form_is_encoded_in_the_page_charset(engine: Engine) -> None:
    engine.goto("/latin1")
    assert engine.attribute("input[name=city]", "value") == "Forlì"
    engine.press("button")
    assert raw(engine) == "city=Forl%EC"


# --- what cannot be done is an EngineError naming the locator and the page ------------------


def test_fill_of_a_missing_field_is_refused(engine: Engine) -> None:
    engine.goto("/form")
    with pytest.raises(EngineError) as caught:
        engine.fill("input[name=missing]", "x")
    assert "no field matches input[name=missing] on http://" in str(caught.value)
    assert "/form" in str(caught.value)


def test_fill_select_with_unknown_value_names_the_options(engine: Engine) -> None:
    engine.goto("/form")
    with pytest.raises(EngineError) as caught:
        engine.fill("select[name=city]", "TO")
    assert "options found: 'RM', 'MI', 'Torino', 'NA'" in str(caught.value)


@pytest.mark.parametrize(
    ("selector", "value", "expected"),
    [
        (
            "input[name=kind]",
            "xx",
            r"no option with value 'xx' for input\[name=kind\].*options found: 'cf', 'piva'",
        ),
        ("input[name=nothing]", "cf", r"nothing to choose from matches input\[name=nothing\]"),
    ],
)
def test_choose_refuses(engine: Engine, selector: str, value: str, expected: str) -> None:
    engine.goto("/form")
    with pytest.raises(EngineError, match=expected):
        engine.choose(selector, value)


def test_press_of_a_missing_element_is_refused_without_sending_anything(
    engine: Engine, server_url: str
) -> None:
    engine.goto("/")
    with pytest.raises(EngineError) as caught:
        engine.press("[data-testid=nope]")
    assert "nothing to press matches [data-testid=nope]" in str(caught.value)
    assert engine.url == server_url + "/"
    assert len(engine.evidence().journal) == 1


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("[data-testid=plain]", "points to nothing"),
        ("[data-testid=absent]", "nothing to fetch matches"),
    ],
)
def test_fetch_refuses(engine: Engine, selector: str, expected: str) -> None:
    engine.goto("/")
    with pytest.raises(EngineError) as caught:
        engine.fetch(selector)
    assert expected in str(caught.value)


def test_invalid_selector_is_an_engine_error(engine: Engine) -> None:
    engine.goto("/")
    with pytest.raises(EngineError):
        engine.count("a[")


# --- reading ---------------------------------------------------------------------------------


def test_text_is_whitespace_normalised_and_blocks_are_separated(engine: Engine) -> None:
    engine.goto("/")
    assert engine.text("[data-testid=page-title]") == "Benvenuto nel portale"
    assert engine.text("[data-testid=menu]") == "Uno Due"
    assert engine.text("[data-testid=inline]") == "Hello there"  # inline tags join, comments vanish
    assert "script text" not in (engine.text("html") or "")
    assert engine.text("[data-testid=absent]") is None


def test_texts_attribute_count(engine: Engine) -> None:
    engine.goto("/")
    assert engine.texts("[data-testid=menu] li") == ["Uno", "Due"]
    assert engine.texts("[data-testid=absent]") == []
    link = "[data-testid=link-registrati-ora]"
    assert engine.attribute(link, "href") == "dir/page?x=1"  # the raw value, not the resolved URL
    assert engine.attribute(link, "class") == "go"  # a plain string, not bs4's list
    assert engine.attribute(link, "title") is None
    assert engine.attribute("[data-testid=absent]", "href") is None
    assert engine.count("a.go") == 2
    assert engine.count("[data-testid=absent]") == 0


# --- fetch -----------------------------------------------------------------------------------


def test_fetch_link_keeps_current_page(engine: Engine, server_url: str) -> None:
    engine.goto("/")
    resource = engine.fetch("[data-testid=asset]")
    assert resource == Resource.of(server_url + "/asset.wav", 200, "audio/wav", b"RIFF" + b"\0" * 1230)
    assert engine.url == server_url + "/"
    assert engine.text("[data-testid=page-title]") == "Benvenuto nel portale"
    assert engine.evidence().journal[-1] == "GET /asset.wav -> 200"


def test_fetch_media_uses_its_source_child(engine: Engine, server_url: str) -> None:
    engine.goto("/")
    assert engine.fetch("[data-testid=audio]").url == server_url + "/asset.wav"


def test_fetch_sends_the_session_cookies(engine: Engine) -> None:
    engine.goto("/")
    assert engine.fetch("[data-testid=private]").status == 403
    engine.goto("/login-cookie")
    engine.goto("/")
    assert engine.fetch("[data-testid=private]").size == 10


def test_fetch_digest_follows_the_content_not_the_address(engine: Engine) -> None:
    engine.goto("/")
    first, again = engine.fetch("[data-testid=asset]"), engine.fetch("[data-testid=audio]")
    assert first.digest == again.digest  # two elements, same content
    assert engine.fetch("[data-testid=private]").digest != first.digest


def test_fetch_data_uri_is_decoded_locally(engine: Engine) -> None:
    engine.goto("/")
    journal = engine.evidence().journal
    pixel = engine.fetch("[data-testid=pixel]")
    assert (pixel.status, pixel.content_type, pixel.size) == (200, "image/png", 8)
    assert pixel.digest == hashlib.sha256(base64.b64decode("iVBORw0KGgo=")).hexdigest()
    text = engine.fetch("[data-testid=text-data]")
    assert (text.content_type, text.size) == ("text/plain", len("Hello, World"))
    assert engine.evidence().journal == journal  # no request made


# --- failures and evidence -------------------------------------------------------------------


def test_server_error_page_is_loaded_then_reported(engine: Engine, server_url: str) -> None:
    # A 5xx is an infrastructure failure (BROKEN), never a verdict on a rule; the page stays as evidence.
    with pytest.raises(ServerError, match=r"the portal answered 500 for /boom"):
        engine.goto("/boom")
    assert engine.url == server_url + "/boom"
    assert engine.text("[data-testid=error]") == "Errore interno"
    assert engine.evidence().journal == ["GET /boom -> 500"]


def test_server_error_after_a_press_is_reported(engine: Engine) -> None:
    engine.goto("/failing-form")
    with pytest.raises(ServerError, match=r"the portal answered 503 for /explode"):
        engine.press("#go")
    assert engine.text("#oops") == "Errore del server"


def test_unreachable_server_fails_fast_with_the_url(open_engine: OpenEngine) -> None:
    port = unused_port()
    dead = open_engine(f"http://127.0.0.1:{port}")
    started = time.monotonic()
    with pytest.raises(UnreachableError) as caught:
        dead.goto("/login")
    assert time.monotonic() - started < FAILS_FAST_SECONDS[dead.name]
    assert str(caught.value) == f"cannot reach http://127.0.0.1:{port}/login: connection refused"
    assert dead.evidence().journal == ["GET /login -> failed: connection refused"]


def test_evidence_has_url_html_and_a_bounded_journal(engine: Engine, server_url: str) -> None:
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
