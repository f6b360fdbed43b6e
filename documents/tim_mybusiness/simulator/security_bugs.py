"""The myBusiness portal's security defect switches (defect_catalogue/security.py), each asked only where
the behaviour it breaks happens; the faithful behaviour is the portal's own and the core's."""

from __future__ import annotations

import functools
import secrets

from flask import Response, after_this_request, request
from werkzeug.security import check_password_hash, generate_password_hash

from documents.tim_mybusiness.simulator import URL_PREFIX, bp, texts
from documents.tim_mybusiness.simulator.models import User
from simulator import defects, outbox, security

USERNAME_COOKIE = "myb_ultima_username"
PRODUCTION_HASH = "scrypt"  # the simulator's own default (simulator/config.py)
LOOSE_POLICY = "default-src 'self'"  # a page's own policy that forgets frame-ancestors


def replaced_password_at_once(user: User) -> bool:
    """The bug: the recovery replaces the current password at once with a temporary one it e-mails,
    so anyone who knows a username and its address locks the user out."""
    if not defects.enabled("myb_recovery_replaces_password_at_once"):
        return False
    new = security.temporary_password()
    user.password_hash = security.hash_password(new)
    outbox.send_email(
        texts.EMAIL_SENDER, user.email, "Recupero password", texts.PASSWORD_EMAIL.format(password=new)
    )
    return True


def recovery_refusal_for_unknown_username() -> texts.Refusal | None:
    """Asked for a username nobody has: nothing tells it apart, or with the bug an error does."""
    return texts.USERNAME_UNKNOWN if defects.enabled("myb_recovery_tells_unknown_username") else None


def wrong_credentials(*, unknown_username: bool) -> texts.Refusal:
    if unknown_username and defects.enabled("myb_login_tells_unknown_username"):
        return texts.USERNAME_UNKNOWN
    return texts.LOGIN_WRONG


@functools.cache
def _production_hash() -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method=PRODUCTION_HASH)


def slow_check_for_known_users(password: str) -> None:
    """The bug: known usernames' wrong passwords go through a check unknown ones never pay (runs hash
    cheaply, so the bug pays the production method: its cost is what a real portal leaks)."""
    if defects.enabled("myb_login_known_username_answers_slower"):
        check_password_hash(_production_hash(), password)


def password_kept(password: str) -> str:
    """The login form after a wrong password: empty, or with the bug the password typed, "to fix it"."""
    return password if defects.enabled("myb_login_password_refilled") else ""


def remember_username(username: str) -> None:
    """The bug: the login remembers the username in a cookie scripts and other sites can read."""
    if not defects.enabled("myb_username_cookie_readable_by_scripts"):
        return

    @after_this_request
    def _set_cookie(response: Response) -> Response:
        response.set_cookie(USERNAME_COOKIE, username)  # no HttpOnly, no SameSite
        return response


# Asked when the session opens, before the request is routed: this portal's pages are told by their path.
security.IDLE_KEEPERS.append(
    lambda: request.path.startswith(URL_PREFIX + "/") and defects.enabled("myb_sessions_never_idle_out")
)


@bp.after_request
def _home_framing(response: Response) -> Response:
    if request.endpoint == "myb.home" and defects.enabled("myb_home_framable"):
        response.headers["Content-Security-Policy"] = LOOSE_POLICY
        response.headers["X-Frame-Options"] = "ALLOWALL"
    return response
