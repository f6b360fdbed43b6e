"""Belépés telefonszámmal: the number, Tovább, Kérem az SMS-t, the code and Belépek; what the number sees."""

from __future__ import annotations

import re
from collections.abc import Callable

from portalcert.checks import PreconditionFailed, expect

from ..actor import MthActor as Actor
from ..testdata import Number
from . import messages
from .common import describe_current, expect_page, expect_refused, require_page
from .signing_in import SELF_SERVICE

PHONE_LOGIN, CONFIRM, PHONE_CODE = "phone_login", "phone_confirm", "phone_code"


# The number as a step types it: the documented 9 digits, or a way of getting them wrong.
FORMS: dict[str, Callable[[str], str]] = {
    "9 digits": lambda n: n,
    "8 digits, the last one left out": lambda n: n[:-1],
    "10 digits, a digit added": lambda n: n + "5",
    "11 digits with the 06 trunk prefix": lambda n: "06" + n,
    "9 digits with the VoIP prefix 21": lambda n: "21" + n[2:],
    "9 digits with the unassigned prefix 60": lambda n: "60" + n[2:],
}


def the_number(actor: Actor) -> Number:
    if actor.memory.number is None:
        raise PreconditionFailed("no phone number was chosen by a Given step")
    return actor.memory.number


def choose_number(actor: Actor, role: str = "mobile", prefix: str = "") -> None:
    actor.memory.number = actor.data.number(role, prefix=prefix)
    actor.memory.user = None


def type_number(actor: Actor, form: str = "9 digits") -> None:
    actor.portal.open(PHONE_LOGIN)
    require_page(actor, PHONE_LOGIN, "open the login with a phone number")
    actor.portal.fill(PHONE_LOGIN, "number", FORMS[form](the_number(actor).number))
    actor.portal.press(PHONE_LOGIN, "next")


def request_sms(actor: Actor) -> None:
    require_page(actor, CONFIRM, "reach the number's check")
    actor.portal.press(CONFIRM, "request_sms")


def type_code(actor: Actor, *, wrong: bool = False) -> None:
    number = the_number(actor).number
    message = actor.memory.sms or messages.received(actor, "sms", number, "an SMS with the login code")
    actor.memory.sms = None
    code = messages.value_from(actor, "login_code", message)
    require_page(actor, PHONE_CODE, "reach the code step")
    actor.portal.fill(PHONE_CODE, "code", code[::-1] + "Q" if wrong else code)
    actor.portal.press(PHONE_CODE, "sign_in")


def sign_in_with_number(actor: Actor) -> None:
    type_number(actor)
    request_sms(actor)
    type_code(actor)


def ensure_signed_in_with_number(actor: Actor, role: str = "mobile") -> None:
    choose_number(actor, role)
    sign_in_with_number(actor)
    require_page(actor, SELF_SERVICE, "sign in with the phone number")


def _digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


def expect_number_shown(actor: Actor) -> None:
    """The number typed is shown for checking, whole (with the country code or without it), and the
    SMS can be asked for."""
    number = the_number(actor).number
    expect_page(actor, CONFIRM, error=False)
    shown = actor.portal.read(CONFIRM, "number_shown")
    expect(_digits(shown) in (number, "36" + number), f"the number {number} shown for checking", f"{shown!r}")
    expect(actor.portal.offers(CONFIRM, "request_sms"), '"Kérem az SMS-t" offered', describe_current(actor))


def expect_format_refused(actor: Actor) -> None:
    expect_refused(actor, PHONE_LOGIN, "number_format")


def expect_sms_to_number(actor: Actor) -> None:
    number = the_number(actor).number
    actor.memory.sms = messages.received(actor, "sms", number, "an SMS with the login code")


def expect_number_self_service(actor: Actor) -> None:
    number = the_number(actor).number
    expect_page(actor, SELF_SERVICE)
    shown = actor.portal.read(SELF_SERVICE, "signed_in_as")
    expect(_digits(shown) in (number, "36" + number), f"signed in with {number}", f"signed in as {shown!r}")


def expect_code_refused(actor: Actor) -> None:
    expect_refused(actor, PHONE_CODE, "code_wrong")


def expect_company_functions(actor: Actor) -> None:
    expect_page(actor, SELF_SERVICE)
    offered = actor.portal.shows(SELF_SERVICE, "company_menu")
    expect(offered, "the company-level functions", describe_current(actor))


def expect_only_number_functions(actor: Actor) -> None:
    expect_page(actor, SELF_SERVICE)
    portal = actor.portal
    expect(portal.shows(SELF_SERVICE, "number_menu"), "the number's functions", describe_current(actor))
    company_menu = portal.shows(SELF_SERVICE, "company_menu")
    expect(not company_menu, "no company-level function", "the company-level menu offered")
