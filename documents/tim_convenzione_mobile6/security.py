"""CM6's answer to the security baseline (profiles/security_baseline/support.py): its own tasks for the
flows the profile exercises. CM6 has them all: password and SMS code at login, sign-out, RECUPERA
PASSWORD."""

from __future__ import annotations

import secrets

from portalcert.docspec import ProfileSupport
from profiles.security_baseline.support import Pages, SecurityFlows

from .actor import Cm6Actor as Actor
from .tasks import messages, recovery, signing_in

USER = "user"


def _choose_user(actor: Actor) -> None:
    signing_in.choose_user(actor, USER)


def _choose_user_with_temporary_password(actor: Actor) -> None:
    signing_in.choose_user(actor, "temp_user")


def _sign_in(actor: Actor, which: str) -> None:
    if which == "unknown user":
        # The same unknown username all scenario long: throttled like the user's, try for try.
        unknown = f"{signing_in.the_user(actor).username}zq"
        signing_in.sign_in(actor, unknown, signing_in.password(actor, "wrong"))
    else:
        signing_in.sign_in_as_user(
            actor, {"right": "their", "wrong": "wrong", "temporary": "temporary"}[which]
        )


def _sent_code(actor: Actor) -> str:
    return signing_in.login_code(actor)


def _codes_sent(actor: Actor) -> int:
    user = signing_in.the_user(actor)
    count = 1 if actor.memory.sms is not None else 0
    while messages.next_sms(actor, user.business_mobile, user.person.contact_mobile) is not None:
        count += 1
    actor.memory.sms = None
    return count


def _type_code(actor: Actor, code: str) -> None:
    actor.portal.fill(signing_in.LOGIN_OTP, "otp", code)
    actor.portal.press(signing_in.LOGIN_OTP, "sign_in")


def _recover_password(actor: Actor, data: str) -> None:
    """RECUPERA PASSWORD with the user's "own data", the user's username and another person's codice
    fiscale ("wrong data"), or an "unknown username" with the user's codice fiscale."""
    user = signing_in.the_user(actor)
    page = recovery.PAGES["password"]
    actor.portal.open(page)
    values = recovery.registration_data(actor, user)
    if data == "wrong data":
        values["personal_fiscal_code"] = actor.data.person("registrant").personal_fiscal_code
    elif data == "unknown username":
        values["username"] = f"nessuno{secrets.token_hex(3)}"
    actor.portal.fill_form(page, values, required=recovery.REQUIRED["password"])
    actor.portal.press(page, "continue")
    if data == "own data":
        actor.data.consume(user.id)  # the portal may have replaced the password


SUPPORT = ProfileSupport(
    flows=SecurityFlows(
        choose_user=_choose_user,
        choose_user_with_temporary_password=_choose_user_with_temporary_password,
        sign_in=_sign_in,
        let_days_pass=signing_in.advance_clock,
        sent_code=_sent_code,
        codes_sent=_codes_sent,
        type_code=_type_code,
        sign_out=signing_in.sign_out,
        recover_password=_recover_password,
        pages=Pages(login=signing_in.LOGIN, code=signing_in.LOGIN_OTP, private=signing_in.PRIVATE_HOME),
    ),
)
