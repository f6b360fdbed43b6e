"""RECUPERA PASSWORD and RECUPERA USERNAME."""

from __future__ import annotations

from portalcert.checks import expect

from ..actor import Cm6Actor as Actor
from ..testdata import User
from . import messages
from .common import expect_page, require_page
from .signing_in import LOGIN, the_user

PAGES = {"password": "password_recovery", "username": "username_recovery"}
ACTIONS = {"password": "recover_password", "username": "recover_username"}
# What each form needs («le informazioni richieste»: a portal may ask more of the registration data,
# which is then filled too when its page map names the field; see registration_data).
REQUIRED = {"password": ("username", "personal_fiscal_code"), "username": ("email", "personal_fiscal_code")}


def expect_offered(actor: Actor, what: str) -> None:
    wanted = f"the {what} recovery link at the bottom of the login window"
    expect(actor.portal.offers(LOGIN, ACTIONS[what]), wanted, "no such link on the login page")
    expect(
        actor.portal.offers_within(LOGIN, "login_window_bottom", ACTIONS[what]),
        wanted,
        "the link elsewhere on the login page",
    )


def recover(actor: Actor, what: str, *, own_data: bool = True) -> None:
    """Ask to recover, identifying with registration data (or someone else's CF).

    The recovery page is opened at its own address: the link to it from the login window is what
    expect_offered checks, so a missing link fails that check and does not hide whether recovery works.
    """
    user = the_user(actor)
    page = PAGES[what]
    actor.portal.open(page)
    require_page(actor, page, f"open {what} recovery")
    values = registration_data(actor, user)
    if what == "username":
        del values["username"]  # what the user asks for, not something they can give
    if not own_data:
        values["personal_fiscal_code"] = actor.data.person("registrant").personal_fiscal_code
    actor.portal.fill_form(page, values, required=REQUIRED[what])
    actor.portal.press(page, "continue")
    if what == "password" and own_data:
        # The portal may replace the password right away: the data set's one is no longer sure to work.
        actor.data.consume(user.id)


def registration_data(actor: Actor, user: User) -> dict[str, str]:
    """Everything the user gave or was given at registration, by page-map field name.

    The entity's codes come from the user's business SIM; a public body may have no partita IVA.
    """
    values = {
        "username": user.username,
        "personal_fiscal_code": user.person.personal_fiscal_code,
        "email": user.person.email,
        "first_name": user.person.first_name,
        "last_name": user.person.last_name,
        "contact_mobile": user.person.contact_mobile,
        "business_mobile": user.business_mobile,
    }
    sims = [sim for sim in actor.data.raw.get("sims", []) if sim.get("number") == user.business_mobile]
    entity_id = sims[0].get("entity") if sims else None
    for entity in actor.data.raw.get("entities", []):
        if entity_id and entity.get("id") == entity_id:
            codes = {
                "entity_fiscal_code": entity.get("codice_fiscale"),
                "vat_number": entity.get("partita_iva"),
            }
            values.update({name: code for name, code in codes.items() if code})
    return values


def expect_no_match(actor: Actor, what: str) -> None:
    expect_page(actor, PAGES[what], error="recovery_data_unknown")


def expect_recovered_password(actor: Actor) -> None:
    message = messages.received_email(actor, the_user(actor).person.email)
    actor.memory.recovered_password = messages.code_from(actor, "temporary_password", message)


def expect_username_email(actor: Actor) -> None:
    user = the_user(actor)
    message = messages.received_email(actor, user.person.email)
    sent = messages.code_from(actor, "username", message)
    expect(sent == user.username, f'the username "{user.username}"', f'"{sent}"')
