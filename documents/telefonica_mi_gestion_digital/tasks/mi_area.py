"""Mi Área's first landing: the terms of use, the access data (e-mail, mandatory mobile), its activation."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect

from ..actor import MgdActor as Actor
from . import messages, registration
from .common import describe_current, expect_page, on_another_page, require_page

WELCOME, ACTIVATION, HOME = "welcome", "mobile_activation", "mi_area"


def landed(actor: Actor) -> None:
    registration.completed_code(actor)
    require_page(actor, WELCOME, "land in Mi Área")


def expect_terms_and_access_data(actor: Actor) -> None:
    portal = actor.portal
    if on_another_page(actor, WELCOME) or not portal.arrives_on(WELCOME):
        expect(False, "Mi Área asking to accept the terms of use", describe_current(actor))
    shown_email = portal.read(WELCOME, "access_email") or ""
    shown_mobile = portal.read(WELCOME, "mobile_shown") or ""
    expect(
        portal.shows(WELCOME, "terms") and actor.memory.email in shown_email.lower(),
        f"the terms of use to accept and the access e-mail {actor.memory.email}",
        f"terms {'offered' if portal.shows(WELCOME, 'terms') else 'not offered'}, e-mail shown "
        f"{shown_email!r}",
    )
    expect(
        shown_mobile.replace(" ", "").endswith(actor.memory.mobile_given),
        f"the mobile given during the registration ({actor.memory.mobile_given}) to verify",
        f"the mobile field holding {shown_mobile!r}",
    )


def number(actor: Actor, which: str) -> str:
    if which == "none":
        return ""
    if which == "given":
        return actor.memory.mobile_given
    if which == "company_mobile":
        others = [n for n in registration.the_company(actor).mobile_lines if n != actor.memory.mobile_given]
        if not others:
            raise PreconditionFailed("the company has no mobile line besides the one given at registration")
        return others[0]
    return actor.data.phone(which)


def save(actor: Actor, which: str, *, accept_terms: bool = True) -> None:
    mobile = number(actor, which)
    actor.memory.new_mobile = mobile
    if accept_terms:
        actor.portal.choose(WELCOME, "terms", "accepted")
    actor.portal.fill(WELCOME, "mobile", mobile)
    actor.portal.press(WELCOME, "save")


def save_without_terms(actor: Actor) -> None:
    save(actor, "given", accept_terms=False)


def expect_activation_code(actor: Actor) -> None:
    messages.expect_code(actor, "sms", actor.memory.new_mobile)


def type_activation_code(actor: Actor, *, wrong: bool = False) -> None:
    value = messages.code(actor, "sms", actor.memory.new_mobile, wrong=wrong)
    actor.portal.fill(ACTIVATION, "code", value)
    actor.portal.press(ACTIVATION, "continue")


def expect_home(actor: Actor) -> None:
    expect_page(actor, HOME)


def expect_mobile_accepted(actor: Actor) -> None:
    """The mobile is taken: Mi Área moves on, to the new mobile's activation or to its home."""
    portal = actor.portal
    with portal.describing():
        shown = portal.current_page()
    moved_on = shown in (ACTIVATION, HOME) and not portal.shows(None, "error")
    expect(moved_on, "the mobile accepted (its activation, or Mi Área's home)", describe_current(actor))
