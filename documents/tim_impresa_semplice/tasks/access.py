"""Getting into the Area Clienti: the username e-mail and its link, the verification code, the new
password, signing in; asking for the e-mail again and Recupera Password."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from portalcert.checks import PreconditionFailed, expect
from portalcert.control import Message

from ..actor import TisActor as Actor
from . import messages
from .common import expect_page, expect_refused, require_page

LOGIN, PRIVATE_HOME, ACTIVATION, ACTIVATION_DONE = "login", "private_home", "activation", "activation_done"
RESEND, RECOVERY, LINK_INVALID = "resend", "password_recovery", "link_invalid"
RL, EMPLOYEE = "rl", "employee"
PENDING_RL = "pending_legal_representative"


@dataclass(frozen=True)
class Account:
    """Whoever a step speaks of, as far as getting in goes."""

    username: str
    email: str
    mobile: str
    record: str  # the data set record, consumed once its password changed


def account(actor: Actor, who: str) -> Account:
    if who == RL:
        rl = actor.memory.legal_representative
        if rl is None:
            raise PreconditionFailed("no Rappresentante Legale was chosen by an earlier step")
        # The username the e-mail brought, else the one the data set knows (the portal chose it).
        return Account(actor.memory.rl_username or rl.username, rl.email, rl.mobile, rl.company)
    employee = actor.memory.employee
    if employee is None:
        raise PreconditionFailed("no employee was registered by an earlier step")
    return Account(employee.email, employee.email, employee.mobile, employee.id)


def new_password() -> str:
    """12 letters and digits, different in every scenario: a portal without reset never sees one twice."""
    letters = "".join(secrets.choice("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(9))
    return f"{letters}{secrets.randbelow(900) + 100}"


# --- the username e-mail ------------------------------------------------------------------------


def remember_username_email(actor: Actor, message: Message, who: str) -> None:
    actor.memory.username_email = message
    actor.memory.link = actor.extract("activation_link", message) or ""
    if who == RL:
        actor.memory.rl_username = actor.extract("username", message) or ""


def expect_username_email(actor: Actor, who: str) -> None:
    remember_username_email(actor, messages.received(actor, "email", account(actor, who).email), who)


def expect_username_and_link(actor: Actor, who: str) -> None:
    message = actor.memory.username_email
    if message is None:
        raise PreconditionFailed("no username e-mail was read before looking into it")
    username = messages.value_from(actor, "username", message)
    # The employee's username is the one the RL typed; the RL's is the portal's choice, known only
    # when the data set says what it is (a company TIM registers during the scenario has none yet).
    wanted = actor.memory.employee.email if who == EMPLOYEE and actor.memory.employee else ""
    if who == RL and actor.memory.legal_representative is not None:
        wanted = actor.memory.legal_representative.username
    if wanted:
        expect(username.lower() == wanted.lower(), f'the username "{wanted}"', f'"{username}"')
    messages.value_from(actor, "activation_link", message)


def ask_resend(actor: Actor, who: str) -> None:
    """«chiedi nuovamente l'invio al tuo indirizzo di posta elettronica»: on the portal, by e-mail address."""
    ask_resend_to(actor, account(actor, who).email)


def ask_resend_to(actor: Actor, email: str) -> None:
    actor.portal.open(RESEND)
    require_page(actor, RESEND, "open the page that sends the username e-mail again")
    actor.portal.fill(RESEND, "email", email)
    actor.portal.press(RESEND, "send")


def pending_legal_representative(actor: Actor, role: str = PENDING_RL) -> None:
    actor.memory.legal_representative = actor.data.legal_representative(role)


def username_email_arrived(actor: Actor, role: str = PENDING_RL) -> None:
    """Given: a Rappresentante Legale TIM registered holds the username e-mail (asked again on the portal)."""
    pending_legal_representative(actor, role)
    ask_resend(actor, RL)
    message = messages.next_message(actor, "email", account(actor, RL).email)
    if message is None:
        raise PreconditionFailed(f"the username e-mail never reached {account(actor, RL).email}")
    remember_username_email(actor, message, RL)


def completed_registration(actor: Actor) -> None:
    username_email_arrived(actor)
    follow_link(actor)
    type_code_and_password(actor, RL, "sms")
    require_page(actor, ACTIVATION_DONE, "complete the registration")


