"""RECUPERA PASSWORD and RECUPERA USERNAME."""

from __future__ import annotations

from portalcert.checks import expect

from ..actor import Cm6Actor as Actor
from . import messages
from .common import require_page
from .signing_in import LOGIN, the_user

PAGES = {"password": "password_recovery", "username": "username_recovery"}
ACTIONS = {"password": "recover_password", "username": "recover_username"}


def expect_offered(actor: Actor, what: str) -> None:
    expect(
        actor.portal.offers(LOGIN, ACTIONS[what]),
        f"the {what} recovery link at the bottom of the login window",
        "none there",
    )


def recover(actor: Actor, what: str, *, own_data: bool = True) -> None:
    """From the login window, ask to recover; identify with registration data (or someone else's CF)."""
    user = the_user(actor)
    page = PAGES[what]
    actor.portal.open(LOGIN)
    actor.portal.press(LOGIN, ACTIONS[what])
    require_page(actor, page, f"open {what} recovery from the login window")
    fiscal_code = (
        user.person.personal_fiscal_code if own_data else actor.data.person("registrant").personal_fiscal_code
    )
    if what == "password":
        actor.portal.fill(page, "username", user.username)
    else:
        actor.portal.fill(page, "email", user.person.email)
    actor.portal.fill(page, "personal_fiscal_code", fiscal_code)
    actor.portal.press(page, "continue")


def expect_recovered_password(actor: Actor) -> None:
    message = messages.received_email(actor, the_user(actor).person.email)
    actor.memory.recovered_password = messages.code_from(actor, "temporary_password", message)


def expect_username_email(actor: Actor) -> None:
    user = the_user(actor)
    message = messages.received_email(actor, user.person.email)
    sent = messages.code_from(actor, "username", message)
    expect(sent == user.username, f'the username "{user.username}"', f'"{sent}"')
