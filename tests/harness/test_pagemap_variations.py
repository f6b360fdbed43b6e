"""Page maps for real UI variations, on a small portal of their own: forms asking more of the account's
data, interstitial pages (passed in Given/When, only looked at in a Then), a menu path of clicks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from flask import Flask, redirect, request
from werkzeug.wrappers import Response

from portalcert import pagemap
from portalcert.engines.base import EngineError
from portalcert.engines.http import HttpEngine
from portalcert.errors import ConfigError
from portalcert.locator_ledger import LocatorLedger
from portalcert.portal import Portal

PAGE_MAP = """schema: portalcert-pagemap/1
interstitials:
  forced_password_change:
    recognise: "form#forced"
    fields: {current_password: "#current", new_password: "#new", confirm_password: "#confirm"}
    pass: "#change"
  account_prompt: {recognise: "#prompt", counts_as: home}
pages:
  login:
    url: /login
    recognise: "[data-page=login]"
    fields: {username: "#user", password: "#pass"}
    actions: {sign_in: "#go"}
  home:
    recognise: "[data-page=home]"
    actions: {menu: "#menu", sign_out: "#out"}
  menu:
    recognise: "[data-page=menu]"
    actions: {personal: "#personal"}
  personal:
    recognise: "[data-page=personal]"
    path: [home.menu, menu.personal]
  recovery:
    url: /recover
    recognise: "[data-page=recovery]"
    fields: {username: "#user", email: "#mail"}
    actions: {send: "#send"}