# --- the link, the code, the new password ---------------------------------------------------------


def follow_link(actor: Actor) -> None:
    if not actor.memory.link:
        raise PreconditionFailed("no link was read from an e-mail before following it")
    actor.portal.follow(actor.memory.link)


def _code(actor: Actor, who: str, channel: str) -> str:
    message = actor.memory.code_message
    if message is None:
        address = account(actor, who).mobile if channel == "sms" else account(actor, who).email
        message = messages.received(actor, channel, address)
    return messages.value_from(actor, "verification_code", message)


def type_code_and_password(actor: Actor, who: str, channel: str, *, wrong_code: bool = False) -> None:
    require_page(actor, ACTIVATION, "open the form the link leads to")
    code = _code(actor, who, channel)
    if wrong_code:
        code = f"{code.split(' ')[0]} {'ZZZQ' if not code.endswith('ZZZQ') else 'QQQZ'}"
    password = new_password()
    actor.portal.fill(ACTIVATION, "code", code)
    actor.portal.fill(ACTIVATION, "new_password", password)
    actor.portal.fill(ACTIVATION, "confirm_password", password)
    actor.portal.press(ACTIVATION, "confirm")
    actor.memory.new_password = password
    if not wrong_code:
        actor.data.consume(account(actor, who).record)  # its password may have changed


def ask_code_by_email(actor: Actor) -> None:
    require_page(actor, ACTIVATION, "open the form the link leads to")
    actor.portal.press(ACTIVATION, "code_by_email")


def expect_code_by_email(actor: Actor, who: str) -> None:
    message = messages.received(actor, "email", account(actor, who).email)
    messages.value_from(actor, "verification_code", message)
    actor.memory.code_message = message


def sign_in(actor: Actor, who: str, password: str = "") -> None:
    sign_in_as(actor, account(actor, who).username, password or actor.memory.new_password)


def sign_in_as(actor: Actor, username: str, password: str) -> None:
    actor.portal.open(LOGIN)
    require_page(actor, LOGIN, "open the login page")
    actor.portal.fill(LOGIN, "username", username)
    actor.portal.fill(LOGIN, "password", password)
    actor.portal.press(LOGIN, "sign_in")


def sign_out(actor: Actor) -> None:
    """Esci, offered on every page of the Area Clienti."""
    actor.portal.press(None, "logout")


def expect_in_area(actor: Actor, who: str, profile: str = "") -> None:
    expect_page(actor, PRIVATE_HOME)
    shown = actor.portal.read(PRIVATE_HOME, "username") or ""
    wanted = account(actor, who).username
    expect(shown.lower() == wanted.lower(), f'signed in as "{wanted}"', f'signed in as "{shown}"')
    if profile:
        held = actor.portal.read(PRIVATE_HOME, "profile") or ""
        expect(held == profile, f'the profile "{profile}"', f'the profile "{held}"')


def expect_code_refused(actor: Actor) -> None:
    expect_refused(actor, ACTIVATION, "code_wrong")


def expect_link_refused(actor: Actor) -> None:
    wanted = "the link refused as no longer valid"
    with actor.portal.describing():  # seeing the form again is a FAIL seen, not inferred
        reopened = actor.portal.is_on(ACTIVATION)
    expect(not reopened, wanted, "the activation form, open again")
    expect_refused(actor, LINK_INVALID, "link_invalid")


# --- Recupera Password ---------------------------------------------------------------------------


def with_password(actor: Actor) -> None:
    actor.memory.legal_representative = actor.data.legal_representative("recovering_legal_representative")


def ask_recovery(actor: Actor) -> None:
    ask_recovery_for(actor, account(actor, RL).username)


def ask_recovery_for(actor: Actor, username: str) -> None:
    actor.portal.open(RECOVERY)
    require_page(actor, RECOVERY, "open Recupera Password")
    actor.portal.fill(RECOVERY, "username", username)
    actor.portal.press(RECOVERY, "send")


def expect_recovery_email(actor: Actor) -> None:
    message = messages.received(actor, "email", account(actor, RL).email)
    actor.memory.link = messages.value_from(actor, "password_link", message)
