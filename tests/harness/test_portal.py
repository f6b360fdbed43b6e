"""The Portal: Then steps only observe, and every page-map entry it evaluates is recorded."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from flask import Flask

from portalcert import pagemap
from portalcert.checks import ActingInThen
from portalcert.engines.base import EngineError
from portalcert.engines.http import HttpEngine
from portalcert.locator_ledger import LocatorLedger
from portalcert.portal import Portal

PAGE = """<!doctype html><html><body data-page="login">
<form method="post" action="/"><input name="username"><input type="radio" name="kind" value="cf">
<button data-testid="go">ACCEDI</button><button data-testid="print" disabled>STAMPA</button></form>
<a data-testid="audio" href="/audio">listen</a><a data-testid="retry" aria-disabled="true">RIPROVA</a>
<div data-testid="top"><a data-testid="recover">recover</a></div><div data-testid="bottom">help</div>
<p data-testid="notice">ok</p></body></html>"""

PAGE_MAP = """schema: portalcert-pagemap/1
common:
  read:
    error: "[data-testid=eror]"
    notice: "[data-testid=notice]"
pages:
  login:
    url: /
    recognise: "[data-page=login]"
    fields:
      username: "input[name=username]"
      password: "input[name=pasword]"
      kind: { selector: "input[name=kind]", options: { fiscal: cf } }
    actions:
      sign_in: "[data-testid=go]"
      listen: "[data-testid=audio]"
      print: "[data-testid=print]"
      retry: "[data-testid=retry]"
      recover: "[data-testid=recover]"
    read:
      top: "[data-testid=top]"
      bottom: "[data-testid=bottom]"
      nowhere: "[data-testid=nowhere]"
  line:
    url: /lines/{company}/{line_id}
    recognise: "[data-page=line]"
"""


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    app = Flask("portal-under-test")
    app.add_url_rule("/", "page", lambda: PAGE, methods=["GET", "POST"])
    app.add_url_rule("/audio", "audio", lambda: ("RIFF", 200, {"Content-Type": "audio/wav"}))
    app.add_url_rule(
        "/lines/<company>/<line_id>",
        "line",
        lambda company, line_id: f'<p data-page="line" data-testid="shown">{company}|{line_id}</p>',
    )
    (tmp_path / "pagemap.yaml").write_text(PAGE_MAP, encoding="utf-8")
    engine = HttpEngine("http://portal.test", transport=httpx.WSGITransport(app=app))
    portal = Portal(engine, pagemap.load(tmp_path / "pagemap.yaml"), LocatorLedger().for_scenario("X-01"))
    portal.step_type = "given"
    portal.open("login")
    yield portal
    engine.close()


@pytest.mark.parametrize(
    ("act", "message"),
    [
        (lambda p: p.open("login"), "it tried to open `pages.login`"),
        (lambda p: p.fill("login", "username", "mario"), "it tried to fill `pages.login.fields.username`"),
        (lambda p: p.choose("login", "kind", "fiscal"), "it tried to choose in `pages.login.fields.kind`"),
        (lambda p: p.press("login", "sign_in"), "it tried to press `pages.login.actions.sign_in`"),
        (lambda p: p.follow("http://portal.test/audio"), "it tried to follow `a link from a message`"),
    ],
)
def test_a_then_step_may_not_act(portal: Portal, act: Callable[[Portal], None], message: str) -> None:
    portal.step_type = "then"
    with pytest.raises(ActingInThen, match=f"a Then step may only observe: {message}"):
        act(portal)


def test_a_then_step_observes_reads_and_fetches(portal: Portal) -> None:
    portal.step_type = "then"
    assert portal.is_on("login") and portal.shows(None, "notice") and portal.offers("login", "sign_in")
    assert portal.read(None, "notice") == "ok"
    assert portal.fetch("login", "listen").content_type == "audio/wav"
    portal.step_type = "when"
    portal.press("login", "sign_in")  # acting is for Given and When


def test_matches_and_relied_on_absences_are_recorded(portal: Portal) -> None:
    ledger = portal.locators.ledger
    assert portal.is_on("login") and portal.shows(None, "notice")
    assert not portal.shows(None, "error")
    assert ledger.matched >= {"pages.login.recognise", "common.read.notice"}
    assert portal.locators.absent == {"common.read.error"}
    assert portal.locators.unverified_absences() == ["common.read.error"]
    assert ledger.explain("common.read.error") == (
        "page map: `common.read.error` ([data-testid=eror]) matched nothing in this run"
    )


def test_looking_only_to_describe_relies_on_nothing(portal: Portal) -> None:
    with portal.describing():
        assert portal.read(None, "error") is None
    assert portal.locators.absent == set()
    assert portal.locators.ledger.never_matched("common.read.error")


def test_acting_on_a_locator_that_matches_nothing_names_the_page_map_entry(portal: Portal) -> None:
    with pytest.raises(
        EngineError, match=r"input\[name=pasword\].*\(page map `pages.login.fields.password`\)"
    ):
        portal.fill("login", "password", "secret")
    assert portal.locators.ledger.never_matched("pages.login.fields.password")


def test_lookups_are_pooled_per_rule(portal: Portal) -> None:
    portal.fill("login", "username", "mario")
    portal.shows(None, "notice")
    lookups = portal.locators.ledger.by_rule["X-01"]
    assert lookups.open == {"login"}
    assert lookups.fields == {"login": {"username"}} and lookups.read == {"common": {"notice"}}


def test_an_action_is_offered_only_when_there_and_enabled(portal: Portal) -> None:
    assert portal.offers("login", "sign_in")
    assert not portal.offers("login", "print")  # a disabled button
    assert not portal.offers("login", "retry")  # aria-disabled
    assert portal.locators.absent == set(), "a disabled action is seen, not missing"


def test_an_action_inside_an_area_is_seen_not_inferred(portal: Portal) -> None:
    assert portal.offers_within("login", "top", "recover")
    assert not portal.offers_within("login", "bottom", "recover")
    # Both parts were found on the page: "not inside" rests on no absence a typo could fake.
    assert portal.locators.absent == set()
    assert not portal.offers_within("login", "nowhere", "recover")
    assert portal.locators.absent == {"pages.login.read.nowhere"}


def test_a_page_url_takes_the_scenarios_values_url_quoted(portal: Portal) -> None:
    portal.open("line", {"company": "ACME 2&3?", "line_id": "42"})
    assert portal.engine.url == "http://portal.test/lines/ACME%202%263%3F/42"
    assert portal.is_on("line") and portal.engine.text("[data-testid=shown]") == "ACME 2&3?|42"
    with pytest.raises(
        EngineError, match=r"`pages.line.url` \(/lines/\{company\}/\{line_id\}\) needs \{line_id\}"
    ):
        portal.open("line", {"company": "ACME"})


def test_a_link_from_a_message_is_followed_only_when_it_is_a_web_address(portal: Portal) -> None:
    portal.follow("http://portal.test/lines/A/7")
    assert portal.is_on("line")
    with pytest.raises(EngineError, match="must be an http\\(s\\) address"):
        portal.follow("javascript:alert(1)")
