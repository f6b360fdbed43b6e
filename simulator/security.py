"""Server-side sessions, CSRF, password hashing, temporary passwords and one-time codes."""

from __future__ import annotations

import enum
import functools
import hmac
import secrets
import string
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import Flask, Request, Response, abort, current_app, request, session
from flask.sessions import SessionInterface, SessionMixin
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session
from werkzeug.datastructures import CallbackDict
from werkzeug.security import check_password_hash, generate_password_hash
from werkzeug.wrappers import Response as WerkzeugResponse

from simulator import clock, config
from simulator.db import get_session, insert_for
from simulator.models import CodeRecipient, OneTimeCode, WebSession

CONTROL_PREFIX = "/_sim/"

# --- sessions ---------------------------------------------------------------------------------

SESSION_IDLE_LIFETIME = timedelta(minutes=30)
# A portal's defect switches that keep an idle session alive (sessions that never time out), asked only
# for a session past its idle lifetime.
IDLE_KEEPERS: list[Callable[[], bool]] = []


class DbSession(CallbackDict[str, Any], SessionMixin):
    """Session data kept in the `web_sessions` table; the cookie holds only a random token."""

    def __init__(self, data: dict[str, Any], row_id: int | None) -> None:
        def on_update(_: CallbackDict[str, Any]) -> None:
            self.modified = True

        super().__init__(data, on_update)
        self.row_id = row_id
        self.renew_requested = False
        self.modified = False


class DbSessionInterface(SessionInterface):
    def open_session(self, app: Flask, request: Request) -> DbSession | None:
        if request.path.startswith(CONTROL_PREFIX):
            return None  # the control API is stateless: Flask gives it a null session
        db = get_session()
        opened = DbSession({}, None)
        token = request.cookies.get(self.get_cookie_name(app))
        if token:
            if request.method not in SAFE_METHODS:
                _lock_session_row(token)
            row = db.scalar(select(WebSession).where(WebSession.token == token))
            # An idle session is dead: the visitor starts afresh (a new row and token at first need).
            if row is not None and (
                clock.now() - row.last_seen_at < SESSION_IDLE_LIFETIME or any(keep() for keep in IDLE_KEEPERS)
            ):
                opened = DbSession(dict(row.data), row.id)
        event.listen(db, "before_commit", functools.partial(_store_session, opened))
        return opened

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        assert isinstance(session, DbSession)
        if session.row_id is None and not session:
            return  # an anonymous visit that stored nothing needs no cookie
        db = get_session()
        row = db.get(WebSession, persist_session(session))
        assert row is not None
        row.last_seen_at = clock.now()
        db.commit()  # stores what changed since the request's last commit (`_store_session`)
        response.set_cookie(
            self.get_cookie_name(app),
            row.token,
            httponly=True,
            secure=config.session_cookie_secure(app),
            samesite="Lax",
            path=self.get_cookie_path(app),
        )


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _lock_session_row(token: str) -> None:
    """The requests of one browser session that change something take turns, each seeing the last one's
    result: a double click then meets a form that is already stale (one outcome, not two).

    The lock lasts until the request commits. It is a row lock on PostgreSQL; SQLite has none, and this
    first write takes its database write lock instead, before anything is read.
    """
    get_session().execute(
        update(WebSession)
        .where(WebSession.token == token)
        .values(last_seen_at=WebSession.last_seen_at)
        .execution_options(synchronize_session=False)
    )


def _store_session(sess: DbSession, db: Session) -> None:
    """Before each commit of the request: the session's data and renewed token go in the same transaction
    as the changes they belong with, while the row is still locked (a later save would race)."""
    if sess.row_id is None or not (sess.modified or sess.renew_requested):
        return
    row = db.get(WebSession, sess.row_id)
    if row is None:
        return  # the row went with a control reset: nothing left to store
    if sess.renew_requested:
        # A new id at every privilege change defeats session fixation.
        row.token = secrets.token_urlsafe(32)
        sess.renew_requested = False
    row.data = dict(sess)
    row.last_seen_at = clock.now()
    sess.modified = False


def persist_session(sess: SessionMixin | None = None) -> int:
    """The database id of the current session, creating its row on first need (flushed, not committed)."""
    target = session if sess is None else sess
    assert isinstance(target, DbSession)
    if target.row_id is None:
        now = clock.now()
        row = WebSession(token=secrets.token_urlsafe(32), data={}, created_at=now, last_seen_at=now)
        db = get_session()
        db.add(row)
        db.flush()
        target.row_id = row.id
        target.modified = True
    return target.row_id


