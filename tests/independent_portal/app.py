"""Acme Telco — Area Clienti Business: a small portal written independently of the simulator.

It implements CM6-23, CM6-24, CM6-25, CM6-27 and CM6-28 with its own markup (no `data-testid`, no
`data-page`), its own wording, its own test accounts, a login step that only works with JavaScript,
and real out-of-band channels: SMS are POSTed to an SMS-gateway webhook, e-mails go over SMTP.
portalcert certifies it through `target.yaml` and `pagemap.yaml` alone (see README.md).

State is in memory and loaded from the data set when the app is created: every app starts fresh.
"""

from __future__ import annotations

import enum
import json
import secrets
import smtplib
import string
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Flask,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from werkzeug.security import check_password_hash, generate_password_hash
from werkzeug.serving import make_server

HERE = Path(__file__).resolve().parent
DEFAULT_DATA_FILE = HERE / "accounts.json"

CODE_LIFETIME_SECONDS = 5 * 60
CODE_ATTEMPTS = 3
TEMPORARY_PASSWORD_LIFETIME_SECONDS = 24 * 60 * 60
SMS_SENDER = "Acme"
MAIL_SENDER = "noreply@acme.example"
MAIL_FROM = f"Acme Telco <{MAIL_SENDER}>"
SMTP_LOCAL_HOSTNAME = "portale.acme.example"  # smtplib's default (getfqdn) can stall on DNS

# Misbehaviour switches: each breaks exactly one thing (the rule it breaks, or what it proves).
FAULTS: dict[str, str] = {
    "otp_to_contact_mobile": "CM6-24: the login code goes to the contact mobile, not the business number",
    "ceased_sim_accepted": "CM6-25: a user whose business SIM has ceased can sign in",
    "username_recovery_wrong_username": "CM6-28: username recovery e-mails another user's username",
    "server_error_on_verify_page": "the code page answers HTTP 500 (a broken portal, not a failed rule)",
}

# --- Italian wording ----------------------------------------------------------------------------
SMS_LOGIN_CODE = "Acme: il tuo codice di accesso e' {code}. Non condividerlo."
ERR_CREDENTIALS = "Nome utente o parola d'ordine non corretti."
ERR_LINE_NOT_ACTIVE = (
    "La linea aziendale associata al tuo profilo non è attiva in Convenzione: l'accesso non è consentito."
)
ERR_SMS_FAILED = "Non è stato possibile inviarti l'SMS con il codice. Riprova tra qualche minuto."
ERR_MAIL_FAILED = "Non è stato possibile inviarti l'e-mail. Riprova tra qualche minuto."
ERR_FIELDS_MISSING = "Compila tutti i campi."
ERR_NO_MATCH = "I dati inseriti non corrispondono a nessun cliente registrato."
ERR_FORM_EXPIRED = "La pagina è scaduta: ricaricala e riprova."
CODE_EMPTY = "Inserisci il codice di 6 cifre ricevuto via SMS."
CODE_WRONG = "Codice non corretto. Tentativi rimasti: {left}."
CODE_LOCKED = "Codice non corretto per troppe volte: accedi di nuovo per riceverne uno nuovo."
CODE_EXPIRED = "Il codice è scaduto: accedi di nuovo per riceverne uno nuovo."
CODE_NO_LOGIN = "Nessun accesso in corso: inserisci di nuovo nome utente e parola d'ordine."
REQUEST_REFUSED = "Richiesta non valida: ricarica la pagina."
PASSWORD_SENT = "Ti abbiamo inviato un'e-mail con una password temporanea."
USERNAME_SENT = "Ti abbiamo inviato un'e-mail con il tuo nome utente."

PASSWORD_MAIL_SUBJECT = "Acme Telco — Recupero della password"
PASSWORD_MAIL_BODY = (
    "Gentile {name},\n\n"
    "abbiamo ricevuto una richiesta di recupero della password per l'Area Clienti Business Acme.\n\n"
    "Password temporanea: {password}\n\n"
    "La password temporanea vale 24 ore e si aggiunge a quella attuale, che resta valida.\n"
    "Se non hai fatto tu questa richiesta, ignora questo messaggio.\n\n"
    "Acme Telco — Servizio Clienti Business\n"
)
USERNAME_MAIL_SUBJECT = "Acme Telco — Il tuo nome utente"
USERNAME_MAIL_BODY = (
    "Gentile {name},\n\n"
    "hai chiesto di recuperare il nome utente dell'Area Clienti Business Acme.\n\n"
    "Nome utente: {username}\n\n"
    "Se non hai fatto tu questa richiesta, ignora questo messaggio.\n\n"
    "Acme Telco — Servizio Clienti Business\n"
)

