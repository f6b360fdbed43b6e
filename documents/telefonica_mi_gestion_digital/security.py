"""MGD's answer to the security baseline (profiles/security_baseline/support.py): its own tasks for the
flows the profile exercises. After the password MGD asks where to send the one-time code; the profile's
sign-in takes the SMS (the guide offers e-mail or SMS, and the data set's users all have a mobile).

"He olvidado mi contraseña" asks for the e-mail only: with nothing else to check against it, a
recovery "with data that do not match" is the user's own e-mail, and the profile compares it with an
e-mail nobody uses (an answer that differs tells a stranger the e-mail has an account).
"""

from __future__ import annotations

import secrets

from portalcert.checks import PreconditionFailed
from portalcert.docspec import ProfileSupport
from profiles.security_baseline.support import Pages, SecurityFlows

from .actor import MgdActor as Actor
from .tasks import access, messages

SIGNED_IN = "signed_in"
CHANNEL = "sms"


def _choose_user(actor: Actor) -> None:
    access.choose_user(actor, "user")


def _choose_user_with_temporary_password(actor: Actor) -> None:
    access.choose_user(actor, "temp_user")


def _own_password(actor: Actor) -> str:
    return actor.memory.temporary_password or actor.memory.new_password


def _unknown_email(actor: Actor) -> str:
    """The same unknown e-mail all scenario long (throttled like the user's, try for try)."""
    return f"zq.{actor.memory.email}"


def _type_password(actor: Actor, email: str, password: str) -> None:
    actor.portal.open(access.ACCESS)
    actor.portal.fill(access.ACCESS, "email", email)
    actor.portal.fill(access.ACCESS, "password", password)
    actor.portal.press(access.ACCESS, "sign_in")


def _sign_in(actor: Actor, which: str) -> None:
    """Username and password; a password the portal takes leads to the choice of channel: SMS."""
    if not actor.memory.email:
        raise PreconditionFailed("no user was chosen by an earlier step")
    email, password = actor.memory.email, _own_password(actor)
    if which == "unknown user":
        email, password = _unknown_email(actor), f"{password}x9Z"
    elif which == "wrong":
        password = f"{password}x9Z"
    elif which == "unrelated":
        password = f"Otra{secrets.token_hex(4)}7"
    elif which == "temporary":
        password = access.password(actor, "temporary")
    _type_password(actor, email, password)
    if actor.portal.is_on(access.CHANNEL):
        access.choose_channel(actor, CHANNEL)


def _sent_code(actor: Actor) -> str:
    message = messages.received(actor, CHANNEL, actor.memory.user_mobile, "a sign-in code")
    return messages.value_from(actor, "security_code", message)


def _codes_sent(actor: Actor) -> int:
    if actor.inbox is None:
        raise PreconditionFailed("the target declares no inbox for SMS and e-mail")
    count = 0
    while actor.inbox.next_message(CHANNEL, [actor.memory.user_mobile]) is not None:
        count += 1
    return count


def _type_code(actor: Actor, code: str) -> None:
    actor.portal.fill(access.CODE, "code", code)
    actor.portal.press(access.CODE, "sign_in")


def _recover_password(actor: Actor, data: str) -> None:
    """ "He olvidado mi contraseña" with the user's e-mail ("own data", and "wrong data": the form asks
    nothing else), or with an e-mail nobody uses ("unknown username"); the code goes by e-mail."""
    email = _unknown_email(actor) if data == "unknown username" else actor.memory.email
    actor.portal.open(access.FORGOT)
    actor.portal.fill(access.FORGOT, "email", email)
    actor.portal.choose(access.FORGOT, "channel", "email")
    actor.portal.press(access.FORGOT, "continue")


def _let_days_pass(actor: Actor, days: int) -> None:
    """The data set's temporary passwords are sent when the portal loads it (at each reset)."""
    if actor.control is None:
        raise PreconditionFailed("the target has no clock control")
    actor.control.advance_clock(days=days)


SUPPORT = ProfileSupport(
    flows=SecurityFlows(
        choose_user=_choose_user,
        choose_user_with_temporary_password=_choose_user_with_temporary_password,
        sign_in=_sign_in,
        let_days_pass=_let_days_pass,
        sent_code=_sent_code,
        codes_sent=_codes_sent,
        type_code=_type_code,
        sign_out=access.sign_out,
        recover_password=_recover_password,
        pages=Pages(login=access.ACCESS, code=access.CODE, private=SIGNED_IN),
    ),
)
