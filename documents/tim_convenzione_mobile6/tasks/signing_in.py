"""Signing in with username, password and SMS code; changing the password."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from portalcert.checks import PreconditionFailed, expect

from ..actor import Cm6Actor as Actor
from ..testdata import User
from . import messages
from .common import describe_current, expect_notice, expect_page, require_page

LOGIN, LOGIN_OTP, PRIVATE_HOME = "login", "login_otp", "private_home"
ANOTHER_USER = "temp_user"

# Where each outcome of a sign-in leaves the user: the page, and no error (False), any (None) or the
# kind of refusal that must be shown (a page-map `errors` name).
ACCESS: dict[str, tuple[str, bool | str | None]] = {
    "is asked for the SMS code": (LOGIN_OTP, False),
    "reaches the private area": (PRIVATE_HOME, None),
    "is refused for wrong credentials": (LOGIN, "credentials_wrong"),
    "is refused for a wrong code": (LOGIN_OTP, "code_wrong"),
    "is refused for a line not active in Convenzione Mobile 6": (LOGIN, "line_not_active"),
}
# Refused for whatever reason: an error shown, and not let into the private area.
REFUSED = "is refused"


def the_user(actor: Actor) -> User:
    if actor.memory.user is None:
        raise PreconditionFailed("no user was chosen by a Given step")
    return actor.memory.user


def choose_user(actor: Actor, role: str) -> None:
    actor.memory.user = actor.data.user(role)
    if role == "temp_user":
        actor.memory.temporary_password = actor.memory.user.password


def password(actor: Actor, which: str) -> str:
    """The password a step names: their own, a wrong one, the temporary, new or recovered one."""
    user = the_user(actor)
    memory = actor.memory
    choices = {
        "their": user.password,
        "wrong": user.password + "X9",
        "another user's": actor.data.user(ANOTHER_USER).password,
        "temporary": memory.temporary_password or user.password,
        "new": memory.new_password,
        "recovered": memory.recovered_password,
    }
    value = choices[which]
    if not value:
        raise PreconditionFailed(f"no {which} password is known at this point of the scenario")
    return value


def advance_clock(actor: Actor, days: int) -> None:
    """Let `days` pass since the user's temporary password was sent: the portal's clock moves by what
    is left of them after the password's age (the data set's `temporary_password_sent_at`)."""
    if actor.control is None:
        raise PreconditionFailed("the target has no clock control")
    age = temporary_password_age(actor)
    remaining = timedelta(days=days) - age
    if remaining < timedelta(0):
        user = the_user(actor)
        raise PreconditionFailed(
            f"user {user.id}'s temporary password was sent {_days(age)} ago (temporary_password_sent_at"
            f" {user.temporary_password_sent_at}), more than the {days} days this scenario lets pass:"
            " add a user whose temporary password is newer to the data set"
        )
    actor.control.advance_clock(days=remaining.total_seconds() / 86400)


def temporary_password_age(actor: Actor) -> timedelta:
    """How long ago the chosen user's temporary password was sent, by the data set's fact; without
    one, it was sent at the reset before the scenario (the portal restored the data set then)."""
    user = the_user(actor)
    if user.temporary_password_sent_at is not None:
        return max(datetime.now(UTC) - user.temporary_password_sent_at, timedelta(0))
    if actor.resets:
        return timedelta(0)
    raise PreconditionFailed(
        f"the data set does not say when user {user.id} received the temporary password, and the target"
        " has no reset to date it from: give the user temporary_password_sent_at (ISO 8601 with zone)"
    )


def _days(age: timedelta) -> str:
    return f"{age.total_seconds() / 86400:.1f} days"


def sign_in(actor: Actor, username: str, secret: str) -> None:
    """Credentials only: open the login page, type username and password, ACCEDI."""
    actor.portal.open(LOGIN)
    require_page(actor, LOGIN, "open the login page")
    actor.portal.fill(LOGIN, "username", username)
    actor.portal.fill(LOGIN, "password", secret)
    actor.portal.press(LOGIN, "sign_in")


def sign_in_as_user(actor: Actor, which: str) -> None:
    secret = password(actor, which)
    actor.memory.current_password = secret  # a forced change on the way replaces it
    sign_in(actor, the_user(actor).username, secret)


def login_code(actor: Actor) -> str:
    """The login code from the SMS. Any of the user's phones will do here; CM6-24 checks which."""
    user = the_user(actor)
    message = actor.memory.sms or messages.received_sms(
        actor, user.business_mobile, user.person.contact_mobile
    )
    actor.memory.sms = None  # a code is used once; the next sign-in reads a new SMS
    return messages.code_from(actor, "login_otp", message)


def type_login_code(actor: Actor, *, wrong: bool = False) -> None:
    code = login_code(actor)
    if wrong:
        code = f"{code.split(' ')[0]} ZZZQ" if " " in code else code[::-1] + "9"
    actor.portal.fill(LOGIN_OTP, "otp", code)
    actor.portal.press(LOGIN_OTP, "sign_in")


def expect_code_to_business_number(actor: Actor) -> None:
    user = the_user(actor)
    message = messages.next_sms(actor, user.business_mobile)
    expect(
        message is not None,
        f"an SMS with the login code to the TIM business number {user.business_mobile}",
        "none arrived there in time",
    )
    actor.memory.sms = message


def expect_access(actor: Actor, access: str) -> None:
    if access == REFUSED:
        refused = actor.portal.shows(None, "error") and not actor.portal.is_on(PRIVATE_HOME)
        expect(refused, "the sign-in refused with an error", describe_current(actor))
    else:
        page, error = ACCESS[access]
        expect_page(actor, page, error=error)


def complete_sign_in(actor: Actor, which: str) -> None:
    sign_in_as_user(actor, which)
    if actor.portal.is_on(LOGIN_OTP):
        type_login_code(actor)


def ensure_signed_in(actor: Actor, which: str) -> None:
    complete_sign_in(actor, which)
    require_page(actor, PRIVATE_HOME, f"sign in with the {which} password")


def sign_out(actor: Actor) -> None:
    actor.portal.press(None, "logout")


# Gestione Amministrativa -> Aggiorna i tuoi dati -> Dati personali, as the document says; a page map
# may give personal_data a `path` of its own (a menu instead of three pages).
TO_PERSONAL_DATA = (
    f"{PRIVATE_HOME}.administration_menu",
    "administration.update_your_data",
    "update_your_data.personal_data",
)


def change_password(actor: Actor) -> None:
    portal = actor.portal
    portal.go_to("personal_data", route=TO_PERSONAL_DATA)
    require_page(actor, "personal_data", "reach Dati personali")
    new = f"Nuova{secrets.token_hex(3)}7"
    actor.memory.new_password = new
    portal.fill(
        "personal_data", "current_password", actor.memory.current_password or password(actor, "temporary")
    )
    portal.fill("personal_data", "new_password", new)
    portal.fill("personal_data", "confirm_password", new)
    portal.press("personal_data", "save")
    actor.data.consume(the_user(actor).id)  # the data set's password no longer opens the account


def expect_change_confirmed(actor: Actor) -> None:
    expect_notice(actor)
