"""Signing in with a business user: username, Tovább, password, Tovább, SMS code; passwords; the prompt."""

from __future__ import annotations

import secrets

from portalcert.checks import PreconditionFailed, expect

from ..actor import MthActor as Actor
from ..testdata import User
from . import messages
from .common import describe_current, expect_page, expect_refused, require_page

LOGIN, PASSWORD, CODE, SELF_SERVICE = "login", "login_password", "login_code", "self_service"
PASSWORD_CHANGE, PROMPT = "password_change", "telekom_fiok_prompt"
NEXT_LABEL = "Tovább"  # the documented label of the button after the username and the password


def the_user(actor: Actor) -> User:
    if actor.memory.user is None:
        raise PreconditionFailed("no user was chosen by a Given step")
    return actor.memory.user


def choose_user(actor: Actor, role: str, *, holding: str = "", lacking: str = "") -> None:
    user = actor.data.user(role, holding=holding, lacking=lacking)
    actor.memory.user = user
    actor.memory.login_id = user.login
    if role == "temp_user":
        actor.memory.temporary_password = user.password


def password(actor: Actor, which: str) -> str:
    """The password a step names: their own, a wrong one, the temporary or the new one."""
    user = the_user(actor) if which in ("their", "wrong") else None
    choices = {
        "their": user.password if user else "",
        "wrong": user.password + "X9" if user else "",
        "temporary": actor.memory.temporary_password,
        "new": actor.memory.new_password,
    }
    if not choices[which]:
        raise PreconditionFailed(f"no {which} password is known at this point of the scenario")
    return choices[which]


def type_username(actor: Actor) -> None:
    actor.portal.open(LOGIN)
    require_page(actor, LOGIN, "open the login")
    actor.portal.fill(LOGIN, "username", actor.memory.login_id or the_user(actor).login)
    actor.portal.press(LOGIN, "next")


def type_password(actor: Actor, which: str) -> None:
    secret = password(actor, which)
    actor.memory.current_password = secret
    actor.portal.fill(PASSWORD, "password", secret)
    actor.portal.press(PASSWORD, "next")


def sign_in(actor: Actor, which: str) -> None:
    """The login id and Tovább, the password and Tovább."""
    type_username(actor)
    require_page(actor, PASSWORD, "reach the password step")
    type_password(actor, which)


def login_code(actor: Actor) -> str:
    """The code of the last SMS read, or of the next one to the user's mobile."""
    message = actor.memory.sms or messages.received(
        actor, "sms", the_user(actor).mobile, "an SMS with the login code"
    )
    actor.memory.sms = None  # a code is used once; the next sign-in reads a new SMS
    return messages.value_from(actor, "login_code", message)


def _mangled(code: str) -> str:
    return code[::-1] + "Q" if code else "ZZZ"


def type_login_code(actor: Actor, *, wrong: bool = False, first: bool = False) -> None:
    code = actor.memory.first_code if first else login_code(actor)
    if not code:
        raise PreconditionFailed("no first login code was read before the resend")
    actor.portal.fill(CODE, "code", _mangled(code) if wrong else code)
    actor.portal.press(CODE, "next")


def say_sms_not_received(actor: Actor) -> None:
    """Nem kaptam meg az SMS-t: the first code is kept (a later step types it), then a new one is asked."""
    actor.memory.first_code = login_code(actor)
    actor.portal.press(CODE, "sms_not_received")


def complete_sign_in(actor: Actor, which: str) -> None:
    sign_in(actor, which)
    if actor.portal.is_on(CODE):
        type_login_code(actor)


def ensure_signed_in(actor: Actor, role: str) -> None:
    """A Given: the role's user signed in, on the self-service."""
    choose_user(actor, role)
    complete_sign_in(actor, "their")
    require_page(actor, SELF_SERVICE, f"sign in as the {role}")


def ensure_signed_in_temporary(actor: Actor) -> None:
    complete_sign_in(actor, "temporary")
    require_page(actor, PASSWORD_CHANGE, "sign in with the temporary password")


def sign_out(actor: Actor) -> None:
    actor.portal.press(None, "sign_out")


# --- checks -------------------------------------------------------------------------------------


def expect_password_asked(actor: Actor) -> None:
    """The password step names the login id typed, and goes on with a Tovább button."""
    expect_page(actor, PASSWORD, error=False)
    shown = actor.portal.read(PASSWORD, "login_id")
    expect(
        shown == actor.memory.login_id,
        f"the password asked for {actor.memory.login_id}",
        f"asked for {shown!r}",
    )
    label = actor.portal.read(PASSWORD, "next_button")
    expect(label == NEXT_LABEL, f'a "{NEXT_LABEL}" button after the password', f"a button {label!r}")


def expect_code_asked(actor: Actor) -> None:
    expect_page(actor, CODE, error=False)


def expect_self_service(actor: Actor) -> None:
    """On the self-service, signed in as the user."""
    expect_page(actor, SELF_SERVICE)
    shown = actor.portal.read(SELF_SERVICE, "signed_in_as")
    expect(shown == actor.memory.login_id, f"signed in as {actor.memory.login_id}", f"signed in as {shown!r}")


def expect_login_refused(actor: Actor, kind: str) -> None:
    """Refused at the step that checks it: wrong credentials at the password, a wrong code at the code."""
    expect_refused(actor, {"credentials_wrong": PASSWORD, "code_wrong": CODE}[kind], kind)


def expect_new_sms(actor: Actor) -> None:
    user = the_user(actor)
    actor.memory.sms = messages.received(actor, "sms", user.mobile, "a new SMS with a login code")
    code = messages.value_from(actor, "login_code", actor.memory.sms)
    expect(code != actor.memory.first_code, "a new code", f"the first code {code!r} again")


def expect_password_change_required(actor: Actor) -> None:
    """On the password change; the self-service reached without it is seen, not inferred."""
    with actor.portal.describing():  # looked for first: only finding it says something
        skipped = actor.portal.is_on(SELF_SERVICE)
    if skipped:
        expect(False, f"page {PASSWORD_CHANGE}", describe_current(actor))
    expect_page(actor, PASSWORD_CHANGE)


def change_temporary_password(actor: Actor) -> None:
    require_page(actor, PASSWORD_CHANGE, "reach the password change")
    new = f"Uj{secrets.token_hex(4)}7"
    actor.memory.new_password = new
    actor.portal.fill(PASSWORD_CHANGE, "new_password", new)
    actor.portal.fill(PASSWORD_CHANGE, "confirm_password", new)
    actor.portal.press(PASSWORD_CHANGE, "save")
    actor.data.consume(the_user(actor).id)  # the data set's password no longer opens the account


def expect_change_confirmed(actor: Actor) -> None:
    expect_page(actor, "password_changed")
    expect(actor.portal.shows(None, "notice"), "a confirmation of the new password", describe_current(actor))
