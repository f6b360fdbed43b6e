"""CM6's answer to the security baseline (profiles/security_baseline/support.py): its own tasks for the
flows the profile exercises. CM6 has them all: password and SMS code at login, sign-out, RECUPERA
PASSWORD, registration (which texts a code to the business line), the password change in Dati
personali."""

from __future__ import annotations

import secrets

from portalcert.checks import PreconditionFailed
from portalcert.docspec import ProfileSupport
from profiles.security_baseline.support import Pages, SecurityFlows

from .actor import Cm6Actor as Actor
from .tasks import messages, recovery, registration, signing_in
from .tasks.common import describe_current, require_page
from .tasks.registration import Point

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
    elif which == "unrelated":
        signing_in.sign_in(actor, signing_in.the_user(actor).username, f"Altra{secrets.token_hex(4)}9")
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


def _leave_open_registration(actor: Actor) -> None:
    """Registration step 1, ANNULLA first where this visitor's last registration is still open."""
    actor.portal.open(registration.STEP1)
    with actor.portal.describing():  # bookkeeping: no check relies on what this look does not find
        still_open = not actor.portal.is_on(registration.STEP1)
    if still_open:
        registration.cancel(actor)


def _register(actor: Actor, identifier: str) -> str:
    """Registration up to step 2's answer, with a line that has a user ("known": the data set's SIM
    already registered to a user, of the registered Amministrazione like the free one) or a free line
    ("unknown"). Step 2 is the portal's first answer about the line: whether it already has a user CM6
    tells at the outcome (CM6-21), after the registrant typed the code the line received."""
    role = "registered_sim" if identifier == "known" else registration.DEFAULT_SIM
    number = actor.data.sim(role).number
    _leave_open_registration(actor)
    registration.reach(actor, Point.STEP2)
    registration.personal_data(actor, override=("business_mobile", number))
    return number


def _send_codes_anonymously(actor: Actor, count: int) -> None:
    """Registrations of the user's business number, each up to its SMS code (the next one starts with
    ANNULLA): what anyone who knows the number and its Amministrazione's codice fiscale can do (the
    graphic code is the target's test value). Past its limit the portal refuses to send more, and the
    visitor goes on; the first must send one, or the scenario shows nothing."""
    number = signing_in.the_user(actor).business_mobile
    for attempt in range(count):
        _leave_open_registration(actor)
        registration.reach(actor, Point.STEP2)
        registration.personal_data(actor, override=("business_mobile", number))
        if attempt == 0:
            require_page(actor, registration.OTP, "register the user's business number (step 2)")


def _change_password(actor: Actor) -> None:
    signing_in.change_password(actor)
    if not actor.portal.shows(None, "notice"):  # not changed: the scenario cannot be judged
        raise PreconditionFailed(f"the password change was not confirmed: {describe_current(actor)}")


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
        register=_register,
        send_codes_anonymously=_send_codes_anonymously,
        change_password=_change_password,
        pages=Pages(login=signing_in.LOGIN, code=signing_in.LOGIN_OTP, private=signing_in.PRIVATE_HOME),
    ),
)
