"""The myBusiness portal's security defect switches (defect_catalogue/security.py), each asked only where
the behaviour it breaks happens; the faithful behaviour is the portal's own and the core's
(simulator.security, throttle). Bugs every portal can have are the core's (simulator.security_bugs)."""

from __future__ import annotations

from documents.tim_mybusiness.simulator import URL_PREFIX, bp, texts
from documents.tim_mybusiness.simulator.models import User
from simulator import defects, outbox, security
from simulator import security_bugs as shared

USERNAME_COOKIE = "myb_ultima_username"


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


def slow_check_for_known_users(password: str) -> None:
    shared.slow_check_for_known_users("myb_login_known_username_answers_slower", password)


def password_kept(password: str) -> str:
    """The login form after a wrong password: empty, or with the bug the password typed, "to fix it"."""
    return shared.echoed("myb_login_password_refilled", password)


def remember_username(username: str) -> None:
    shared.readable_cookie("myb_username_cookie_readable_by_scripts", USERNAME_COOKIE, username)


shared.sessions_never_idle_out("myb_sessions_never_idle_out", URL_PREFIX)
shared.framable(bp, "myb.home", "myb_home_framable")
shared.csrf_waived("myb.logout", "myb_logout_without_csrf_check")
