"""Nem tudom a jelszavam: a one-time code by e-mail or SMS, then a new password; the Telekom fiók prompt."""

from __future__ import annotations

import secrets

from portalcert.checks import PreconditionFailed, expect

from ..actor import MthActor as Actor
from . import messages
from .common import describe_current, expect_page, expect_refused, require_page
from .signing_in import LOGIN, PASSWORD, PROMPT, the_user, type_username

RESET, RESET_CODE = "password_reset", "password_reset_code"
CHANNELS = {"email": "email", "phone": "sms"}  # the page map's option -> the inbox channel
OFFERS = {"create": "offer_create", "complete": "offer_complete"}


def _recipient(actor: Actor, channel: str) -> str:
    user = the_user(actor)
    return user.email if channel == "email" else user.mobile


def ask_reset_code(actor: Actor, channel: str) -> None:
    type_username(actor)
    require_page(actor, PASSWORD, "reach the password step")
    actor.portal.press(PASSWORD, "forgotten_password")
    require_page(actor, RESET, 'open "Nem tudom a jelszavam"')
    actor.portal.choose(RESET, "channel", channel)
    actor.portal.press(RESET, "send_code")
    actor.memory.reset_channel = channel


def expect_forgotten_link_beside_password(actor: Actor) -> None:
    expect_page(actor, PASSWORD)
    beside = actor.portal.offers_within(PASSWORD, "password_area", "forgotten_password")
    expect(beside, '"Nem tudom a jelszavam" beside the password field', describe_current(actor))


def expect_reset_code(actor: Actor, channel: str) -> None:
    what = f"a one-time code by {channel}"
    actor.memory.reset_message = messages.received(actor, CHANNELS[channel], _recipient(actor, channel), what)


def type_reset_code(actor: Actor, *, wrong: bool = False) -> None:
    channel = actor.memory.reset_channel
    if not channel:
        raise PreconditionFailed("no one-time code was asked for")
    message = actor.memory.reset_message or messages.received(
        actor, CHANNELS[channel], _recipient(actor, channel), "a one-time code"
    )
    code = messages.value_from(actor, "reset_code", message)
    new = f"Uj{secrets.token_hex(4)}5"
    actor.memory.new_password = new
    require_page(actor, RESET_CODE, "reach the new password form")
    actor.portal.fill(RESET_CODE, "code", code[::-1] + "Q" if wrong else code)
    actor.portal.fill(RESET_CODE, "new_password", new)
    actor.portal.fill(RESET_CODE, "confirm_password", new)
    actor.portal.press(RESET_CODE, "save")
    if not wrong:
        actor.data.consume(the_user(actor).id)


def expect_new_password_confirmed(actor: Actor) -> None:
    expect_page(actor, LOGIN, error=False)
    expect(actor.portal.shows(None, "notice"), "a confirmation of the new password", describe_current(actor))


def expect_reset_refused(actor: Actor) -> None:
    expect_refused(actor, RESET_CODE, "code_wrong")


def expect_offer(actor: Actor, offer: str) -> None:
    """The prompt offers this (and not the other), and lets the user go on without it."""
    expect_page(actor, PROMPT)
    other = "complete" if offer == "create" else "create"
    wanted = f"the offer to {offer} a Telekom fiók"
    with actor.portal.describing():  # the other offer is looked for first: only finding it says something
        wrong_offer = actor.portal.shows(PROMPT, OFFERS[other])
    expect(not wrong_offer, wanted, f"the prompt offering to {other} one")
    expect(actor.portal.shows(PROMPT, OFFERS[offer]), wanted, describe_current(actor))
    expect(actor.portal.offers(PROMPT, "later"), "a way to go on without it", "none offered")


def decline_offer(actor: Actor) -> None:
    require_page(actor, PROMPT, "reach the Telekom fiók offer")
    actor.portal.press(PROMPT, "later")
