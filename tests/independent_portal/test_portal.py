"""The Acme test portal itself: the rules it implements, its faults, its channels, its markup.

Messages are captured for real: an HTTP server on loopback receives the SMS-gateway webhook POSTs and
an aiosmtpd SMTP server receives the e-mails; the portal finds both through a sinks file, as it does in
a portalcert run. One Playwright test signs in through Chromium, JavaScript step included, driving the
portal only through the page map's locators.
"""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
import yaml
from aiosmtpd.controller import Controller
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from portalcert import pagemap as pagemap_module
from tests.independent_portal.app import (
    CODE_EXPIRED,
    CODE_LOCKED,
    CODE_NO_LOGIN,
    ERR_CREDENTIALS,
    ERR_LINE_NOT_ACTIVE,
    ERR_MAIL_FAILED,
    ERR_NO_MATCH,
    ERR_SMS_FAILED,
    FAULTS,
    MAIL_SENDER,
    PASSWORD_SENT,
    SMS_SENDER,
    USERNAME_SENT,
    create_app,
    serve,
)

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/lib/chromium/chromium")
FAST_HASH = "pbkdf2:sha256:1000"  # the served portal uses scrypt; tests only need it to be a real hash


# --- capturing what the portal sends ----------------------------------------------------------------
@dataclass(frozen=True)
class Sms:
    to: str
    sender: str
    body: str


