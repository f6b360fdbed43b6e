"""Consumi: the user's own line, and a colleague's line by its address."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect

from ..actor import MybActor as Actor
from .common import describe_current, expect_refused, the_user

CONSUMPTION, LINE_CONSUMPTION, REFUSED = "consumption", "line_consumption", "refused"


def open_consumption(actor: Actor) -> None:
    actor.portal.open(CONSUMPTION)


def open_colleague_consumption(actor: Actor) -> None:
    line = actor.data.line("colleague_line")
    if line.number == the_user(actor).line_number:
        raise PreconditionFailed("accounts.colleague_line is the user's own line: give a colleague's")
    actor.portal.open(LINE_CONSUMPTION, {"line_id": line.id})


def expect_own_line(actor: Actor) -> None:
    number = the_user(actor).line_number
    if not number:
        raise PreconditionFailed("the user has no business mobile in the data set")
    shown = actor.portal.read(CONSUMPTION, "line_number") if actor.portal.arrives_on(CONSUMPTION) else None
    expect(
        shown is not None and shown.strip() == number,
        f"the consumption of line {number}",
        f"line {shown!r}" if shown else describe_current(actor),
    )


def expect_no_line(actor: Actor) -> None:
    with actor.portal.describing():
        opened = actor.portal.is_on(CONSUMPTION)
    expect(
        not opened, 'the "function_denied" refusal', f"page {CONSUMPTION} opened: {describe_current(actor)}"
    )
    expect_refused(actor, REFUSED, "function_denied")


def expect_not_yours(actor: Actor) -> None:
    with actor.portal.describing():
        shown = actor.portal.read(CONSUMPTION, "line_number")
    expect(shown is None, 'the "line_not_yours" refusal', f"the consumption of line {shown!r}")
    expect_refused(actor, REFUSED, "line_not_yours")
