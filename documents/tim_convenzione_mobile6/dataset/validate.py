"""Check a data set: the roles the rules in scope use, their records, references and uniqueness.

Each problem is a sentence naming the role and record, the field, and the rules that need it
(`accounts.active_sim[1] = sim-7: status 'ceased', but CM6-06 needs an active CM6 SIM`), so a
hand-edited set is fixed quickly and a problem no rule in scope would meet never stops a run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from . import records, uses
from .generate import SCHEMA
from .roles import ROLE_SECTIONS, Finding, Roles, check_roles, members

Record = dict[str, Any]
SECTIONS = ("entities", "sims", "users", "people")
Scope = Callable[[str], bool]


def validate(data: dict[str, Any], scope: Scope | None = None) -> list[str]:
    """Every problem found in ``data``; an empty list means the set is usable.

    ``scope=None`` checks the reference set: every role present, every record valid. With a scope
    (a predicate on rule ids) only the roles and facts of the rules in scope are checked, and a role
    left out is no problem (a scenario needing it is BROKEN, naming the role).
    """
    problems: list[str] = []
    if data.get("schema") != SCHEMA:
        problems.append(f"schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    if "seed" in data and not isinstance(data["seed"], int):
        problems.append("seed is not an integer")  # optional: a vendor's own data set has none
    tables: dict[str, dict[Any, Record]] = {}
    for key in SECTIONS:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            problems.append(f"{key} is missing or not a list of objects")
            value = []
        tables[key] = {r.get("id"): r for r in value}
    accounts = data.get("accounts")
    if not isinstance(accounts, dict):
        return [*problems, "accounts is missing or not an object"]
    wanted = {
        role for role in ROLE_SECTIONS if scope is None or any(scope(rule) for rule in uses.ROLE_RULES[role])
    }
    found, resolved = _resolve(accounts, tables, wanted, every=scope is None)
    problems += resolved
    holders = {u.get("business_sim"): u for u in tables["users"].values()}
    roles = Roles(tables, found, holders)
    for finding in check_roles(roles, wanted):
        problems += _sentence(finding, accounts, scope)
    if scope is None:
        problems += _every_record(data, tables)
        problems += _duplicates(data[k] for k in SECTIONS if isinstance(data.get(k), list))
    else:
        problems += _duplicates([_reached(found, tables)], _rules_by_record(found, tables, scope))
    return problems


def _rules_by_record(
    found: dict[str, list[Record]], tables: dict[str, dict[Any, Record]], scope: Scope
) -> dict[Any, list[str]]:
    """The rules in scope that use each record (a role member, or a member's business SIM)."""
    using: dict[Any, list[str]] = {}
    for role, records_ in found.items():
        rules = [rule for rule in uses.ROLE_RULES[role] if scope(rule)]
        for record in records_:
            for ident in (record.get("id"), record.get("business_sim")):
                if ident is not None:
                    using.setdefault(ident, [])
                    using[ident] += [rule for rule in rules if rule not in using[ident]]
    return using


def _resolve(
    accounts: dict[str, Any], tables: dict[str, dict[Any, Record]], wanted: set[str], *, every: bool
) -> tuple[dict[str, list[Record]], list[str]]:
    problems = [
        f"accounts.{name}: not a role of this document (roles: {', '.join(ROLE_SECTIONS)})"
        for name in accounts
        if name not in ROLE_SECTIONS
    ]
    found: dict[str, list[Record]] = {}
    for role in sorted(wanted):
        section = ROLE_SECTIONS[role]
        if role not in accounts:
            if every:
                problems.append(f"role {role} is missing from accounts")
            continue
        ids = members(accounts[role])
        if not ids or not all(isinstance(i, str) for i in ids):
            problems.append(f"accounts.{role}: expected an id or a non-empty list of ids")
            continue
        records_ = []
        for i, ident in enumerate(ids):
            if ident in tables[section]:
                records_.append(tables[section][ident])
            else:
                problems.append(f"{_where(accounts, role, ident, i)}: {ident!r} is not an id in {section}")
        if len(set(ids)) != len(ids):
            problems.append(f"accounts.{role}: lists the same id twice")
        found[role] = records_
    return found, problems


def _where(accounts: dict[str, Any], role: str, member: str, index: int | None = None) -> str:
    value = accounts.get(role)
    if not member:
        return f"accounts.{role}"
    if isinstance(value, list):
        position = index if index is not None else value.index(member)
        return f"accounts.{role}[{position}] = {member}"
    return f"accounts.{role} = {member}"


def _sentence(finding: Finding, accounts: dict[str, Any], scope: Scope | None) -> list[str]:
    rules = [rule for rule in uses.rules_for(finding.role, finding.field) if scope is None or scope(rule)]
    if not rules and scope is not None:
        return []  # no rule in scope relies on it
    who = (
        ", ".join(rules) + (" needs" if len(rules) == 1 else " need") if rules else "the reference set needs"
    )
    return [f"{_where(accounts, finding.role, finding.member)}: {finding.problem}, but {who} {finding.need}"]


def _every_record(data: dict[str, Any], tables: dict[str, dict[Any, Record]]) -> list[str]:
    """The reference set: every record valid, every reference resolved, one user per line."""
    problems = []
    singular = {"entities": "entity", "sims": "sim", "users": "user", "people": "person"}
    for section in SECTIONS:
        for record in tables[section].values():
            where = f"{singular[section]} {record.get('id')}"
            problems += [f"{where}: {problem}" for _field, problem in records.CHECKS[section](record)]
    for sim in tables["sims"].values():
        entity = tables["entities"].get(sim.get("entity"))
        if entity is None:
            problems.append(f"sim {sim.get('id')}: entity {sim.get('entity')!r} does not exist")
        elif sim.get("convention") and sim.get("convention") not in (entity.get("conventions") or []):
            problems.append(
                f"sim {sim.get('id')}: convention {sim.get('convention')} is not among {entity.get('id')}'s"
            )
    for user in tables["users"].values():
        if user.get("business_sim") not in tables["sims"]:
            problems.append(
                f"user {user.get('id')}: business_sim {user.get('business_sim')!r} does not exist"
            )
    return problems


def _reached(found: dict[str, list[Record]], tables: dict[str, dict[Any, Record]]) -> list[Record]:
    """The records the roles in scope use: their members and the members' business SIMs."""
    reached = {id(r): r for rs in found.values() for r in rs}
    for record in list(reached.values()):
        sim = tables["sims"].get(record.get("business_sim")) if "business_sim" in record else None
        if sim is not None:
            reached[id(sim)] = sim
    return list(reached.values())


# What must identify one thing: the harness tells messages apart by the number or address they went
# to, and a portal looks up a line, an entity or a username by it.
_UNIQUE = {
    "id": ("id",),
    "entity identifier": ("codice_fiscale", "partita_iva"),
    "phone number": ("number", "contact_mobile"),
    "e-mail": ("email",),
    "username": ("username",),
    "business SIM": ("business_sim",),
}


def _duplicates(groups: Iterable[list[Record]], rules: dict[Any, list[str]] | None = None) -> list[str]:
    """Values that should name one thing and name several; `rules`: record id -> the rules using it."""
    problems = []
    every = [r for group in groups for r in group if isinstance(r, dict)]
    for kind, fields in _UNIQUE.items():
        seen: dict[str, list[str]] = {}
        for record in every:
            # a company's codice fiscale may equal its partita IVA: one value per record
            values = {str(record[f]).lower(): f for f in fields if record.get(f) is not None}
            for value, field in values.items():
                seen.setdefault(value, []).append(f"{record.get('id')}.{field}")
        for value, owners in seen.items():
            if len(owners) > 1:
                problems.append(
                    f"duplicate {kind} {value!r}: {', '.join(owners)}" + _needed_by(owners, rules)
                )
    return problems


def _needed_by(owners: list[str], rules: dict[Any, list[str]] | None) -> str:
    if rules is None:
        return ""
    needing = sorted({rule for owner in owners for rule in rules.get(owner.rsplit(".", 1)[0], [])})
    return f", but {', '.join(needing)} need each to name one account" if needing else ""
