"""MTH's answer to the security baseline (profiles/security_baseline/support.py): its own tasks for the
flows the profile exercises. MTH has them all: username, password and SMS code at login, Kilépés,
"Nem tudom a jelszavam", temporary passwords sent by e-mail."""

from __future__ import annotations

import secrets

from portalcert.checks import PreconditionFailed
from portalcert.docspec import ProfileSupport
from profiles.security_baseline.support import Pages, SecurityFlows

from .actor import MthActor as Actor
from .tasks import messages, recovery, signing_in
from .tasks.common import require_page

USER = "business_user"
TEMPORARY_USER = "temp_user"
# Behind the sign-in: the self-service, and before it the forced password change or the Telekom fiók
# offer (a temporary password's first sign-in opens the change, not the self-service).
SIGNED_IN = "signed_in"


def _choose_user(actor: Actor) -> None:
    signing_in.choose_user(actor, USER)


def _choose_user_with_temporary_password(actor: Actor) -> None:
    signing_in.choose_user(actor, TEMPORARY_USER)


def _type_password(actor: Actor, password: str) -> None:
    signing_in.type_username(actor)
    require_page(actor, signing_in.PASSWORD, "reach the password step")
    actor.portal.fill(signing_in.PASSWORD, "password", password)
    actor.portal.press(signing_in.PASSWORD, "next")


def _sign_in(actor: Actor, which: str) -> None:
    user = signing_in.the_user(actor)
    if which == "unknown user":
        # The same unknown login id all scenario long (at the user's company): throttled like the user's.
        name, _, company = user.login.partition("@")
        actor.memory.login_id = f"{name}zq@{company}"
        try:
            _type_password(actor, signing_in.password(actor, "wrong"))
        finally:
            actor.memory.login_id = user.login
    elif which == "unrelated":
        _type_password(actor, f"Masik{secrets.token_hex(4)}9")
    else:
        signing_in.sign_in(actor, {"right": "their", "wrong": "wrong", "temporary": "temporary"}[which])


def _sent_code(actor: Actor) -> str:
    return signing_in.login_code(actor)


def _codes_sent(actor: Actor) -> int:
    mobile = signing_in.the_user(actor).mobile
    count = 1 if actor.memory.sms is not None else 0
    while messages.next_message(actor, "sms", mobile) is not None:
        count += 1
    actor.memory.sms = None
    return count


def _type_code(actor: Actor, code: str) -> None:
    actor.portal.fill(signing_in.CODE, "code", code)
    actor.portal.press(signing_in.CODE, "next")


def _let_days_pass(actor: Actor, days: int) -> None:
    """The data set does not say when a temporary password was sent, only that it was before the run:
    moving the clock by `days` from now lets at least that many pass since."""
    if actor.control is None:
        raise PreconditionFailed("the target has no clock control")
    actor.control.advance_clock(days=days)


def _recover_password(actor: Actor, data: str) -> None:
    """ "Nem tudom a jelszavam" asks for nothing but the login id and where to send the code, so "wrong
    data" is the user's login id asked for by someone else (the code goes to the user's own e-mail),
    and "unknown username" a login id nobody has, at the user's company."""
    user = signing_in.the_user(actor)
    if data == "unknown username":
        company = user.login.partition("@")[2]
        actor.memory.login_id = f"senki{secrets.token_hex(3)}@{company}"
    try:
        recovery.ask_reset_code(actor, "email")
    finally:
        actor.memory.login_id = user.login
    if data == "own data":
        actor.data.consume(user.id)  # a portal may replace the password when it is asked for


SUPPORT = ProfileSupport(
    flows=SecurityFlows(
        choose_user=_choose_user,
        choose_user_with_temporary_password=_choose_user_with_temporary_password,
        sign_in=_sign_in,
        let_days_pass=_let_days_pass,
        sent_code=_sent_code,
        codes_sent=_codes_sent,
        type_code=_type_code,
        sign_out=signing_in.sign_out,
        recover_password=_recover_password,
        pages=Pages(login=signing_in.PASSWORD, code=signing_in.CODE, private=SIGNED_IN),
    ),
)
