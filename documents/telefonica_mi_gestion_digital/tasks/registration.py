"""The registration: Regístrate, step 1, a Grandes Clientes request, line, mobile, bank accounts, code."""

from __future__ import annotations

import secrets

from portalcert.checks import PreconditionFailed, expect

from ..actor import MgdActor as Actor
from ..testdata import Company
from . import messages
from .common import describe_current, expect_page, expect_refused, on_another_page, require_page

ACCESS, STEP1, REQUEST, REQUEST_SENT = "access", "registration", "registration_request", "request_sent"
LINE, MOBILE, ACCOUNTS, CODE = (
    "registration_line",
    "registration_mobile",
    "registration_accounts",
    "registration_code",
)
# company role -> the role of its interlocutor who registers
REGISTRANTS = {
    "company_fixed_mobile": "registrant_fixed_mobile",
    "company_fixed_only": "registrant_fixed_only",
    "company_mobile_only": "registrant_mobile_only",
    "company_large": "registrant_large",
}
ADVISOR_PHONE = "1489"


def the_company(actor: Actor) -> Company:
    if actor.memory.company is None:
        raise PreconditionFailed("no company was chosen by an earlier step")
    return actor.memory.company


def choose_registrate(actor: Actor) -> None:
    actor.portal.press(ACCESS, "register")


def expect_step1(actor: Actor) -> None:
    expect_page(actor, STEP1)


def _step1(actor: Actor, fiscal_id: str, email: str) -> None:
    actor.portal.open(STEP1)
    require_page(actor, STEP1, "open the registration")
    actor.portal.fill(STEP1, "fiscal_id", fiscal_id)
    actor.portal.fill(STEP1, "email", email)
    actor.portal.press(STEP1, "continue")


def start_as_interlocutor(actor: Actor, company_role: str) -> None:
    """The company's interlocutor who is not registered yet starts the registration."""
    company = actor.data.company(company_role)
    registrant = actor.data.interlocutor(REGISTRANTS[company_role])
    actor.memory.company = company
    actor.memory.registrant_role = REGISTRANTS[company_role]
    actor.memory.email = registrant.email
    _step1(actor, company.fiscal_id, registrant.email)


def start_with_email(actor: Actor, company_role: str, email_role: str) -> None:
    company = actor.data.company(company_role)
    actor.memory.company = company
    if email_role == "unknown":
        email = f"nadie.{secrets.token_hex(4)}@sin-interlocutor.example.es"
    elif email_role == "user":
        email = actor.data.user("user").email
    else:
        email = actor.data.interlocutor(email_role).email
    _step1(actor, company.fiscal_id, email)


def expect_refused_naming_advisor(actor: Actor) -> None:
    expect_refused(actor, STEP1, "email_not_interlocutor")
    message = actor.portal.read(STEP1, "error") or ""
    expect(ADVISOR_PHONE in message, f"a message naming the advisor's number {ADVISOR_PHONE}", f'"{message}"')


def expect_step(actor: Actor, page: str) -> None:
    expect_page(actor, page)


# --- Grandes Clientes -------------------------------------------------------------------------------------


def send_request(actor: Actor) -> None:
    company = the_company(actor)
    if not company.mobile_lines:
        raise PreconditionFailed(f"company {company.id} has no mobile line to give as the contact phone")
    actor.portal.fill(REQUEST, "contact_name", actor.memory.email.split("@")[0].replace(".", " ").title())
    actor.portal.fill(REQUEST, "contact_phone", company.mobile_lines[0])
    actor.portal.press(REQUEST, "send")


def has_sent_request(actor: Actor) -> None:
    start_as_interlocutor(actor, "company_large")
    require_page(actor, REQUEST, "reach the registration request")
    send_request(actor)
    require_page(actor, REQUEST_SENT, "send the registration request")


def advisor_validates(actor: Actor) -> None:
    if actor.backoffice is None:
        raise PreconditionFailed("the target has no control API for the advisor's validation")
    actor.backoffice.event("mgd_advisor_validates", {"fiscal_id": the_company(actor).fiscal_id})


def expect_temporary_password_email(actor: Actor) -> None:
    message = messages.received(actor, "email", actor.memory.email, "a temporary password")
    actor.memory.temporary_password = messages.value_from(actor, "temporary_password", message)


# --- the self-registration's steps --------------------------------------------------------------------------


def at_phone_step(actor: Actor, company_role: str) -> None:
    start_as_interlocutor(actor, company_role)
    require_page(actor, LINE, "reach the phone step")


def line(actor: Actor, which: str) -> str:
    """A number a step names: a line of the company or of another one, or a mobile of nobody."""
    if which == "spanish_mobile":
        return actor.data.phone("spanish_mobile")
    kind, owner = which.split(":")
    company = the_company(actor) if owner == "own" else actor.data.company("other_company")
    numbers = company.fixed_lines if kind == "fixed" else company.mobile_lines
    if not numbers:
        raise PreconditionFailed(f"company {company.id} has no {kind} line")
    return numbers[0]


def give_line(actor: Actor, which: str) -> None:
    number = line(actor, which)
    if which == "mobile:own":
        actor.memory.mobile_given = number
    actor.portal.fill(LINE, "phone", number)
    actor.portal.press(LINE, "continue")


