"""The roles table of docs/simulator.md as checks: the harness reaches data only through ``accounts``.

A scenario that picks ``ceased_sim`` trusts it to be a ceased CM6 SIM of ``entity`` with nobody on it;
each check below states one such promise, about every member of the role's pool, and what it needs
(the rules that rely on it are added by ``validate`` from ``uses.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from . import records

Record = dict[str, Any]

# role -> the section its ids must point into
ROLE_SECTIONS: dict[str, str] = {
    "entity": "entities",
    "other_entity": "entities",
    "outside_entity": "entities",
    "active_sim": "sims",
    "declared_sim": "sims",
    "ceased_sim": "sims",
    "other_entity_sim": "sims",
    "non_convention_sim": "sims",
    "registered_sim": "sims",
    "registrant": "people",
    "user": "users",
    "temp_user": "users",
    "ceased_user": "users",
    "cm5_user": "users",
    "cm5_user_outside": "users",
}

# SIM roles: (owning entity role, convention, status, whether a user holds it)
SIM_ROLES: dict[str, tuple[str, str | None, str, bool]] = {
    "active_sim": ("entity", "CM6", "active", False),
    "declared_sim": ("entity", "CM6", "declared", False),
    "ceased_sim": ("entity", "CM6", "ceased", False),
    "other_entity_sim": ("other_entity", "CM6", "active", False),
    "non_convention_sim": ("outside_entity", None, "active", False),
    "registered_sim": ("entity", "CM6", "active", True),
}

# User roles: (origin, temporary password, business SIM convention, business SIM status)
USER_ROLES: dict[str, tuple[str, bool, str | None, str | None]] = {
    "user": ("CM6", False, "CM6", "active"),
    "temp_user": ("CM6", True, "CM6", "active"),
    "ceased_user": ("CM6", False, "CM6", "ceased"),
    "cm5_user": ("CM5", False, "CM6", "active"),
    "cm5_user_outside": ("CM5", False, "CM5", None),
}

_SIM_WORDS = {"active": "an active", "declared": "a declared", "ceased": "a ceased"}


@dataclass(frozen=True)
class Finding:
    """One broken promise of a role member: `field` (may be empty) is what `uses.FACT_RULES` keys on."""

    role: str
    member: str
    field: str
    problem: str
    need: str


def members(value: Any) -> list[Any]:
    """A role's ids: one id, or a pool (a list of ids)."""
    return list(value) if isinstance(value, list) else [value]


@dataclass
class Roles:
    """The records behind each role present in `accounts` (dangling ids reported separately)."""

    tables: dict[str, dict[Any, Record]]
    found: dict[str, list[Record]]
    holders: dict[Any, Record]  # sim id -> the user holding it

    def ids(self, role: str) -> list[Any]:
        return [r.get("id") for r in self.found.get(role, [])]


def check_roles(roles: Roles, wanted: set[str]) -> Iterator[Finding]:
    """Every promise the members of the `wanted` roles break."""
    for role in sorted(wanted):
        for record in roles.found.get(role, []):
            yield from _record_findings(role, record, roles)
            if role in ("entity", "other_entity", "outside_entity"):
                yield from _entity_role(role, record)
            elif role in SIM_ROLES:
                yield from _sim_role(role, record, roles)
            elif role in USER_ROLES:
                yield from _user_role(role, record, roles)
    yield from _pool_findings(roles, wanted)


def _record_findings(role: str, record: Record, roles: Roles) -> Iterator[Finding]:
    section = ROLE_SECTIONS[role]
    member = str(record.get("id"))
    for field, problem in records.CHECKS[section](record):
        yield Finding(role, member, field, problem, f"a valid {field}")
    if section == "users":
        sim = roles.tables["sims"].get(record.get("business_sim"))
        if sim is not None:
            for _field, problem in records.check_sim(sim):
                yield Finding(role, member, "business_sim", f"business SIM {sim.get('id')}: {problem}", "it")


