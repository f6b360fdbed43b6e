"""Opening functions (from the menu or by typing their address) and what the main admin does."""

from __future__ import annotations

import secrets

import phonenumbers

from portalcert.checks import PreconditionFailed, expect

from ..actor import MthActor as Actor
from . import messages
from .common import describe_current, expect_notice, expect_page, expect_refused, require_page
from .signing_in import CODE, SELF_SERVICE, choose_user, complete_sign_in, sign_in, the_user

DENIED = "access_denied"
ADMIN_PAGES = {"felhasznalok", "jogok"}  # reached from the menu with their own page names
DECLARATION = "mth_admin_declaration"


def company_slug(actor: Actor) -> str:
    """The <cégnév> of the company whose addresses a step types: the user's, or the number's."""
    memory = actor.memory
    company = memory.user.company if memory.user else memory.number.company if memory.number else None
    if company is None:
        raise PreconditionFailed("no user or number was chosen by a Given step")
    return company.slug


def open_from_menu(actor: Actor, function: str) -> None:
    """Press the function in the self-service's company-level menu."""
    require_page(actor, SELF_SERVICE, "be on the self-service")
    if not actor.portal.offers_within(SELF_SERVICE, "company_menu", function):
        raise PreconditionFailed(f"the self-service's company-level menu does not offer {function}")
    actor.portal.press(SELF_SERVICE, function)


def type_company_address(actor: Actor, function: str) -> None:
    actor.portal.open(function, {"company": company_slug(actor)})


def type_number_address(actor: Actor, function: str) -> None:
    actor.portal.open(function)


def ensure_user_signed_in(actor: Actor, holding: str, function: str) -> None:
    """A Given: a business user holding (or lacking) the permission, signed in on the self-service."""
    permission = {"holding": function} if holding == "with" else {"lacking": function}
    choose_user(actor, "business_user", **permission)
    complete_sign_in(actor, "their")
    require_page(actor, SELF_SERVICE, "sign in as a business user")


def expect_outcome(actor: Actor, outcome: str) -> None:
    """ "sees:<page>" (the function's page, no error) or "refused:<kind>" (that refusal)."""
    verdict, _, name = outcome.partition(":")
    if verdict == "sees":
        with actor.portal.describing():  # a refusal is looked for first: only finding one says something
            refused = actor.portal.is_on(DENIED)
        if refused:
            expect(False, f"page {name}", describe_current(actor))
        expect_page(actor, name)
    else:
        expect_refused(actor, DENIED, name)


# --- the main admin's functions ---------------------------------------------------------------------


def _new_username() -> str:
    return f"kolléga{secrets.token_hex(3)}".replace("é", "e")


def register_users(actor: Actor, count: int) -> None:
    """Felhasználók kezelése: new business users, each with an e-mail address of their own and the main
    admin's mobile (so that the SMS codes of their logins reach a number the scenario reads)."""
    admin = the_user(actor)
    for _ in range(count):
        if not actor.portal.is_on("felhasznalok"):
            open_from_menu(actor, "felhasznalok")
        require_page(actor, "felhasznalok", "open Felhasználók kezelése")
        username = _new_username()
        email = f"{username}@{admin.company.slug}-dolgozo.example"
        actor.portal.fill("felhasznalok", "username", username)
        actor.portal.fill("felhasznalok", "name", "Teszt Elek")
        actor.portal.fill("felhasznalok", "email", email)
        actor.portal.fill("felhasznalok", "mobile", admin.mobile)
        actor.portal.press("felhasznalok", "create")
        actor.memory.registered.append((email, f"{username}@{admin.company.slug}"))


def expect_temporary_passwords_sent(actor: Actor) -> None:
    for email, _login in actor.memory.registered:
        message = messages.received(actor, "email", email, "an e-mail with a temporary password")
        actor.memory.passwords_received.append(messages.value_from(actor, "temporary_password", message))


def expect_passwords_differ(actor: Actor) -> None:
    received = actor.memory.passwords_received
    expect(len(set(received)) == len(received) > 1, "a temporary password of its own for each", f"{received}")


def sign_in_as_new_user(actor: Actor) -> None:
    """The first new user: <felhasználónév>@<cégnév> as the document says, the e-mailed temporary password."""
    if not actor.memory.registered:
        raise PreconditionFailed("no business user was registered")
    email, login = actor.memory.registered[0]
    message = messages.received(actor, "email", email, "an e-mail with a temporary password")
    actor.memory.temporary_password = messages.value_from(actor, "temporary_password", message)
    actor.memory.login_id = login
    sign_in(actor, "temporary")


def withhold_from_number(actor: Actor, function: str) -> None:
    """Felhasználói jogok beállítása: choose a number of the company, withhold `function`, save."""
    number = actor.data.number("mobile")
    actor.memory.number = number
    open_from_menu(actor, "jogok")
    require_page(actor, "jogok", "open Felhasználói jogok beállítása")
    actor.portal.choose("jogok", "number", number.number)
    actor.portal.press("jogok", "choose")
    actor.portal.choose("jogok", function, "withheld")
    actor.portal.press("jogok", "save")
    actor.data.consume(number.id)  # its rights differ from the data set's from now on


def expect_setting_confirmed(actor: Actor) -> None:
    expect_page(actor, "jogok")
    expect_notice(actor)


# --- the declaration form (a back-office event) -------------------------------------------------------


def _new_mobile() -> str:
    while True:
        number = "30" + f"{secrets.randbelow(10**7):07d}"
        parsed = phonenumbers.parse("+36" + number)
        if phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE:
            return number


def choose_undeclared_company(actor: Actor) -> None:
    actor.memory.company = actor.data.company("undeclared_company")


def record_declaration(actor: Actor) -> None:
    """Customer service records the declaration form, with an e-mail address and mobile of the form's."""
    company = actor.memory.company
    if company is None:
        raise PreconditionFailed("no company was chosen by a Given step")
    if actor.backoffice is None:
        raise PreconditionFailed("the target has no back-office control")
    token = secrets.token_hex(3)
    actor.memory.form_email = f"foadmin.{token}@{company.slug}-nyilatkozat.example"
    actor.memory.declared_mobile = _new_mobile()
    params = {"company": company.id, "name": "Kovács Anna", "email": actor.memory.form_email}
    actor.backoffice.event(DECLARATION, {**params, "mobile": actor.memory.declared_mobile})
    actor.data.consume(company.id)


def expect_declaration_notice(actor: Actor) -> None:
    message = messages.received(
        actor, "email", actor.memory.form_email, "the notice of the main admin registration"
    )
    actor.memory.temporary_password = messages.value_from(actor, "temporary_password", message)


def sign_in_as_declared_admin(actor: Actor) -> None:
    """admin@<cégnév> (the documented form) with the notice's temporary password, and the SMS code."""
    company = actor.memory.company
    if company is None or not actor.memory.temporary_password:
        raise PreconditionFailed("no declaration notice was read")
    actor.memory.login_id = f"admin@{company.slug}"
    sign_in(actor, "temporary")
    if actor.portal.is_on(CODE):
        message = messages.received(actor, "sms", actor.memory.declared_mobile, "an SMS with the login code")
        actor.portal.fill(CODE, "code", messages.value_from(actor, "login_code", message))
        actor.portal.press(CODE, "next")
