"""Access: e-mail and password, the channel of the one-time code, the code, the forced password change,
and "He olvidado mi contraseña"."""

from __future__ import annotations

import secrets

from portalcert.checks import PreconditionFailed, expect

from ..actor import MgdActor as Actor
from . import messages, mi_area
from .common import describe_current, expect_page, expect_refused, on_another_page, require_page

ACCESS, CHANNEL, CODE, CHANGE = "access", "login_channel", "login_code", "password_change"
FORGOT, FORGOT_CODE = "forgot", "forgot_code"


def choose_user(actor: Actor, role: str) -> None:
    user = actor.data.user(role)
    actor.memory.user_role = role
    actor.memory.email = user.email
    actor.memory.user_mobile = user.mobile
    actor.memory.temporary_password = user.password if role == "temp_user" else ""
    actor.memory.new_password = user.password if role == "user" else ""


def password(actor: Actor, which: str) -> str:
    value = {
        "temporary": actor.memory.temporary_password,
        "new": actor.memory.new_password,
        "wrong": actor.memory.temporary_password + "x9Z",
    }[which]
    if not value or value == "x9Z":
        raise PreconditionFailed(f"no {which} password is known at this point of the scenario")
    return value


def sign_in(actor: Actor, which: str) -> None:
    actor.portal.open(ACCESS)
    require_page(actor, ACCESS, "open the access page")
    actor.portal.fill(ACCESS, "email", actor.memory.email)
    actor.portal.fill(ACCESS, "password", password(actor, which))
    actor.portal.press(ACCESS, "sign_in")


def sign_out(actor: Actor) -> None:
    actor.portal.press(None, "logout")


def completed_registration(actor: Actor) -> None:
    """Registered, Mi Área's terms accepted with the mobile kept; the user is in."""
    mi_area.landed(actor)
    mi_area.save(actor, "given")
    require_page(actor, mi_area.HOME, "enter Mi Área")
    actor.memory.user_mobile = actor.memory.mobile_given


def expect_channel_choice(actor: Actor) -> None:
    expect_page(actor, CHANNEL)


def choose_channel(actor: Actor, channel: str) -> None:
    actor.memory.channel = channel
    actor.portal.choose(CHANNEL, "channel", channel)
    actor.portal.press(CHANNEL, "send_code")


def _destination(actor: Actor, channel: str) -> str:
    return actor.memory.user_mobile if channel == "sms" else actor.memory.email


def expect_code_by(actor: Actor, channel: str) -> None:
    messages.expect_code(actor, channel, _destination(actor, channel))


def type_login_code(actor: Actor, *, wrong: bool = False) -> None:
    channel = actor.memory.channel
    actor.portal.fill(CODE, "code", messages.code(actor, channel, _destination(actor, channel), wrong=wrong))
    actor.portal.press(CODE, "sign_in")


def signed_in_with_code(actor: Actor) -> None:
    sign_in(actor, "temporary")
    require_page(actor, CHANNEL, "sign in with the temporary password")
    choose_channel(actor, "email")
    type_login_code(actor)


def expect_change_asked(actor: Actor) -> None:
    expect_page(actor, CHANGE)


def new_password(length: int, missing: str) -> str:
    """A password of `length` characters with one of each kind of character but `missing`."""
    kinds = {"lower": "abcdefghjkmnpqrstuvwxyz", "upper": "ABCDEFGHJKLMNPQRSTUVWXYZ", "digit": "23456789"}
    present = [kind for kind in kinds if kind != missing]
    chars = [secrets.choice(kinds[kind]) for kind in present]
    pool = "".join(kinds[kind] for kind in present)
    chars += [secrets.choice(pool) for _ in range(length - len(chars))]
    return "".join(chars)


def change_password(actor: Actor, length: int, missing: str) -> None:
    value = new_password(length, missing)
    actor.memory.new_password = value
    actor.portal.fill(CHANGE, "new_password", value)
    actor.portal.fill(CHANGE, "confirm_password", value)
    actor.portal.press(CHANGE, "change")
    actor.data.consume(actor.data.user(actor.memory.user_role).id)  # its data-set password is stale now


def expect_change_outcome(actor: Actor, kind: str) -> None:
    if kind == "accepted":
        mi_area.expect_home(actor)
    else:  # a wrong code is the refusal of "He olvidado mi contraseña"'s page; the policy's, of both
        expect_refused(actor, FORGOT_CODE if kind == "code_wrong" else CHANGE, kind)


def expect_login_refused(actor: Actor, kind: str) -> None:
    page = CODE if kind == "code_wrong" else ACCESS
    expect_refused(actor, page, kind)


# --- He olvidado mi contraseña -----------------------------------------------------------------------------


def ask_new_password(actor: Actor, channel: str) -> None:
    actor.portal.open(ACCESS)
    actor.portal.press(ACCESS, "forgot_password")
    require_page(actor, FORGOT, 'reach "He olvidado mi contraseña"')
    actor.portal.fill(FORGOT, "email", actor.memory.email)
    actor.portal.choose(FORGOT, "channel", channel)
    actor.memory.channel = channel
    actor.portal.press(FORGOT, "continue")


def type_forgot_code(actor: Actor, *, wrong: bool = False) -> None:
    channel = actor.memory.channel
    value = new_password(12, "")
    actor.memory.new_password = value
    code = messages.code(actor, channel, _destination(actor, channel), wrong=wrong)
    actor.portal.fill(FORGOT_CODE, "code", code)
    actor.portal.fill(FORGOT_CODE, "new_password", value)
    actor.portal.fill(FORGOT_CODE, "confirm_password", value)
    actor.portal.press(FORGOT_CODE, "change")
    actor.data.consume(actor.data.user(actor.memory.user_role).id)


def expect_new_password_confirmed(actor: Actor) -> None:
    portal = actor.portal
    seen_elsewhere = on_another_page(actor, ACCESS)
    ok = not seen_elsewhere and portal.arrives_on(ACCESS) and portal.shows(None, "notice")
    ok = ok and not portal.shows(None, "error")
    expect(ok, "the access page confirming the new password", describe_current(actor))