def has_given_fixed_line(actor: Actor) -> None:
    """Step 2 passed with a fixed line (whatever the portal asks next: MGD-07 checks that)."""
    at_phone_step(actor, "company_fixed_mobile")
    give_line(actor, "fixed:own")
    with actor.portal.describing():
        left = actor.portal.current_page() != LINE and not actor.portal.shows(None, "error")
    if not left:
        raise PreconditionFailed(f"the phone step refused the fixed line: {describe_current(actor)}")


def expect_moved_on(actor: Actor) -> None:
    """The phone step took the line: the registration is at one of its next steps, without error."""
    with actor.portal.describing():
        shown = actor.portal.current_page()
    moved_on = shown in (MOBILE, ACCOUNTS) and not actor.portal.shows(None, "error")
    expect(
        moved_on,
        "the registration at its next step (a mobile, or the bank accounts)",
        describe_current(actor),
    )


def give_mobile(actor: Actor, which: str) -> None:
    number = line(actor, which)
    actor.memory.mobile_given = number
    actor.portal.fill(MOBILE, "mobile", number)
    actor.portal.press(MOBILE, "continue")


def reach_accounts(actor: Actor, company_role: str, which: str) -> None:
    """Step 1 and 2 with the line, and the company's mobile when the portal asks for one."""
    at_phone_step(actor, company_role)
    give_line(actor, which)
    if which.startswith("fixed") and the_company(actor).mobile_lines:
        require_page(actor, MOBILE, "reach the question for a Telefónica mobile")
        give_mobile(actor, "mobile:own")
    require_page(actor, ACCOUNTS, "reach the bank accounts")


def expect_accounts_asked(actor: Actor, fixed: bool, mobile: bool) -> None:
    portal = actor.portal
    if on_another_page(actor, ACCOUNTS) or not portal.arrives_on(ACCOUNTS):
        expect(False, "the bank accounts step", describe_current(actor))
    shown = (portal.shows(ACCOUNTS, "fixed_account_field"), portal.shows(ACCOUNTS, "mobile_account_field"))
    words = {(True, True): "both accounts", (True, False): "the fixed lines' account only"}
    words[(False, True)] = "the mobile lines' account only"
    words[(False, False)] = "no account"
    expect(shown == (fixed, mobile), f"a request for {words[fixed, mobile]}", f"a request for {words[shown]}")


def give_accounts(actor: Actor, variant: str) -> None:
    """Type the accounts the page asks for: the right ones, or one of the variants the rule refuses."""
    company = the_company(actor)
    accounts = {"fixed": company.fixed_account, "mobile": company.mobile_account}
    if variant == "swapped":
        accounts = {"fixed": company.mobile_account, "mobile": company.fixed_account}
    elif variant == "wrong_check_digits" and company.fixed_account:
        digits = int(company.fixed_account[2:4])
        accounts["fixed"] = (
            f"{company.fixed_account[:2]}{(digits + 1) % 97 + 2:02d}{company.fixed_account[4:]}"
        )
    elif variant == "another_company":
        accounts["fixed"] = actor.data.company("other_company").fixed_account
    if variant == "grouped":  # as IBANs are printed: ES12 3456 ...
        accounts = {
            kind: " ".join(v[i : i + 4] for i in range(0, len(v), 4)) if v else v
            for kind, v in accounts.items()
        }
    portal = actor.portal
    for kind, value in accounts.items():
        with portal.describing():  # what the page asks decides what is typed; no check rests on it
            asked = portal.shows(ACCOUNTS, f"{kind}_account_field")
        if not asked:
            continue
        if not value:
            raise PreconditionFailed(
                f"the portal asks for the account of the {kind} lines, and company {company.id} has none"
            )
        portal.fill(ACCOUNTS, f"{kind}_account", value)
    portal.press(ACCOUNTS, "continue")


def where_code_goes(actor: Actor, where: str) -> tuple[str, str]:
    if where == "email":
        return "email", actor.memory.email
    if not actor.memory.mobile_given:
        raise PreconditionFailed("no mobile was given during the registration")
    return "sms", actor.memory.mobile_given


def expect_code_at(actor: Actor, where: str) -> None:
    messages.expect_code(actor, *where_code_goes(actor, where))


def type_code(actor: Actor, *, wrong: bool = False) -> None:
    company = the_company(actor)
    where = "sms" if company.mobile_lines else "email"
    value = messages.code(actor, *where_code_goes(actor, where), wrong=wrong)
    actor.portal.fill(CODE, "code", value)
    actor.portal.press(CODE, "continue")


def sent_code(actor: Actor) -> None:
    """The fixed + mobile company's interlocutor, through to the security code (sent to the mobile given)."""
    reach_accounts(actor, "company_fixed_mobile", "mobile:own")
    give_accounts(actor, "right")
    require_page(actor, CODE, "reach the security code")


def completed_code(actor: Actor) -> None:
    sent_code(actor)
    type_code(actor)
    actor.data.consume(actor.data.interlocutor(actor.memory.registrant_role).id)  # registered for good
