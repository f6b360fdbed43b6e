"""Public area: contacts, page bands, entry points."""

from __future__ import annotations

import re

from portalcert.checks import expect

from ..actor import Cm6Actor as Actor
from .common import describe_current

PUBLIC_HOME = "public_home"


def open_page(actor: Actor, page: str) -> None:
    actor.portal.open(page)


def expect_contact(actor: Actor, readable: str, value: str) -> None:
    shown = actor.portal.read(PUBLIC_HOME, readable) or ""
    # The exact number or address, not a longer one that contains it (800.000.1099 is not 800.000.109).
    exact = re.search(rf"(?<![\w.@]){re.escape(value)}(?![\w@]|\.\w)", shown)
    expect(exact is not None, f'"{value}"', f'"{shown}"' if shown else "nothing")


def _expect_parts(actor: Actor, expected: str, parts: tuple[tuple[str, str], ...]) -> None:
    """Each (description, readable name) must be present on the current page."""
    missing = [what for what, name in parts if not actor.portal.shows(None, name)]
    expect(not missing, expected, f"missing {', '.join(missing)}")


def expect_top_band(actor: Actor) -> None:
    _expect_parts(
        actor,
        "a top band with contacts, menu and Login",
        (
            ("the top band", "top_band"),
            ("customer-service contacts in it", "top_band_contacts"),
            ("the menu in it", "top_band_menu"),
            ("the Login link in it", "top_band_login"),
        ),
    )


def expect_central_band(actor: Actor) -> None:
    _expect_parts(actor, "a central band", (("the central band", "central_band"),))


def expect_bottom_band(actor: Actor) -> None:
    _expect_parts(
        actor,
        "a bottom band with news, video and contacts",
        (
            ("the bottom band", "bottom_band"),
            ("news", "support_news"),
            ("video", "support_video"),
            ("contacts", "support_contacts"),
        ),
    )


def expect_on_public_area(actor: Actor) -> None:
    expect(actor.portal.is_on(PUBLIC_HOME), f"page {PUBLIC_HOME}", describe_current(actor))