def renew_session_id() -> None:
    """Ask for a new cookie token at the end of this request (login, logout)."""
    assert isinstance(session, DbSession)
    persist_session()
    session.renew_requested = True


def logout_in_the_browser_only(response: WerkzeugResponse) -> WerkzeugResponse:
    """A sign-out bug every portal can have (each behind its own defect switch): the browser is told to
    drop its cookie, the session row stays signed in."""
    assert isinstance(session, DbSession)
    session.row_id = None  # detached: nothing this request does reaches the stored session
    session.clear()
    interface = current_app.session_interface
    response.delete_cookie(
        interface.get_cookie_name(current_app), path=interface.get_cookie_path(current_app)
    )
    return response


# --- CSRF -------------------------------------------------------------------------------------


def csrf_token() -> str:
    token: str | None = session.get("csrf")
    if token is None:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


# endpoint -> whether its check is skipped for this request: a portal's defect switch (a form its
# developers forgot to protect), asked only when that endpoint is posted to.
CSRF_WAIVERS: dict[str, Callable[[], bool]] = {}


def check_csrf() -> None:
    """before_request hook: every POST outside the control API must carry the session's token."""
    if request.method != "POST" or request.path.startswith(CONTROL_PREFIX):
        return
    waived = CSRF_WAIVERS.get(request.endpoint or "")
    if waived is not None and waived():
        return
    sent = request.form.get("csrf_token", "")
    expected = session.get("csrf", "")
    # Bytes, not str: compare_digest raises on a str with non-ASCII characters, and anyone can send one.
    if not sent or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        abort(400, description="CSRF token mancante o non valido")


# --- passwords --------------------------------------------------------------------------------

_ALPHANUMERIC = string.ascii_letters + string.digits
TEMPORARY_PASSWORD_LIFETIME = timedelta(days=5)


@functools.lru_cache(maxsize=1024)
def _cached_hash(password: str, method: str) -> str:
    return generate_password_hash(password, method=method)


def hash_password(password: str, *, cached: bool = False) -> str:
    """Hash with the configured method; `cached` reuses a hash for fixture passwords (reset is frequent)."""
    method: str = current_app.config["PASSWORD_HASH_METHOD"]
    if cached:
        return _cached_hash(password, method)
    return generate_password_hash(password, method=method)


def password_matches(password_hash: str, password: str) -> bool:
    return check_password_hash(password_hash, password)


@functools.lru_cache(maxsize=8)
def _dummy_hash(method: str) -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method=method)


def spend_password_check(password: str) -> None:
    """Check `password` against a hash no user has, for a username that does not exist.

    The login then takes as long as for a real user with a wrong password, so its timing does not
    reveal which usernames exist. The dummy hash is computed once per method.
    """
    check_password_hash(_dummy_hash(current_app.config["PASSWORD_HASH_METHOD"]), password)


def temporary_password() -> str:
    return "".join(secrets.choice(_ALPHANUMERIC) for _ in range(10))


# --- one-time codes ---------------------------------------------------------------------------

OTP_LIFETIME = timedelta(minutes=10)
OTP_MAX_FAILURES = 5
# At most this many codes go to one number in any window: 5 tries per code must not become unlimited.
OTP_MAX_ISSUED = 5
OTP_ISSUE_WINDOW = timedelta(minutes=60)
_WORD_TEXT = (
    "ACE ARM BAY BEG BOX CAP COD DEW EAR ELM FAN FIG FOX GAP GEM GUM HAT HEN ICE INK JAM JAR JOY KEY "
    "KIT LAP LOG MAP MOP NAP NET OAK OAR OWL PAN PEN PIG RAY RIB ROD RUG SAP SEA SKY SUN TAN TEA TOE "
    "TUB URN VAN VET WAX WEB YAK ZIP BELL BIRD BOAT CAKE CORN DOOR DUCK FARM FISH GATE GOAL HILL KITE "
    "LAKE LAMP LEAF MILK MOON NEST PARK POND RAIN ROAD ROSE SAND SHIP SNOW STAR TREE WAVE WIND WOLF"
)
OTP_WORDS: tuple[str, ...] = tuple(_WORD_TEXT.split())