def _entity_role(role: str, record: Record) -> Iterator[Finding]:
    wants_cm6 = role != "outside_entity"
    member = str(record.get("id"))
    if ("CM6" in (record.get("conventions") or [])) != wants_cm6:
        conventions = record.get("conventions")
        need = "an Amministrazione with a CM6 contract" if wants_cm6 else "a company without a CM6 contract"
        yield Finding(role, member, "conventions", f"conventions {conventions!r}", need)


def _sim_role(role: str, sim: Record, roles: Roles) -> Iterator[Finding]:
    owner, convention, status, held = SIM_ROLES[role]
    member = str(sim.get("id"))
    kind = f"{_SIM_WORDS[status]} {convention or 'non-Convenzione'} SIM"
    if sim.get("convention") != convention:
        yield Finding(role, member, "convention", f"convention {sim.get('convention')!r}", kind)
    if sim.get("status") != status:
        yield Finding(role, member, "status", f"status {sim.get('status')!r}", kind)
    owners = roles.ids(owner)
    if owners and role != "other_entity_sim" and sim.get("entity") not in owners:
        where = f"accounts.{owner} ({', '.join(map(str, owners))})"
        yield Finding(role, member, "entity", f"entity {sim.get('entity')!r}", f"a SIM of {where}")
    if role == "other_entity_sim" and sim.get("entity") in roles.ids("entity"):
        yield Finding(role, member, "entity", f"entity {sim.get('entity')!r}", "a SIM of another entity")
    holder = roles.holders.get(sim.get("id"))
    if held and holder is None:
        yield Finding(role, member, "", "no user holds it", "a line that already has a portal user")
    if not held and holder is not None:
        yield Finding(role, member, "", f"user {holder.get('id')} holds it", "a line nobody registered")


def _user_role(role: str, user: Record, roles: Roles) -> Iterator[Finding]:
    origin, temporary, convention, status = USER_ROLES[role]
    member = str(user.get("id"))
    if user.get("origin") != origin:
        yield Finding(role, member, "origin", f"origin {user.get('origin')!r}", f"a {origin} user")
    if user.get("password_is_temporary") is not temporary:
        which = "a temporary" if temporary else "a permanent"
        found = f"password_is_temporary {user.get('password_is_temporary')!r}"
        yield Finding(role, member, "password_is_temporary", found, f"a user with {which} password")
    sim = roles.tables["sims"].get(user.get("business_sim"))
    if sim is None:
        return  # a dangling business_sim is a record finding
    if sim.get("convention") != convention:
        found = f"business SIM convention {sim.get('convention')!r}"
        yield Finding(role, member, "business_sim", found, f"a user whose line is in {convention}")
    if status is not None and sim.get("status") != status:
        found = f"business SIM status {sim.get('status')!r}"
        yield Finding(role, member, "business_sim", found, f"a user whose line is {status}")


def _pool_findings(roles: Roles, wanted: set[str]) -> Iterator[Finding]:
    """Promises about a pool as a whole."""
    entities = roles.found.get("entity", []) if "entity" in wanted else []
    if entities and not any(e.get("partita_iva") for e in entities):
        yield Finding("entity", "", "partita_iva", "no member has a partita_iva", "one")
    if {"entity", "outside_entity"} <= wanted:
        shared = set(roles.ids("entity")) & set(roles.ids("outside_entity"))
        for member in sorted(map(str, shared)):
            yield Finding("outside_entity", member, "", "it is also in accounts.entity", "another entity")
    if {"registrant", "user"} <= wanted:
        codes = {u.get("personal_fiscal_code") for u in roles.found.get("user", [])}
        for person in roles.found.get("registrant", []):
            if person.get("personal_fiscal_code") in codes:
                found = "personal_fiscal_code is also a user's"
                need = "a codice fiscale that is not the user's"
                yield Finding("registrant", str(person.get("id")), "personal_fiscal_code/user", found, need)
