"""The Telekom portal's security defect switches (defect_catalogue/security.py), each asked only where
the behaviour it breaks happens; the faithful behaviour is the core's (simulator.security, throttle)."""

from __future__ import annotations

import functools
import secrets

from flask import Response, after_this_request, request
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from documents.telekom_hu_business_login.simulator import URL_PREFIX, bp, texts
from documents.telekom_hu_business_login.simulator.models import BusinessUser
from simulator import clock, defects, security
from simulator.db import get_session
from simulator.models import OneTimeCode
from simulator.security import CodeCheck

LOGIN_ID_COOKIE = "mth_utolso_azonosito"
PRODUCTION_HASH = "scrypt"  # the simulator's own default (simulator/config.py)
LOOSE_POLICY = "default-src 'self'"  # a page's own policy that forgets frame-ancestors


def wrong_credentials(unknown_login_id: bool) -> texts.Refusal:
    if unknown_login_id and defects.enabled("mth_login_tells_unknown_login_id"):
        return texts.LOGIN_ID_UNKNOWN
    return texts.CREDENTIALS_WRONG


@functools.cache
def _production_hash() -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method=PRODUCTION_HASH)


def slow_check_for_known_users(password: str) -> None:
    """The bug: known login ids' wrong passwords go through a check unknown ones never pay (runs hash
    cheaply, so the bug pays the production method: its cost is what a real portal leaks)."""
    if defects.enabled("mth_login_known_id_answers_slower"):
        check_password_hash(_production_hash(), password)


def echoed(password: str) -> str:
    """The password page's field after a wrong password: empty, or with the bug the password typed."""
    return password if defects.enabled("mth_password_page_echoes_password") else ""


def prefilled(code: str) -> str:
    """The code page's field: empty, or with the bug the code just sent ("for convenience")."""
    return code if defects.enabled("mth_login_code_prefilled") else ""


def code_past_the_limit(purpose: str, destination: str) -> OneTimeCode | None:
    """None (no code: the number had its share), or with the bug a code charged to a budget of its own."""
    if not defects.enabled("mth_login_codes_not_rate_limited"):
        return None
    budget = f"{purpose}:{secrets.token_hex(8)}"
    return security.issue_code(security.persist_session(), purpose, destination, budget)


def code_check(result: CodeCheck, purpose: str, typed: str) -> CodeCheck:
    """A refused login code, or OK where a defect accepts it after all."""
    if result is CodeCheck.EXPIRED and defects.enabled("mth_login_code_never_expires"):
        return _matches(purpose, typed, used=False)
    if result is CodeCheck.LOCKED and defects.enabled("mth_login_code_tries_unlimited"):
        return _matches(purpose, typed, used=False)
    if result in (CodeCheck.WRONG, CodeCheck.MISSING) and defects.enabled("mth_login_code_reusable"):
        return _matches(purpose, typed, used=True)
    return result


def _matches(purpose: str, typed: str, *, used: bool) -> CodeCheck:
    codes = get_session().scalars(
        select(OneTimeCode.code).where(
            OneTimeCode.web_session_id == security.persist_session(),
            OneTimeCode.purpose == purpose,
            OneTimeCode.used.is_(used),
        )
    )
    return CodeCheck.OK if typed in set(codes) else CodeCheck.WRONG


def remember_login_id(login_id: str) -> None:
    if not defects.enabled("mth_login_id_cookie_readable_by_scripts"):
        return

    @after_this_request
    def _set_cookie(response: Response) -> Response:
        response.set_cookie(LOGIN_ID_COOKIE, login_id)  # no HttpOnly, no SameSite
        return response


def temporary_password_expired(user: BusinessUser) -> bool:
    """Whether the user's temporary password is past its lifetime (never, with the bugs: at all, or
    once it was used to sign in)."""
    sent = user.temporary_password_sent_at
    if not user.password_is_temporary or sent is None:
        return False
    if clock.now() - sent <= security.TEMPORARY_PASSWORD_LIFETIME:
        return False
    if defects.enabled("mth_temporary_password_never_expires"):
        return False
    return not (user.temporary_password_used and defects.enabled("mth_temporary_password_kept_once_used"))


def replace_password_at_once(user: BusinessUser) -> None:
    """The bug: asking for a one-time code makes the current password stop working at once."""
    if defects.enabled("mth_password_reset_replaces_password_at_once"):
        user.password_hash = security.hash_password(secrets.token_urlsafe(12))


def reset_refusal_for_unknown_login_id() -> texts.Refusal | None:
    """Asked for a login id nobody has: nothing tells it apart, or with the bug an error does."""
    if defects.enabled("mth_password_reset_tells_unknown_login_id"):
        return texts.LOGIN_ID_UNKNOWN
    return None


# Asked when the session opens, before the request is routed: this portal's pages are told by their path.
security.IDLE_KEEPERS.append(
    lambda: request.path.startswith(URL_PREFIX + "/") and defects.enabled("mth_sessions_never_idle_out")
)


@bp.after_request
def _self_service_framing(response: Response) -> Response:
    if request.endpoint == "telekom_hu.self_service" and defects.enabled("mth_self_service_framable"):
        response.headers["Content-Security-Policy"] = LOOSE_POLICY
        response.headers["X-Frame-Options"] = "ALLOWALL"
    return response
