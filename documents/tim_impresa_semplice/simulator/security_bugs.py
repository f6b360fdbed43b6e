"""The TIS portal's security defect switches (defect_catalogue/security.py), each asked only where the
behaviour it breaks happens; the faithful behaviour is the core's (simulator.security, throttle)."""

from __future__ import annotations

import functools
import secrets

from flask import Response, after_this_request, request
from werkzeug.security import check_password_hash, generate_password_hash

from documents.tim_impresa_semplice.simulator import bp, texts
from documents.tim_impresa_semplice.simulator.models import WebUser
from simulator import defects, security

URL_PREFIX = "/impresa"  # PORTAL.url_prefix: this portal's pages are told by their path
USERNAME_COOKIE = "tis_ultima_username"
PRODUCTION_HASH = "scrypt"  # the simulator's own default (simulator/config.py)
LOOSE_POLICY = "default-src 'self'"  # a page's own policy that forgets frame-ancestors


def wrong_credentials(unknown_username: bool) -> texts.Refusal:
    if unknown_username and defects.enabled("tis_login_tells_unknown_username"):
        return texts.USERNAME_UNKNOWN
    return texts.LOGIN_WRONG


@functools.cache
def _production_hash() -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method=PRODUCTION_HASH)


def slow_check_for_known_users(password: str) -> None:
    """The bug: known usernames' wrong passwords go through a check unknown ones never pay (runs hash
    cheaply, so the bug pays the production method: its cost is what a real portal leaks)."""
    if defects.enabled("tis_login_known_username_answers_slower"):
        check_password_hash(_production_hash(), password)


def password_echoed(password: str) -> str:
    """The login form's password field after a wrong password: empty, or with the bug what was typed."""
    return password if defects.enabled("tis_login_echoes_password") else ""


def remember_username(username: str) -> None:
    if not defects.enabled("tis_username_cookie_readable_by_scripts"):
        return

    @after_this_request
    def _set_cookie(response: Response) -> Response:
        response.set_cookie(USERNAME_COOKIE, username)  # no HttpOnly, no SameSite
        return response


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


# Asked when the session opens, before the request is routed: this portal's pages are told by their path.
security.IDLE_KEEPERS.append(
    lambda: request.path.startswith(URL_PREFIX + "/") and defects.enabled("tis_sessions_never_idle_out")
)


@bp.after_request
def _private_home_framing(response: Response) -> Response:
    if request.endpoint == "impresa.private_home" and defects.enabled("tis_area_clienti_framable"):
        response.headers["Content-Security-Policy"] = LOOSE_POLICY
        response.headers["X-Frame-Options"] = "ALLOWALL"
    return response