@dataclass(frozen=True)
class Mail:
    to: list[str]
    message: EmailMessage

    @property
    def body(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        assert part is not None
        return str(part.get_content())


@dataclass
class Sinks:
    file: Path
    sms: list[Sms] = field(default_factory=list)
    mail: list[Mail] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def clear(self) -> None:
        with self.lock:
            self.sms.clear()
            self.mail.clear()


class _Gateway(ThreadingHTTPServer):
    sinks: Sinks


class _SmsWebhook(BaseHTTPRequestHandler):
    server: _Gateway

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        assert self.headers.get_content_type() == "application/x-www-form-urlencoded"
        form = parse_qs(self.rfile.read(length).decode("utf-8"))
        with self.server.sinks.lock:
            self.server.sinks.sms.append(Sms(form["To"][0], form["From"][0], form["Body"][0]))
        answer = b'{"sid": "SM0001", "status": "queued"}'
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output quiet
        pass


class _MailHandler:
    def __init__(self, sinks: Sinks) -> None:
        self.sinks = sinks

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        assert isinstance(message, EmailMessage)
        with self.sinks.lock:
            self.sinks.mail.append(Mail(list(envelope.rcpt_tos), message))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def running_sinks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sinks]:
    sinks = Sinks(tmp_path_factory.mktemp("acme") / "sinks.json")
    gateway = _Gateway(("127.0.0.1", 0), _SmsWebhook)
    gateway.sinks = sinks
    threading.Thread(target=gateway.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    smtp = Controller(
        _MailHandler(sinks), hostname="127.0.0.1", port=_free_port(), server_hostname="sink.test"
    )
    smtp.start()
    sinks.file.write_text(
        json.dumps(
            {
                "sms": {"url": f"http://127.0.0.1:{gateway.server_port}/sms"},
                "email": {"host": "127.0.0.1", "port": smtp.port},
            }
        ),
        encoding="utf-8",
    )
    try:
        yield sinks
    finally:
        smtp.stop()
        gateway.shutdown()
        gateway.server_close()


@pytest.fixture
def sinks(running_sinks: Sinks) -> Sinks:
    running_sinks.clear()
    return running_sinks


# --- the portal, its accounts, its target ---------------------------------------------------------
@pytest.fixture(scope="module")
def accounts() -> dict[str, dict[str, Any]]:
    """Role -> user (or person) record of accounts.json, users with their `business_number`."""
    data = json.loads((HERE / "accounts.json").read_text(encoding="utf-8"))
    by_id = {r["id"]: r for section in ("users", "people", "sims") for r in data[section]}
    roles: dict[str, dict[str, Any]] = {}
    for role in ("user", "temp_user", "ceased_user", "registrant"):
        ids = data["accounts"][role]
        record = dict(by_id[ids[0] if isinstance(ids, list) else ids])  # a pool: its first member
        if "business_sim" in record:
            record["business_number"] = by_id[record["business_sim"]]["number"]
        roles[role] = record
    return roles


@pytest.fixture(scope="module")
def patterns() -> dict[str, re.Pattern[str]]:
    target = yaml.safe_load((HERE / "target.yaml").read_text(encoding="utf-8"))
    return {name: re.compile(text) for name, text in target["messages"]["patterns"].items()}


AppFactory = Callable[..., Flask]


@pytest.fixture
def make_app(sinks: Sinks) -> AppFactory:
    def build(**config: Any) -> Flask:
        settings: dict[str, Any] = {"SINKS_FILE": str(sinks.file), "PASSWORD_HASH_METHOD": FAST_HASH}
        settings.update(config)
        return create_app(settings)

    return build


@pytest.fixture
def client(make_app: AppFactory) -> FlaskClient:
    return make_app().test_client()


def _form_token(client: FlaskClient, path: str) -> str:
    page = client.get(path)
    match = re.search(r'name="_csrf" value="([^"]+)"', page.text)
    assert match, f"no form token on {path}"
    return match.group(1)


def sign_in(client: FlaskClient, username: str, password: str) -> TestResponse:
    token = _form_token(client, "/accesso")
    return client.post("/accesso", data={"_csrf": token, "utente": username, "segreto": password})


def verify(client: FlaskClient, code: str, *, token: str | None = None) -> dict[str, Any]:
    if token is None:
        page = client.get("/accesso/verifica")
        match = re.search(r'<meta name="csrf-token" content="([^"]+)">', page.text)
        assert match
        token = match.group(1)
    answer = client.post("/api/verifica-codice", json={"code": code}, headers={"X-CSRF-Token": token})
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.get_json()
    return result


def alert(page: TestResponse) -> str | None:
    match = re.search(r'<div class="avviso avviso--errore" role="alert">([^<]*)</div>', page.text)
    return match.group(1).replace("&#39;", "'") if match else None


def status(page: TestResponse) -> str | None:
    match = re.search(r'<div class="avviso avviso--ok" role="status">([^<]*)</div>', page.text)
    return match.group(1).replace("&#39;", "'") if match else None


def login_code(sinks: Sinks, patterns: dict[str, re.Pattern[str]]) -> str:
    assert len(sinks.sms) == 1, sinks.sms
    match = patterns["login_otp"].search(sinks.sms[0].body)
    assert match, sinks.sms[0].body
    return match.group(1)


def recover(client: FlaskClient, what: str, first: str, fiscal_code: str) -> TestResponse:
    path, name = {
        "password": ("/recupero/password", "nome_utente"),
        "username": ("/recupero/nome-utente", "email"),
    }[what]
    token = _form_token(client, path)
    return client.post(path, data={"_csrf": token, name: first, "codice_fiscale": fiscal_code})


# --- CM6-23, CM6-25: credentials first, then an active line -------------------------------------------
def test_credentials_are_checked_before_anything_else(
    client: FlaskClient, sinks: Sinks, accounts: dict[str, dict[str, Any]]
) -> None:
    user, temp_user, ceased = accounts["user"], accounts["temp_user"], accounts["ceased_user"]
    attempts = [
        (user["username"], user["password"] + "X9"),  # wrong password
        (user["username"], temp_user["password"]),  # another user's password
        ("nessuno" + user["username"], user["password"]),  # unknown user
        (ceased["username"], ceased["password"] + "X9"),  # ceased line, wrong password: credentials win
    ]
    for username, password in attempts:
        page = sign_in(client, username, password)
        assert page.status_code == 200
        assert alert(page) == ERR_CREDENTIALS, (username, alert(page))
    assert sinks.sms == []
    assert client.get("/area-riservata").headers["Location"] == "/accesso"


def test_a_user_whose_business_sim_has_ceased_is_refused(
    client: FlaskClient, sinks: Sinks, accounts: dict[str, dict[str, Any]]
) -> None:
    ceased = accounts["ceased_user"]
    page = sign_in(client, ceased["username"], ceased["password"])
    assert page.status_code == 200
    assert alert(page) == ERR_LINE_NOT_ACTIVE
    assert sinks.sms == []


# --- CM6-24: the code goes by SMS to the business number, through the JSON API --------------------------
def test_the_login_code_goes_by_sms_to_the_business_number(
    client: FlaskClient,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    user = accounts["user"]
    page = sign_in(client, user["username"], user["password"])
    assert page.status_code == 303 and page.headers["Location"] == "/accesso/verifica"
    [sms] = sinks.sms
    assert sms.to == "+39" + user["business_number"]
    assert sms.sender == SMS_SENDER
    assert re.fullmatch(r"[0-9]{6}", login_code(sinks, patterns))


def test_the_right_code_opens_the_private_area_and_logout_closes_it(
    client: FlaskClient,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    user = accounts["user"]
    sign_in(client, user["username"], user["password"])
    assert client.get("/area-riservata").status_code == 302  # the password alone opens nothing
    assert verify(client, login_code(sinks, patterns)) == {"ok": True, "next": "/area-riservata"}
    home = client.get("/area-riservata")
    assert home.status_code == 200
    assert f"Benvenuto, {user['first_name']} {user['last_name']}" in home.text
    token = re.search(r'name="_csrf" value="([^"]+)"', home.text)
    assert token
    assert client.post("/esci", data={"_csrf": token.group(1)}).headers["Location"] == "/accesso"
    assert client.get("/area-riservata").headers["Location"] == "/accesso"


def test_wrong_codes_are_refused_and_the_third_locks_the_code(
    client: FlaskClient,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    user = accounts["user"]
    sign_in(client, user["username"], user["password"])
    code = login_code(sinks, patterns)
    wrong = code[::-1] + "9"
    assert verify(client, wrong) == {
        "ok": False,
        "error": "Codice non corretto. Tentativi rimasti: 2.",
        "outcome": "codice-errato",
    }
    assert verify(client, wrong)["error"] == "Codice non corretto. Tentativi rimasti: 1."
    locked = {"ok": False, "error": CODE_LOCKED, "outcome": "codice-bloccato"}
    assert verify(client, wrong) == locked
    assert verify(client, code) == locked  # even the right one, now
    assert client.get("/area-riservata").status_code == 302


def test_a_code_is_single_use_and_bound_to_its_session(
    make_app: AppFactory,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    user = accounts["user"]
    app = make_app()
    first, second = app.test_client(), app.test_client()
    sign_in(first, user["username"], user["password"])
    code = login_code(sinks, patterns)
    sinks.clear()
    sign_in(second, user["username"], user["password"])
    second_code = login_code(sinks, patterns)
    if second_code != code:  # one in a million they coincide
        assert verify(second, code)["ok"] is False  # another session's code opens nothing
    assert verify(first, code)["ok"] is True
    token = re.search(r'<meta name="csrf-token" content="([^"]+)">', first.get("/area-riservata").text)
    assert token
    assert verify(first, code, token=token.group(1)) == {
        "ok": False,
        "error": CODE_NO_LOGIN,
        "outcome": "nessun-accesso",
    }


def test_a_code_expires_after_five_minutes(
    make_app: AppFactory,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    now = [1_000_000.0]
    client = make_app(CLOCK=lambda: now[0]).test_client()
    user = accounts["user"]
    sign_in(client, user["username"], user["password"])
    page = client.get("/accesso/verifica")
    token = re.search(r'<meta name="csrf-token" content="([^"]+)">', page.text)
    assert token
    now[0] += 5 * 60
    assert verify(client, login_code(sinks, patterns), token=token.group(1)) == {
        "ok": False,
        "error": CODE_EXPIRED,
        "outcome": "codice-scaduto",
    }


def test_the_code_api_wants_the_page_token_and_json(
    client: FlaskClient,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    user = accounts["user"]
    sign_in(client, user["username"], user["password"])
    code = login_code(sinks, patterns)
    assert client.post("/api/verifica-codice", json={"code": code}).status_code == 403
    forged = client.post("/api/verifica-codice", json={"code": code}, headers={"X-CSRF-Token": "x"})
    assert forged.status_code == 403
    assert client.get("/area-riservata").status_code == 302
    assert verify(client, code)["ok"] is True  # the code was not spent by the refused calls


def test_the_code_page_only_works_with_javascript(
    client: FlaskClient, sinks: Sinks, accounts: dict[str, dict[str, Any]]
) -> None:
    assert client.get("/accesso/verifica").headers["Location"] == "/accesso"  # no login in progress
    user = accounts["user"]
    sign_in(client, user["username"], user["password"])
    page = client.get("/accesso/verifica").text
    main = page[page.index('<main id="contenuto">') : page.index("</main>")]
    assert "<form" not in main and 'type="submit"' not in main
    assert '<button type="button" id="conferma-codice" class="pulsante">Conferma</button>' in main
    assert '<label for="codice-sms">Codice ricevuto via SMS</label>' in main
    # the error container exists but is empty and hidden until the script fills it in
    assert '<div id="esito-verifica" class="avviso avviso--errore" role="alert" hidden></div>' in main
    assert 'fetch("/api/verifica-codice"' in client.get("/static/verifica.js").text


# --- CM6-27, CM6-28: recovery by e-mail ---------------------------------------------------------------
def test_password_recovery_mails_a_temporary_password_that_signs_in(
    client: FlaskClient,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    user = accounts["user"]
    page = recover(client, "password", user["username"], user["personal_fiscal_code"].lower())
    assert status(page) == PASSWORD_SENT and alert(page) is None
    [mail] = sinks.mail
    assert mail.to == [user["email"]]
    assert MAIL_SENDER in str(mail.message["From"])
    assert mail.message.get_content_type() == "text/plain"
    assert mail.message.get_content_charset() == "utf-8"
    match = patterns["temporary_password"].search(mail.body)
    assert match, mail.body
    recovered = match.group(1)
    assert recovered != user["password"]
    assert sign_in(client, user["username"], recovered).status_code == 303
    assert sign_in(client, user["username"], user["password"]).status_code == 303  # old one still works


def test_password_recovery_with_someone_elses_fiscal_code_is_an_error(
    client: FlaskClient, sinks: Sinks, accounts: dict[str, dict[str, Any]]
) -> None:
    user, registrant = accounts["user"], accounts["registrant"]
    page = recover(client, "password", user["username"], registrant["personal_fiscal_code"])
    assert alert(page) == ERR_NO_MATCH and status(page) is None
    assert sinks.mail == []


def test_username_recovery_mails_the_username(
    client: FlaskClient,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    user = accounts["temp_user"]
    page = recover(client, "username", user["email"].upper(), user["personal_fiscal_code"])
    assert status(page) == USERNAME_SENT and alert(page) is None
    [mail] = sinks.mail
    assert mail.to == [user["email"]]
    match = patterns["username"].search(mail.body)
    assert match and match.group(1) == user["username"]
    assert patterns["temporary_password"].search(mail.body) is None


def test_username_recovery_with_someone_elses_fiscal_code_is_an_error(
    client: FlaskClient, sinks: Sinks, accounts: dict[str, dict[str, Any]]
) -> None:
    user, registrant = accounts["user"], accounts["registrant"]
    page = recover(client, "username", user["email"], registrant["personal_fiscal_code"])
    assert alert(page) == ERR_NO_MATCH
    assert sinks.mail == []


# --- channels: read at send time, failures are errors on the page -----------------------------------------
def test_the_sinks_file_is_read_when_sending(
    make_app: AppFactory,
    sinks: Sinks,
    tmp_path: Path,
    accounts: dict[str, dict[str, Any]],
) -> None:
    later = tmp_path / "sinks.json"
    client = make_app(SINKS_FILE=str(later)).test_client()
    user = accounts["user"]
    page = sign_in(client, user["username"], user["password"])
    assert page.status_code == 200 and alert(page) == ERR_SMS_FAILED  # not a 500
    later.write_text(sinks.file.read_text(encoding="utf-8"), encoding="utf-8")
    assert sign_in(client, user["username"], user["password"]).status_code == 303
    assert [sms.to for sms in sinks.sms] == ["+39" + user["business_number"]]


def test_undeliverable_messages_are_errors_on_the_page(
    make_app: AppFactory, sinks: Sinks, accounts: dict[str, dict[str, Any]]
) -> None:
    closed = _free_port()
    client = make_app(
        SMS_WEBHOOK_URL=f"http://127.0.0.1:{closed}/sms", SMTP_HOST="127.0.0.1", SMTP_PORT=closed
    ).test_client()
    user = accounts["user"]
    page = sign_in(client, user["username"], user["password"])
    assert page.status_code == 200 and alert(page) == ERR_SMS_FAILED
    page = recover(client, "password", user["username"], user["personal_fiscal_code"])
    assert page.status_code == 200 and alert(page) == ERR_MAIL_FAILED
    assert sinks.sms == [] and sinks.mail == []  # the direct keys override the sinks file


# --- faults: each breaks what it says ------------------------------------------------------------------
def test_fault_otp_to_contact_mobile(
    make_app: AppFactory, sinks: Sinks, accounts: dict[str, dict[str, Any]]
) -> None:
    user = accounts["user"]
    client = make_app(FAULTS={"otp_to_contact_mobile"}).test_client()
    assert sign_in(client, user["username"], user["password"]).status_code == 303
    assert [sms.to for sms in sinks.sms] == ["+39" + user["contact_mobile"]]
    assert user["contact_mobile"] != user["business_number"]


def test_fault_ceased_sim_accepted(
    make_app: AppFactory,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    ceased = accounts["ceased_user"]
    client = make_app(FAULTS={"ceased_sim_accepted"}).test_client()
    assert alert(sign_in(client, ceased["username"], ceased["password"] + "X9")) == ERR_CREDENTIALS
    assert sign_in(client, ceased["username"], ceased["password"]).status_code == 303
    assert [sms.to for sms in sinks.sms] == ["+39" + ceased["business_number"]]
    assert verify(client, login_code(sinks, patterns))["ok"] is True


def test_fault_username_recovery_wrong_username(
    make_app: AppFactory,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    user = accounts["user"]
    client = make_app(FAULTS={"username_recovery_wrong_username"}).test_client()
    assert status(recover(client, "username", user["email"], user["personal_fiscal_code"])) == USERNAME_SENT
    [mail] = sinks.mail
    match = patterns["username"].search(mail.body)
    assert match
    others = {a["username"] for role, a in accounts.items() if role != "registrant"} - {user["username"]}
    assert match.group(1) != user["username"] and match.group(1) in others


def test_fault_server_error_on_verify_page(
    make_app: AppFactory, sinks: Sinks, accounts: dict[str, dict[str, Any]]
) -> None:
    user = accounts["user"]
    client = make_app(FAULTS={"server_error_on_verify_page"}).test_client()
    assert sign_in(client, user["username"], user["password"]).headers["Location"] == "/accesso/verifica"
    page = client.get("/accesso/verifica")
    assert page.status_code == 500
    assert "Errore del servizio" in page.text and "Verifica il codice" not in page.text


def test_unknown_faults_are_rejected() -> None:
    with pytest.raises(ValueError, match="no_such_fault"):
        create_app({"FAULTS": {"no_such_fault"}, "PASSWORD_HASH_METHOD": FAST_HASH})
    assert set(FAULTS) == {
        "otp_to_contact_mobile",
        "ceased_sim_accepted",
        "username_recovery_wrong_username",
        "server_error_on_verify_page",
    }


# --- markup, page map, target --------------------------------------------------------------------------
def test_no_page_carries_simulator_markup(
    client: FlaskClient,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    user = accounts["user"]
    pages = [client.get(path).text for path in ("/accesso", "/recupero/password", "/recupero/nome-utente")]
    pages.append(sign_in(client, user["username"], user["password"] + "X9").text)
    sign_in(client, user["username"], user["password"])
    pages.append(client.get("/accesso/verifica").text)
    verify(client, login_code(sinks, patterns))
    pages.append(client.get("/area-riservata").text)
    assert len(pages) == 6
    for html in pages:
        assert "data-testid" not in html and "data-page" not in html
        assert '<header class="site-head">' in html and '<main id="contenuto">' in html


# The logical names the CM6-23, 24, 25, 27 and 28 tasks use (documents/tim_convenzione_mobile6/tasks/:
# signing_in.py, recovery.py, common.py).
USED_NAMES = {
    "common.actions": {"continue", "logout"},
    "common.read": {"error", "notice"},
    "login.errors": {"credentials_wrong", "line_not_active"},
    "login_otp.errors": {"code_wrong"},
    "password_recovery.errors": {"recovery_data_unknown"},
    "username_recovery.errors": {"recovery_data_unknown"},
    "login.fields": {"username", "password"},
    "login.actions": {"sign_in", "recover_password", "recover_username"},
    "login.read": {"login_window_bottom"},
    "login_otp.fields": {"otp"},
    "login_otp.actions": {"sign_in"},
    "password_recovery.fields": {"username", "personal_fiscal_code"},
    "username_recovery.fields": {"email", "personal_fiscal_code"},
}


def test_the_page_map_and_target_cover_what_the_tasks_use(patterns: dict[str, re.Pattern[str]]) -> None:
    pagemap = pagemap_module.load(HERE / "pagemap.yaml")
    assert set(pagemap.pages) == {
        "login",
        "login_otp",
        "private_home",
        "password_recovery",
        "username_recovery",
    }
    found = {
        "common.actions": set(pagemap.common.actions),
        "common.read": set(pagemap.common.read),
    }
    for name, page in pagemap.pages.items():
        if page.fields:
            found[f"{name}.fields"] = set(page.fields)
        if page.actions:
            found[f"{name}.actions"] = set(page.actions)
        if page.read:
            found[f"{name}.read"] = set(page.read)
        if page.errors:
            found[f"{name}.errors"] = set(page.errors)
    assert found == USED_NAMES
    assert {pagemap.page(p).url for p in ("login", "password_recovery", "username_recovery")} == {
        "/accesso",
        "/recupero/password",
        "/recupero/nome-utente",
    }
    all_locators = [p.recognise for p in pagemap.pages.values()]
    assert len(set(all_locators)) == len(all_locators)
    locators = [*pagemap.common.actions.values(), *(r.selector for r in pagemap.common.read.values())]
    for page in pagemap.pages.values():
        locators += [page.recognise, *page.actions.values(), *(f.selector for f in page.fields.values())]
    assert not [loc for loc in locators if "testid" in loc or "data-page" in loc]
    assert set(patterns) == {"login_otp", "temporary_password", "username"}
    assert all(p.groups == 1 for p in patterns.values())


# --- the real browser ----------------------------------------------------------------------------------
def _locate(scope: Any, locator: str) -> Any:
    """A page-map locator as a Playwright locator, translated the way the browser engine does it."""
    from portalcert.engines.browser import to_playwright
    from portalcert.locators import parse

    return to_playwright(scope, parse(locator))


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}")
def test_a_browser_signs_in_through_the_page_map(
    make_app: AppFactory,
    sinks: Sinks,
    accounts: dict[str, dict[str, Any]],
    patterns: dict[str, re.Pattern[str]],
) -> None:
    from playwright.sync_api import expect

    from portalcert.engines.browser_launch import HOST
    from portalcert.engines.browser_settings import BrowserSettings

    pagemap = pagemap_module.load(HERE / "pagemap.yaml")
    user = accounts["user"]
    url, stop = serve(make_app())
    try:
        # The process's one browser (Playwright's sync API allows one per process), a context of our own.
        context = HOST.browser(BrowserSettings()).new_context(base_url=url)
        try:
            page = context.new_page()

            def at(name: str) -> Any:
                return _locate(page, pagemap.page(name).recognise)

            def recognised() -> list[str]:
                return [name for name in pagemap.pages if at(name).count()]

            def field(page_name: str, name: str) -> Any:
                return _locate(page, pagemap.field(page_name, name).selector)

            def action(page_name: str | None, name: str) -> Any:
                return _locate(page, pagemap.action(page_name, name))

            error = _locate(page, pagemap.readable(None, "error").selector)

            page.goto(pagemap.page("login").url or "")
            assert recognised() == ["login"]
            assert action("login", "recover_password").count() == 1
            assert action("login", "recover_username").count() == 1
            field("login", "username").fill(user["username"])
            field("login", "password").fill(user["password"])
            action("login", "sign_in").click()
            expect(at("login_otp")).to_be_visible()
            assert recognised() == ["login_otp"] and error.count() == 0
            code = login_code(sinks, patterns)

            field("login_otp", "otp").fill(code[::-1] + "9")
            action("login_otp", "sign_in").click()
            expect(error).to_have_text("Codice non corretto. Tentativi rimasti: 2.")
            assert recognised() == ["login_otp"]

            field("login_otp", "otp").fill(code)
            action("login_otp", "sign_in").click()
            expect(at("private_home")).to_be_visible()
            assert recognised() == ["private_home"] and error.count() == 0
            assert page.url == f"{url}/area-riservata"
            expect(page.get_by_role("heading", level=2)).to_have_text(
                f"Benvenuto, {user['first_name']} {user['last_name']}"
            )
            assert page.locator("[data-testid], [data-page]").count() == 0

            action(None, "logout").click()
            expect(at("login")).to_be_visible()
            page.goto(pagemap.page("private_home").url or "")
            assert recognised() == ["login"]  # signed out: the private area sends back to login
        finally:
            context.close()
    finally:
        stop()
    assert [sms.to for sms in sinks.sms] == ["+39" + user["business_number"]]  # one SMS, one sign-in
