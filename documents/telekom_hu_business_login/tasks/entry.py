"""The way in: telekom.hu's Belépés button at the top right."""

from __future__ import annotations

from portalcert.checks import expect

from ..actor import MthActor as Actor
from .common import describe_current, expect_page, require_page

HOME = "public_home"


def open_home(actor: Actor) -> None:
    actor.portal.open(HOME)
    require_page(actor, HOME, "open telekom.hu")


def press_belepes(actor: Actor) -> None:
    actor.portal.press(HOME, "belepes")


def expect_belepes_top_right(actor: Actor) -> None:
    expect(
        actor.portal.offers_within(HOME, "top_right", "belepes"),
        "Belépés at the top right",
        describe_current(actor),
    )


def expect_username_asked(actor: Actor) -> None:
    expect_page(actor, "login")
