"""Signing in to the Area Clienti with username and password."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed

from ..actor import MybActor as Actor
from .common import expect_page, expect_refused, require_page, the_user

LOGIN, HOME = "login", "home"
RECOVERY = "password_recovery"

# Where each outcome of a sign-in leaves the user: the page, and the kind of refusal shown (or None).
ACCESS: dict[str, tuple[str, str | None]] = {
    "reaches the Area Clienti": (HOME, None),
    "is refused for wrong credentials": (LOGIN, "credentials_wrong"),
    "is refused for a company without a TIM contract": (LOGIN, "contract_ended"),
}


def choose_user(actor: Actor, role: str) -> None:
    actor.memory.user = actor.data.user(role)
    actor.memory.role = role


def sign_in(actor: Actor, role: str, *, wrong_password: bool = False) -> None:
    choose_user(actor, role)
    user = the_user(actor)
    sign_in_as(actor, user.username, user.password + "X9" if wrong_password else user.password)


def ensure_signed_in(actor: Actor, role: str) -> None:
    sign_in(actor, role)
    if not actor.portal.arrives_on(HOME):
        raise PreconditionFailed(f"could not sign in as {role} ({the_user(actor).username})")


def expect_access(actor: Actor, access: str) -> None:
    page, kind = ACCESS[access]
    if kind is None:
        expect_page(actor, page)
    else:
        expect_refused(actor, page, kind)


def follow_recovery_link(actor: Actor, credential: str) -> None:
    actor.portal.open(LOGIN)
    require_page(actor, LOGIN, "open the login page")
    actor.portal.press(LOGIN, f"recover_{credential}")


def expect_recovery_page(actor: Actor, credential: str) -> None:
    expect_page(actor, f"{credential}_recovery")


def sign_in_as(actor: Actor, username: str, password: str) -> None:
    """Type any username and password on the login page (the security baseline's tries)."""
    actor.portal.open(LOGIN)
    require_page(actor, LOGIN, "open the login page")
    actor.portal.fill(LOGIN, "username", username)
    actor.portal.fill(LOGIN, "password", password)
    actor.portal.press(LOGIN, "sign_in")


def sign_out(actor: Actor) -> None:
    actor.portal.press(None, "sign_out")


def ask_new_password(actor: Actor, username: str, email: str) -> None:
    """ "Hai dimenticato la password?": the username and the e-mail address it was registered with."""
    follow_recovery_link(actor, "password")
    require_page(actor, RECOVERY, "open the password recovery")
    actor.portal.fill(RECOVERY, "username", username)
    actor.portal.fill(RECOVERY, "email", email)
    actor.portal.press(RECOVERY, "send")
