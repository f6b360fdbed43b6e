"""RECUPERA PASSWORD and RECUPERA USERNAME."""

from __future__ import annotations

from portalcert.checks import expect

from ..actor import Cm6Actor as Actor
from . import messages
from .common import expect_page, require_page
from .signing_in import LOGIN, the_user

PAGES = {"password": "password_recovery", "username": "username_recovery"}
ACTIONS = {"password": "recover_password", "username": "recover_username"}


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
    fiscal_code = (
        user.person.personal_fiscal_code if own_data else actor.data.person("registrant").personal_fiscal_code
    )
    if what == "password":
        actor.portal.fill(page, "username", user.username)
    else:
        actor.portal.fill(page, "email", user.person.email)
    actor.portal.fill(page, "personal_fiscal_code", fiscal_code)
    actor.portal.press(page, "continue")
    if what == "password" and own_data:
        # The portal may replace the password right away: the data set's one is no longer sure to work.
        actor.data.consume(user.id)


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
