"""The Telekom portal's security defect switches (defect_catalogue/security.py), each asked only where
the behaviour it breaks happens; the faithful behaviour is the core's (simulator.security, throttle)."""

from __future__ import annotations

import secrets

from documents.telekom_hu_business_login.simulator import URL_PREFIX, bp, texts
from documents.telekom_hu_business_login.simulator.models import BusinessUser
from simulator import clock, defects, security
from simulator import security_bugs as shared
from simulator.models import OneTimeCode
from simulator.security import CodeCheck

LOGIN_ID_COOKIE = "mth_utolso_azonosito"


def wrong_credentials(unknown_login_id: bool) -> texts.Refusal:
    if unknown_login_id and defects.enabled("mth_login_tells_unknown_login_id"):
        return texts.LOGIN_ID_UNKNOWN
    return texts.CREDENTIALS_WRONG


def slow_check_for_known_users(password: str) -> None:
    shared.slow_check_for_known_users("mth_login_known_id_answers_slower", password)


def prefilled(code: str) -> str:
    """The code page's field: empty, or with the bug the code just sent ("for convenience")."""
    return shared.echoed("mth_login_code_prefilled", code)


def code_past_the_limit(purpose: str, destination: str) -> OneTimeCode | None:
    return shared.code_past_the_limit("mth_login_codes_not_rate_limited", purpose, destination)


def code_check(result: CodeCheck, purpose: str, typed: str) -> CodeCheck:
    bugs = shared.CodeBugs(
        purpose,
        never_expires="mth_login_code_never_expires",
        tries_unlimited="mth_login_code_tries_unlimited",
        reusable="mth_login_code_reusable",
    )
    return bugs.check(result, typed)


def remember_login_id(login_id: str) -> None:
    shared.readable_cookie("mth_login_id_cookie_readable_by_scripts", LOGIN_ID_COOKIE, login_id)


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


shared.sessions_never_idle_out("mth_sessions_never_idle_out", URL_PREFIX)
shared.framable(bp, "telekom_hu.self_service", "mth_self_service_framable")
