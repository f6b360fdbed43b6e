"""Nominating the mobile Referente Master of a contract and the fixed lines' Amministratore."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect

from ..actor import MybActor as Actor
from ..testdata import User
from .common import describe_current, expect_refused, require_page

PROFILES, ADMINISTRATOR = "profiles", "administrator"
# The Titolare of a company without an Amministratore nominates one of that company's employees.
NOMINEE_OF = {"titolare_without_amministratore": "fixed_nominee"}
REFUSALS = {
    "the contract having its Referente Master": (PROFILES, "master_exists"),
    "the employee not being one of the company's": (PROFILES, "employee_unknown"),
    "the company having its Amministratore": (ADMINISTRATOR, "administrator_exists"),
}


def _nominee(actor: Actor) -> User:
    if actor.memory.nominee is None:
        raise PreconditionFailed("no nomination was made by a When step")
    return actor.memory.nominee


def nominate_master(actor: Actor, contract_role: str, nominee_role: str = "nominee") -> None:
    contract = actor.data.contract(contract_role)
    nominee = actor.data.user(nominee_role)
    actor.memory.contract, actor.memory.nominee = contract.label, nominee
    actor.portal.open(PROFILES)
    require_page(actor, PROFILES, "open Gestione profili")
    actor.portal.choose(PROFILES, "contract", contract.label)
    actor.portal.fill(PROFILES, "username", nominee.username)
    actor.portal.press(PROFILES, "nominate")
    actor.data.consume(nominee.id)  # the nominee may now hold a profile


def nominate_administrator(actor: Actor) -> None:
    nominee = actor.data.user(NOMINEE_OF.get(actor.memory.role, "nominee"))
    actor.memory.nominee = nominee
    actor.portal.open(ADMINISTRATOR)
    require_page(actor, ADMINISTRATOR, "open the Amministratore page")
    actor.portal.fill(ADMINISTRATOR, "username", nominee.username)
    actor.portal.press(ADMINISTRATOR, "nominate")
    actor.data.consume(nominee.id)


def expect_confirmed(actor: Actor) -> None:
    portal = actor.portal
    expect(
        portal.shows(None, "notice") and not portal.shows(None, "error"),
        "a confirmation and no error",
        describe_current(actor),
    )


def expect_refusal(actor: Actor, reason: str) -> None:
    page, kind = REFUSALS[reason]
    expect_refused(actor, page, kind)


def _holders(actor: Actor, page: str, readable: str, key: str) -> list[str]:
    return [row for row in actor.portal.read_all(page, readable) if key in row]


def expect_only_master(actor: Actor, *, the_nominee: bool) -> None:
    """The contract's Referente Master rows: exactly one, the nominee's when `the_nominee`."""
    rows = _holders(actor, PROFILES, "master_rows", actor.memory.contract)
    _expect_one(actor, rows, f"Referente Master of contract {actor.memory.contract}", the_nominee)


def expect_only_administrator(actor: Actor, *, the_nominee: bool) -> None:
    rows = actor.portal.read_all(ADMINISTRATOR, "administrator_rows")
    _expect_one(actor, rows, "Amministratore of the company's fixed lines", the_nominee)


def _expect_one(actor: Actor, rows: list[str], what: str, the_nominee: bool) -> None:
    username = _nominee(actor).username
    wanted = f"exactly one {what}" + (f", {username}" if the_nominee else "")
    fits = len(rows) == 1 and (username in rows[0]) == the_nominee
    expect(fits, wanted, f"{len(rows)} listed: {rows}")