class CodeCheck(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    EXPIRED = "expired"
    LOCKED = "locked"
    MISSING = "missing"


def new_code_text() -> str:
    return f"{secrets.choice(OTP_WORDS)} {secrets.choice(OTP_WORDS)}"


def issue_code(
    web_session_id: int, purpose: str, recipient: str, budget: str | None = None
) -> OneTimeCode | None:
    """A fresh code for this session and purpose, to be sent to `recipient`; any earlier one stops working.

    None (and nothing changes) when the `budget` the code is charged to already paid OTP_MAX_ISSUED
    codes in the last OTP_ISSUE_WINDOW: the caller shows an error and sends no SMS. The default
    budget is the purpose and the number, so codes for one purpose never use up another's (an
    anonymous registration must not lock a user out of login); see `requester_budget`.
    """
    budget = budget or f"{purpose}:{recipient}"
    db = get_session()
    now = clock.now()
    _lock_recipient(recipient)
    recent = db.scalar(
        select(func.count())
        .select_from(OneTimeCode)
        .where(OneTimeCode.budget == budget, OneTimeCode.issued_at > now - OTP_ISSUE_WINDOW)
    )
    if recent is not None and recent >= OTP_MAX_ISSUED:
        return None
    # The codes it replaces are never drawn again: with two words of a short list, a chance repeat would
    # read as "the old code still works" to whoever checks that it does not.
    replaced = set(
        db.scalars(
            select(OneTimeCode.code).where(
                OneTimeCode.web_session_id == web_session_id, OneTimeCode.purpose == purpose
            )
        )
    )
    text = new_code_text()
    while text in replaced:
        text = new_code_text()
    db.execute(
        update(OneTimeCode)
        .where(OneTimeCode.web_session_id == web_session_id, OneTimeCode.purpose == purpose)
        .values(used=True)
    )
    code = OneTimeCode(
        web_session_id=web_session_id,
        purpose=purpose,
        recipient=recipient,
        budget=budget,
        code=text,
        issued_at=now,
        failed_attempts=0,
        used=False,
    )
    db.add(code)
    db.flush()
    return code


def requester_budget(purpose: str, recipient: str) -> str:
    """A budget charged to the visitor's address: for codes anyone may ask for (registration), so a
    stranger spends only their own share and cannot stop the line's owner from getting codes."""
    return f"{purpose}:{request.remote_addr}:{recipient}"


def _lock_recipient(recipient: str) -> None:
    """Lock the number's row (created at its first code) until the request commits: counting the codes
    sent in the window and adding one then happen for one request at a time, whatever its session."""
    now = clock.now()
    db = get_session()
    statement = insert_for(db, CodeRecipient).values(recipient=recipient, last_asked_at=now)
    db.execute(statement.on_conflict_do_update(index_elements=["recipient"], set_={"last_asked_at": now}))


def verify_code(
    web_session_id: int, purpose: str, typed: str, also_accept: Callable[[str, str], bool] | None = None
) -> CodeCheck:
    """Check `typed` against the session's live code; a success consumes it (single use).

    `also_accept(typed, code)`, asked only when `typed` differs from the code, lets a portal accept
    a variant (a defect switch does that).
    """
    db = get_session()
    code = db.scalar(
        select(OneTimeCode)
        .where(
            OneTimeCode.web_session_id == web_session_id,
            OneTimeCode.purpose == purpose,
            OneTimeCode.used.is_(False),
        )
        .order_by(OneTimeCode.id.desc())
    )
    if code is None:
        return CodeCheck.MISSING
    if clock.now() - code.issued_at >= OTP_LIFETIME:
        return CodeCheck.EXPIRED
    if code.failed_attempts >= OTP_MAX_FAILURES:
        return CodeCheck.LOCKED
    matches = hmac.compare_digest(typed.encode(), code.code.encode())
    if not matches and also_accept is not None:
        matches = also_accept(typed, code.code)
    # Conditional updates: each attempt counts, and a code locked or used by a parallel attempt since it
    # was read above stays so (a read-then-write would lose updates).
    still_live = (
        OneTimeCode.id == code.id,
        OneTimeCode.used.is_(False),
        OneTimeCode.failed_attempts < OTP_MAX_FAILURES,
    )
    if matches:
        used = db.execute(
            update(OneTimeCode).where(*still_live).values(used=True).returning(OneTimeCode.id)
        ).first()
        return CodeCheck.OK if used is not None else _state_after_race(code.id)
    failures = db.scalar(
        update(OneTimeCode)
        .where(*still_live)
        .values(failed_attempts=OneTimeCode.failed_attempts + 1)
        .returning(OneTimeCode.failed_attempts)
    )
    if failures is None:
        return _state_after_race(code.id)
    return CodeCheck.LOCKED if failures >= OTP_MAX_FAILURES else CodeCheck.WRONG


def _state_after_race(code_id: int) -> CodeCheck:
    """Why a code read as live could not be updated: a parallel attempt locked it, or used it."""
    failures = get_session().scalar(select(OneTimeCode.failed_attempts).where(OneTimeCode.id == code_id))
    return CodeCheck.LOCKED if failures is not None and failures >= OTP_MAX_FAILURES else CodeCheck.MISSING