_PASSWORD_ALPHABET = string.ascii_letters + string.digits


# --- accounts and one-time codes ----------------------------------------------------------------
@dataclass
class Account:
    username: str
    password_hash: str
    first_name: str
    last_name: str
    email: str
    fiscal_code: str
    contact_mobile: str
    business_number: str
    line_status: str  # "active" | "declared" | "ceased"
    line_convention: str | None
    temporary_hash: str | None = None
    temporary_expires_at: float = 0.0

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def line_active(self) -> bool:
        return self.line_status == "active"


@dataclass
class Challenge:
    """The login code sent to one browser session; single use, a few attempts, short lived."""

    username: str
    code: str
    expires_at: float
    attempts: int = 0


class Verdict(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    EXPIRED = "expired"
    NO_LOGIN = "no_login"


class DeliveryError(Exception):
    """An SMS or e-mail could not be handed to the gateway / mail relay."""


def load_accounts(path: Path, hash_method: str) -> dict[str, Account]:
    """Users of a portalcert-fixtures/1 data set, with their business line, passwords hashed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    sims: dict[str, dict[str, Any]] = {sim["id"]: sim for sim in data["sims"]}
    accounts: dict[str, Account] = {}
    for user in data["users"]:
        sim = sims[user["business_sim"]]
        accounts[user["username"]] = Account(
            username=user["username"],
            password_hash=generate_password_hash(user["password"], method=hash_method),
            first_name=user["first_name"],
            last_name=user["last_name"],
            email=user["email"],
            fiscal_code=user["personal_fiscal_code"].upper(),
            contact_mobile=user["contact_mobile"],
            business_number=sim["number"],
            line_status=sim["status"],
            line_convention=sim.get("convention"),
        )
    return accounts


class PortalState:
    """Everything the portal remembers, guarded by one lock (the server is threaded)."""

    def __init__(
        self,
        accounts: dict[str, Account],
        *,
        hash_method: str,
        clock: Callable[[], float],
        faults: frozenset[str],
    ) -> None:
        self.accounts = accounts
        self.hash_method = hash_method
        self.clock = clock
        self.faults = faults
        self.challenges: dict[str, Challenge] = {}
        self.lock = threading.Lock()
        # An unknown username costs one hash check too, so timing does not reveal which names exist.
        self._dummy_hash = generate_password_hash(secrets.token_hex(8), method=hash_method)

    def fault(self, name: str) -> bool:
        return name in self.faults

    def check_credentials(self, username: str, password: str) -> Account | None:
        account = self.accounts.get(username)
        if account is None:
            check_password_hash(self._dummy_hash, password)
            return None
        if check_password_hash(account.password_hash, password):
            return account
        temporary_valid = account.temporary_hash and self.clock() < account.temporary_expires_at
        if temporary_valid and check_password_hash(account.temporary_hash or "", password):
            return account
        return None

    def issue_code(self, account: Account) -> tuple[str, str]:
        """A new 6-digit code for a new challenge: (challenge key for the session, code)."""
        now = self.clock()
        key = secrets.token_urlsafe(24)
        code = f"{secrets.randbelow(10**6):06d}"
        with self.lock:
            for stale in [k for k, c in self.challenges.items() if c.expires_at <= now]:
                del self.challenges[stale]
            self.challenges[key] = Challenge(account.username, code, now + CODE_LIFETIME_SECONDS)
        return key, code

    def drop_challenge(self, key: str) -> None:
        with self.lock:
            self.challenges.pop(key, None)

    def verify_code(self, key: str | None, code: str) -> tuple[Verdict, int]:
        """The verdict on `code` for the session's challenge, and the attempts left."""
        with self.lock:
            challenge = self.challenges.get(key) if key else None
            if challenge is None:
                return Verdict.NO_LOGIN, 0
            if self.clock() >= challenge.expires_at:
                del self.challenges[key or ""]
                return Verdict.EXPIRED, 0
            if challenge.attempts >= CODE_ATTEMPTS:
                return Verdict.LOCKED, 0
            if secrets.compare_digest(challenge.code.encode(), code.encode()):
                del self.challenges[key or ""]  # single use
                return Verdict.OK, 0
            challenge.attempts += 1
            left = CODE_ATTEMPTS - challenge.attempts
            return (Verdict.WRONG, left) if left else (Verdict.LOCKED, 0)

    def challenge_user(self, key: str | None) -> Account | None:
        with self.lock:
            challenge = self.challenges.get(key) if key else None
        return self.accounts.get(challenge.username) if challenge else None

    def set_temporary_password(self, account: Account) -> str:
        password = "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(10))
        with self.lock:
            account.temporary_hash = generate_password_hash(password, method=self.hash_method)
            account.temporary_expires_at = self.clock() + TEMPORARY_PASSWORD_LIFETIME_SECONDS
        return password

    def clear_temporary_password(self, account: Account) -> None:
        with self.lock:
            account.temporary_hash = None
            account.temporary_expires_at = 0.0


# --- out-of-band channels -------------------------------------------------------------------------
def international(number: str) -> str:
    """+39 form of an Italian number given nationally ("3xx...") or already internationally."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if number.strip().startswith("+"):
        return f"+{digits}"
    if digits.startswith("00"):
        return f"+{digits[2:]}"
    if digits.startswith("39") and len(digits) > 10:
        return f"+{digits}"
    return f"+39{digits}"


def _sinks() -> dict[str, Any]:
    """Where to send, read at send time: the run writes SINKS_FILE after the portal has started."""
    path = current_app.config.get("SINKS_FILE")
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DeliveryError(f"sinks file {path} unreadable: {exc}") from None
    return data if isinstance(data, dict) else {}


def send_sms(to: str, body: str) -> None:
    config = current_app.config
    url = config.get("SMS_WEBHOOK_URL") or (_sinks().get("sms") or {}).get("url")
    if not url:
        raise DeliveryError("no SMS gateway configured")
    form = urlencode({"To": international(to), "From": SMS_SENDER, "Body": body}).encode()
    post = urllib.request.Request(
        url,
        data=form,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
    )
    try:
        with urllib.request.urlopen(post, timeout=config["SEND_TIMEOUT"]) as answer:
            answer.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:  # HTTPError is a URLError
        raise DeliveryError(f"SMS gateway {url}: {exc}") from None


def send_email(to: str, subject: str, body: str) -> None:
    config = current_app.config
    configured = config.get("SMTP_HOST") and config.get("SMTP_PORT")
    sink: dict[str, Any] = {} if configured else (_sinks().get("email") or {})
    host = config.get("SMTP_HOST") or sink.get("host")
    port = config.get("SMTP_PORT") or sink.get("port")
    if not host or not port:
        raise DeliveryError("no SMTP relay configured")
    message = EmailMessage()
    message["From"] = MAIL_FROM
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain="acme.example")
    message.set_content(body, charset="utf-8")
    try:
        with smtplib.SMTP(
            str(host), int(port), local_hostname=SMTP_LOCAL_HOSTNAME, timeout=config["SEND_TIMEOUT"]
        ) as smtp:
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError, ValueError) as exc:
        raise DeliveryError(f"SMTP relay {host}:{port}: {exc}") from None


# --- web ------------------------------------------------------------------------------------------
bp = Blueprint("acme", __name__)


def _state() -> PortalState:
    state: PortalState = current_app.extensions["acme_portal"]
    return state


def csrf_token() -> str:
    token = session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(24)
        session["csrf"] = token
    return token


def _token_ok(sent: str | None) -> bool:
    token = session.get("csrf")
    return isinstance(token, str) and bool(sent) and secrets.compare_digest(token, sent or "")


def _signed_in() -> Account | None:
    username = session.get("utente")
    return _state().accounts.get(username) if isinstance(username, str) else None


@bp.before_request
def _check_form_token() -> ResponseReturnValue | None:
    is_form_post = request.method == "POST" and request.endpoint != "acme.verify_code_api"
    if is_form_post and not _token_ok(request.form.get("_csrf")):
        return render_template("errore.html", title="Richiesta non valida", text=ERR_FORM_EXPIRED), 400
    return None


@bp.get("/")
def home() -> ResponseReturnValue:
    return redirect(url_for("acme.private_area" if _signed_in() else "acme.login"))


@bp.get("/accesso")
def login() -> ResponseReturnValue:
    return render_template("accesso.html")


@bp.post("/accesso")
def login_submit() -> ResponseReturnValue:
    state = _state()
    username = request.form.get("utente", "").strip()
    password = request.form.get("segreto", "")
    account = state.check_credentials(username, password)  # credentials first, before anything else
    if account is None:
        return render_template("accesso.html", error=ERR_CREDENTIALS, username=username)
    line_ok = account.line_convention == "CM6" and (account.line_active or state.fault("ceased_sim_accepted"))
    if not line_ok:
        return render_template("accesso.html", error=ERR_LINE_NOT_ACTIVE, username=username)
    key, code = state.issue_code(account)
    number = account.contact_mobile if state.fault("otp_to_contact_mobile") else account.business_number
    try:
        send_sms(number, SMS_LOGIN_CODE.format(code=code))
    except DeliveryError as exc:
        state.drop_challenge(key)
        current_app.logger.warning("login code not delivered: %s", exc)
        return render_template("accesso.html", error=ERR_SMS_FAILED, username=username)
    previous = session.get("attesa")
    if isinstance(previous, str):
        state.drop_challenge(previous)  # a new code replaces the previous one of this session
    session.pop("utente", None)
    session["attesa"] = key
    return redirect(url_for("acme.verify_page"), 303)


@bp.get("/accesso/verifica")
def verify_page() -> ResponseReturnValue:
    state = _state()
    if state.fault("server_error_on_verify_page"):
        text = "Si è verificato un errore imprevisto. Riprova più tardi."
        return render_template("errore.html", title="Errore del servizio", text=text), 500
    key = session.get("attesa")
    account = state.challenge_user(key if isinstance(key, str) else None)
    if account is None:
        return redirect(url_for("acme.login"))
    number = account.contact_mobile if state.fault("otp_to_contact_mobile") else account.business_number
    return render_template("verifica.html", number_tail=number[-3:])


@bp.post("/api/verifica-codice")
def verify_code_api() -> ResponseReturnValue:
    if not _token_ok(request.headers.get("X-CSRF-Token")):
        return jsonify(ok=False, error=REQUEST_REFUSED), 403
    payload = request.get_json(silent=True)
    code = payload.get("code") if isinstance(payload, dict) else None
    if not isinstance(code, str):
        return jsonify(ok=False, error=REQUEST_REFUSED), 400
    code = code.strip()
    if not code:
        return jsonify(ok=False, error=CODE_EMPTY)
    key = session.get("attesa")
    key = key if isinstance(key, str) else None
    account = _state().challenge_user(key)
    verdict, left = _state().verify_code(key, code)
    if verdict is Verdict.OK and account is not None:
        session.clear()  # a fresh session for the signed-in user
        session["utente"] = account.username
        return jsonify(ok=True, next=url_for("acme.private_area"))
    if verdict in (Verdict.EXPIRED, Verdict.NO_LOGIN):
        session.pop("attesa", None)
    # Each refusal has a code the page styles it by (a wrong code reads differently from an expired one).
    errors = {
        Verdict.WRONG: ("codice-errato", CODE_WRONG.format(left=left)),
        Verdict.LOCKED: ("codice-bloccato", CODE_LOCKED),
        Verdict.EXPIRED: ("codice-scaduto", CODE_EXPIRED),
    }
    outcome, text = errors.get(verdict, ("nessun-accesso", CODE_NO_LOGIN))
    return jsonify(ok=False, error=text, outcome=outcome)


@bp.get("/area-riservata")
def private_area() -> ResponseReturnValue:
    account = _signed_in()
    if account is None:
        return redirect(url_for("acme.login"))
    return render_template("area.html", account=account)


@bp.post("/esci")
def logout() -> ResponseReturnValue:
    session.clear()
    return redirect(url_for("acme.login"), 303)


@bp.get("/recupero/password")
def password_recovery() -> ResponseReturnValue:
    return render_template("recupero_password.html", form={})


@bp.post("/recupero/password")
def password_recovery_submit() -> ResponseReturnValue:
    state = _state()
    form = {
        "nome_utente": request.form.get("nome_utente", "").strip(),
        "codice_fiscale": request.form.get("codice_fiscale", "").strip().upper(),
    }
    if not all(form.values()):
        return render_template("recupero_password.html", form=form, error=ERR_FIELDS_MISSING)
    account = state.accounts.get(form["nome_utente"])
    if account is None or account.fiscal_code != form["codice_fiscale"]:
        return render_template("recupero_password.html", form=form, error=ERR_NO_MATCH)
    password = state.set_temporary_password(account)
    body = PASSWORD_MAIL_BODY.format(name=account.full_name, password=password)
    try:
        send_email(account.email, PASSWORD_MAIL_SUBJECT, body)
    except DeliveryError as exc:
        state.clear_temporary_password(account)  # nobody received it: it must not work
        current_app.logger.warning("recovery e-mail not delivered: %s", exc)
        return render_template("recupero_password.html", form=form, error=ERR_MAIL_FAILED)
    return render_template("recupero_password.html", form={}, notice=PASSWORD_SENT)


@bp.get("/recupero/nome-utente")
def username_recovery() -> ResponseReturnValue:
    return render_template("recupero_nome_utente.html", form={})


@bp.post("/recupero/nome-utente")
def username_recovery_submit() -> ResponseReturnValue:
    state = _state()
    form = {
        "email": request.form.get("email", "").strip(),
        "codice_fiscale": request.form.get("codice_fiscale", "").strip().upper(),
    }
    if not all(form.values()):
        return render_template("recupero_nome_utente.html", form=form, error=ERR_FIELDS_MISSING)
    matches = [
        account
        for account in state.accounts.values()
        if account.email.casefold() == form["email"].casefold()
        and account.fiscal_code == form["codice_fiscale"]
    ]
    if not matches:
        return render_template("recupero_nome_utente.html", form=form, error=ERR_NO_MATCH)
    try:
        for account in matches:
            username = account.username
            if state.fault("username_recovery_wrong_username"):
                username = next(name for name in state.accounts if name != account.username)
            body = USERNAME_MAIL_BODY.format(name=account.full_name, username=username)
            send_email(account.email, USERNAME_MAIL_SUBJECT, body)
    except DeliveryError as exc:
        current_app.logger.warning("username e-mail not delivered: %s", exc)
        return render_template("recupero_nome_utente.html", form=form, error=ERR_MAIL_FAILED)
    return render_template("recupero_nome_utente.html", form={}, notice=USERNAME_SENT)


def _faults(names: Iterable[str]) -> frozenset[str]:
    faults = frozenset(names)
    unknown = sorted(faults - FAULTS.keys())
    if unknown:
        raise ValueError(f"unknown fault(s) {', '.join(unknown)}; known: {', '.join(FAULTS)}")
    return faults


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The portal. Config keys (all optional):

    DATA_FILE (data set, default accounts.json here), SINKS_FILE (JSON written by a portalcert run:
    {"sms": {"url"}, "email": {"host", "port"}}, read at send time), SMS_WEBHOOK_URL / SMTP_HOST /
    SMTP_PORT (override the file), FAULTS (names from FAULTS), PASSWORD_HASH_METHOD (werkzeug method),
    CLOCK (callable returning epoch seconds), SEND_TIMEOUT (seconds), SECRET_KEY (random by default).
    """
    app = Flask(__name__, template_folder="templates", static_folder="static")
    app.config.update(
        SECRET_KEY=secrets.token_hex(32),
        SESSION_COOKIE_NAME="acme_sessione",
        SESSION_COOKIE_SAMESITE="Lax",
        DATA_FILE=str(DEFAULT_DATA_FILE),
        SINKS_FILE=None,
        SMS_WEBHOOK_URL=None,
        SMTP_HOST=None,
        SMTP_PORT=None,
        FAULTS=(),
        PASSWORD_HASH_METHOD="scrypt",
        CLOCK=time.time,
        SEND_TIMEOUT=5.0,
    )
    if config:
        app.config.update(config)
    method = app.config["PASSWORD_HASH_METHOD"]
    app.extensions["acme_portal"] = PortalState(
        load_accounts(Path(app.config["DATA_FILE"]), method),
        hash_method=method,
        clock=app.config["CLOCK"],
        faults=_faults(app.config["FAULTS"]),
    )
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["signed_in"] = _signed_in
    app.register_blueprint(bp)
    return app


def serve(app: Flask) -> tuple[str, Callable[[], None]]:
    """Serve `app` on a free loopback port in a daemon thread: (base URL, stop function)."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="acme-portal", daemon=True
    )
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(5)

    return f"http://127.0.0.1:{server.server_port}", stop