"""


def _page(name: str, body: str = "") -> str:
    return f'<!doctype html><html><body><main data-page="{name}">{body}</main></body></html>'


LOGIN = _page(
    "login",
    '<form method="post"><input id="user" name="user"><input id="pass" name="password">'
    '<button id="go">Sign in</button></form>',
)
FORCED = (
    '<!doctype html><form id="forced" method="post" action="/forced"><input id="current" name="current">'
    '<input id="new" name="new"><input id="confirm" name="confirm"><button id="change">OK</button></form>'
)
HOME = _page(
    "home",
    '<a id="menu" href="/menu">Menu</a> <form method="post" action="/out"><button id="out">x</button></form>',
)


@dataclass
class Account:
    password: str = "temp-1"
    temporary: bool = True
    sticky_change: bool = False  # a broken forced change: the form comes back whatever is sent
    prompt: bool = False  # an "are you still you?" prompt shown instead of the home page
    asked: dict[str, str] | None = None


def _portal_app(account: Account) -> Flask:
    app = Flask("variations")

    def login() -> str | Response:
        if request.method == "GET":
            return LOGIN
        if request.form.get("password") != account.password:
            return LOGIN
        return redirect("/forced" if account.temporary else "/home")

    def forced() -> str | Response:
        form = request.form
        accepted = not account.sticky_change and form.get("current") == account.password
        if request.method == "POST" and accepted and form["new"] and form["new"] == form["confirm"]:
            account.password, account.temporary = form["new"], False
            return redirect("/home")
        return FORCED

    def recover() -> str:
        if request.method == "POST":
            account.asked = dict(request.form)
        return _page(
            "recovery",
            '<form method="post"><input id="user" name="u"><input id="mail" name="m">'
            '<button id="send">Send</button></form>',
        )

    app.add_url_rule("/login", "login", login, methods=["GET", "POST"])
    app.add_url_rule("/forced", "forced", forced, methods=["GET", "POST"])
    app.add_url_rule("/home", "home", lambda: '<p id="prompt">Still you?</p>' if account.prompt else HOME)
    app.add_url_rule("/out", "out", lambda: redirect("/login"), methods=["POST"])
    app.add_url_rule("/menu", "menu", lambda: _page("menu", '<a id="personal" href="/personal">Me</a>'))
    app.add_url_rule("/personal", "personal", lambda: _page("personal"))
    app.add_url_rule("/recover", "recover", recover, methods=["GET", "POST"])
    return app


@dataclass
class Memory:
    current_password: str = ""

    def remember_password(self, password: str) -> None:
        self.current_password = password


def _load(tmp_path: Path, text: str) -> pagemap.PageMap:
    (tmp_path / "pagemap.yaml").write_text(text, encoding="utf-8")
    return pagemap.load(tmp_path / "pagemap.yaml")


@pytest.fixture
def account() -> Account:
    return Account()


@pytest.fixture
def portal(tmp_path: Path, account: Account) -> Iterator[Portal]:
    engine = HttpEngine("http://portal.test", transport=httpx.WSGITransport(app=_portal_app(account)))
    portal = Portal(engine, _load(tmp_path, PAGE_MAP), LocatorLedger().for_scenario("X-01"))
    portal.step_type = "given"
    yield portal
    engine.close()


def _sign_in(portal: Portal, password: str) -> None:
    portal.open("login")
    portal.fill("login", "username", "ann")
    portal.fill("login", "password", password)
    portal.press("login", "sign_in")


# --- forms filled from everything the task offers ---------------------------------------------------


def test_a_form_gets_every_offered_field_its_page_map_names(portal: Portal, account: Account) -> None:
    portal.open("recovery")
    offered = {"username": "ann", "email": "ann@example.org", "vat_number": "01234567890"}
    portal.fill_form("recovery", offered, required=["username"])
    portal.press("recovery", "send")
    assert account.asked == {"u": "ann", "m": "ann@example.org"}  # no vat_number field: not asked
    lookups = portal.locators.lookups
    assert (lookups.fields["recovery"], lookups.fillable["recovery"]) == ({"username"}, set(offered))


def test_a_required_field_missing_from_the_page_map_is_a_config_error(portal: Portal) -> None:
    portal.open("recovery")
    with pytest.raises(ConfigError, match=r"pages\.recovery\.fields\.vat_number: field not in the page map"):
        portal.fill_form("recovery", {"vat_number": "01234567890"}, required=["vat_number"])


# --- interstitials ----------------------------------------------------------------------------------


def test_a_forced_password_change_is_passed_and_its_password_remembered(
    portal: Portal, account: Account
) -> None:
    memory = Memory(current_password="temp-1")
    portal.interstitials.passwords = memory
    portal.step_type = "when"
    _sign_in(portal, "temp-1")
    assert portal.is_on("home")
    assert memory.current_password == account.password != "temp-1"  # the portal took the new one
    assert portal.interstitials.journal == [
        "passed interstitial `forced_password_change` at http://portal.test/forced"
    ]
    portal.press("home", "sign_out")
    _sign_in(portal, memory.current_password)
    assert portal.is_on("home") and portal.interstitials.journal[1:] == []


def test_a_then_step_never_passes_an_interstitial(portal: Portal, account: Account) -> None:
    portal.interstitials.passwords = Memory(current_password="temp-1")
    portal.open("login")
    portal.fill("login", "username", "ann")
    portal.fill("login", "password", "temp-1")
    # Pressed through the engine: the Portal would pass the interstitial right after its press.
    portal.engine.press("#go")
    portal.step_type = "then"
    assert not portal.is_on("home")
    assert portal.current_page() is None
    assert (account.temporary, portal.engine.url) == (True, "http://portal.test/forced")
    # The change form was seen: where the portal is, is known, and no interstitial's absence counts.
    assert not {key for key in portal.locators.absent if key.startswith("interstitials.")}
    portal.step_type = "given"
    portal.open("login")
    portal.step_type = "then"
    assert not portal.is_on("home"), "on a page the map names, nothing is hidden either"
    assert not {key for key in portal.locators.absent if key.startswith("interstitials.")}


def test_a_typo_in_an_interstitial_leaves_not_on_the_page_unverified(
    tmp_path: Path, account: Account
) -> None:
    """The portal shows its change form, which the page map cannot recognise: "not home" would be a
    FAIL of the portal's; it rests on a locator that never matched, so the run sets it aside."""
    typo = PAGE_MAP.replace('recognise: "form#forced"', 'recognise: "form#forcde"')
    engine = HttpEngine("http://portal.test", transport=httpx.WSGITransport(app=_portal_app(account)))
    portal = Portal(engine, _load(tmp_path, typo), LocatorLedger().for_scenario("X-01"))
    portal.step_type = "given"
    try:
        _sign_in(portal, "temp-1")
        portal.step_type = "then"
        assert not portal.is_on("home")
        unverified = portal.locators.unverified_absences()
    finally:
        engine.close()
    assert "interstitials.forced_password_change.recognise" in unverified


