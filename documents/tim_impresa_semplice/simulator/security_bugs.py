"""The TIS portal's security defect switches (defect_catalogue/security.py), each asked only where the
behaviour it breaks happens; the faithful behaviour is the core's (simulator.security, throttle), the
bugs every portal can have are simulator.security_bugs'."""

from __future__ import annotations

import secrets

from documents.tim_impresa_semplice.simulator import URL_PREFIX, bp, texts
from documents.tim_impresa_semplice.simulator.models import WebUser
from simulator import defects, security
from simulator import security_bugs as shared

USERNAME_COOKIE = "tis_ultima_username"


def wrong_credentials(unknown_username: bool) -> texts.Refusal:
    if unknown_username and defects.enabled("tis_login_tells_unknown_username"):
        return texts.USERNAME_UNKNOWN
    return texts.LOGIN_WRONG


def slow_check_for_known_users(password: str) -> None:
    shared.slow_check_for_known_users("tis_login_known_username_answers_slower", password)


def password_echoed(password: str) -> str:
    """The login form's password field after a wrong password: empty, or with the bug what was typed."""
    return shared.echoed("tis_login_echoes_password", password)


def remember_username(username: str) -> None:
    shared.readable_cookie("tis_username_cookie_readable_by_scripts", USERNAME_COOKIE, username)


def replace_password_at_once(user: WebUser) -> None:
    """The bug: asking Recupera Password makes the current password stop working at once."""
    if defects.enabled("tis_recovery_replaces_password_at_once"):
        user.password_hash = security.hash_password(secrets.token_urlsafe(12))


def recovery_refusal_for_unknown_username() -> texts.Refusal | None:
    """Asked for a username nobody has: nothing tells it apart, or with the bug an error does."""
    if defects.enabled("tis_recovery_tells_unknown_username"):
        return texts.USERNAME_UNKNOWN
    return None


def resend_refusal(user: WebUser | None) -> texts.Refusal:
    """The refusal of the username e-mail to an address with no registration waiting: one for all, or
    with the bug one that says whether the address is unknown or its registration complete."""
    if defects.enabled("tis_resend_tells_account_state"):
        if user is None:
            return texts.EMAIL_UNKNOWN
        if user.state == "active":
            return texts.ALREADY_ACTIVE
    return texts.NOT_REGISTERED


shared.sessions_never_idle_out("tis_sessions_never_idle_out", URL_PREFIX)
shared.framable(bp, "impresa.private_home", "tis_area_clienti_framable")
shared.csrf_waived("impresa.logout", "tis_logout_without_csrf_check")