def test_an_interstitial_that_counts_as_a_page_counts_in_a_then_too(portal: Portal, account: Account) -> None:
    account.temporary, account.prompt = False, True
    _sign_in(portal, "temp-1")
    portal.step_type = "then"
    assert portal.is_on("home") and portal.current_page() == "home"
    assert not portal.is_on("login")


def test_an_interstitial_that_does_not_go_away_is_broken_not_looped(portal: Portal, account: Account) -> None:
    account.sticky_change = True
    portal.interstitials.passwords = Memory(current_password="temp-1")
    with pytest.raises(
        EngineError, match="`forced_password_change` is still shown after pressing its `pass`"
    ):
        _sign_in(portal, "temp-1")


def test_a_current_password_nobody_knows_is_broken(portal: Portal) -> None:
    with pytest.raises(EngineError, match="asks the current password, which this scenario does not know"):
        _sign_in(portal, "temp-1")


# --- a path of clicks -------------------------------------------------------------------------------


def test_a_page_with_a_path_is_reached_by_its_clicks_not_the_documents_route(
    portal: Portal, account: Account
) -> None:
    account.temporary = False
    _sign_in(portal, "temp-1")
    portal.go_to("personal", route=["home.settings", "settings.personal"])  # the document's own pages
    assert portal.is_on("personal")
    lookups = portal.locators.lookups
    assert lookups.routes == {"personal": ["home.settings", "settings.personal"]}
    assert lookups.actions["menu"] == {"personal"}  # the path's clicks are looked up as usual


def test_without_a_path_the_route_is_clicked_and_kept_out_of_the_rules_needs(
    tmp_path: Path, account: Account
) -> None:
    account.temporary = False
    text = PAGE_MAP.replace("    path: [home.menu, menu.personal]\n", "")
    engine = HttpEngine("http://portal.test", transport=httpx.WSGITransport(app=_portal_app(account)))
    portal = Portal(engine, _load(tmp_path, text), LocatorLedger().for_scenario("X-01"))
    portal.step_type = "when"
    _sign_in(portal, "temp-1")
    portal.go_to("personal", route=["home.menu", "menu.personal"])
    assert portal.is_on("personal")
    assert "menu" not in portal.locators.lookups.actions  # needed only as the route, unless a path
    engine.close()


# --- page-map mistakes name key and line ------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            "path: [home.menu, menu.personal]",
            "path: [home.menu, menu.person]",
            "pages.personal.path[1]",
            "menu.actions has no 'person'",
        ),
        (
            "path: [home.menu, menu.personal]",
            "path: [home.menu, admin.personal]",
            "pages.personal.path[1]",
            "page 'admin' is not in the page map",
        ),
        (
            "path: [home.menu, menu.personal]",
            "path: [menu]",
            "pages.personal.path[0]",
            "expected <page>.<action> or common.<action>",
        ),
        (
            "counts_as: home}",
            "counts_as: start}",
            "interstitials.account_prompt.counts_as",
            "page 'start' is not in the page map",
        ),
        (
            "counts_as: home}",
            "counts_as: home, pass: '#x'}",
            "interstitials.account_prompt",
            "give either `pass`",
        ),
        (
            "confirm_password:",
            "repeat_password:",
            "interstitials.forced_password_change.fields.repeat_password",
            "unknown field (the harness fills: new_password, confirm_password, current_password)",
        ),
        (
            'sign_in: "#go"',
            'sign_in: {selector: "#go", speaks: yes please}',
            "pages.login.actions.sign_in.speaks",
            "expected true or false",
        ),
    ],
)
def test_a_page_map_mistake_names_key_and_line(
    tmp_path: Path, old: str, new: str, key: str, message: str
) -> None:
    text = PAGE_MAP.replace(old, new)
    assert text != PAGE_MAP
    with pytest.raises(ConfigError) as raised:
        _load(tmp_path, text)
    assert (raised.value.key, message in str(raised.value)) == (key, True)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if new.split(":")[0].strip() in row)
    assert raised.value.line == line
