"""Check a data set: its records (identifiers, numbers, dates, references) and the roles in scope.

Each problem is one sentence naming the record or role and, for a role, the rules that need it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from stdnum.it import iva

from . import numbers, uses
from .generate import SCHEMA
from .profiles import FIXED_KINDS, GRANTABLE, LINE_STATUSES, PROFILES, SERVICE_STATUSES
from .relations import RELATIONS
from .roles import ROLES, SECTIONS, Tables

Record = dict[str, Any]
Scope = Callable[[str], bool]
# section -> (field, section it refers to)
REFERENCES = {
    "companies": (("group", "groups"),),
    "mobile_contracts": (("company", "companies"),),
    "lines": (("company", "companies"), ("contract", "mobile_contracts")),
    "sedi": (("company", "companies"),),
    "fixed_lines": (("company", "companies"), ("sede", "sedi")),
    "fixed_services": (("company", "companies"), ("line", "fixed_lines")),
    "invoices": (("company", "companies"),),
    "users": (("company", "companies"), ("line", "lines")),
}


def validate(data: dict[str, Any], scope: Scope | None = None) -> list[str]:
    """Every problem found in ``data``; ``scope`` (a predicate on rule ids) limits the roles checked."""
    problems: list[str] = []
    if data.get("schema") != SCHEMA:
        problems.append(f"schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    tables: Tables = {}
    for section in SECTIONS:
        value = data.get(section)
        if not isinstance(value, list) or not all(isinstance(r, dict) and "id" in r for r in value):
            problems.append(f"{section} is missing or not a list of objects with an id")
            value = []
        tables[section] = {r["id"]: r for r in value}
    ids = Counter(r["id"] for section in SECTIONS for r in tables[section].values())
    problems += [f"id {i!r} is used by {n} records" for i, n in sorted(ids.items()) if n > 1]
    problems += _records(tables)
    accounts = data.get("accounts")
    if not isinstance(accounts, dict):
        return [*problems, "accounts is missing or not an object"]
    problems += _roles(accounts, tables, scope)
    return problems


def _records(tables: Tables) -> list[str]:
    problems = [
        f"{section} {rid}: {field} {record.get(field)!r} is not a record of {target}"
        for section, refs in REFERENCES.items()
        for rid, record in tables[section].items()
        for field, target in refs
        if record.get(field) is not None and record.get(field) not in tables[target]
    ]
    for rid, c in tables["companies"].items():
        if not iva.is_valid(str(c.get("partita_iva", ""))):
            problems.append(f"companies {rid}: partita IVA {c.get('partita_iva')!r} is not valid")
        if c.get("tim_contract") not in ("attivo", "cessato"):
            problems.append(f"companies {rid}: tim_contract must be attivo or cessato")
    for rid, line in tables["lines"].items():
        problems += [f"lines {rid}: {p}" for p in _line(line)]
    for rid, line in tables["fixed_lines"].items():
        kind, number = line.get("kind"), str(line.get("number", ""))
        check = numbers.is_toll_free if kind == "rete_intelligente" else numbers.is_fixed
        if kind not in FIXED_KINDS or not check(number):
            problems.append(f"fixed_lines {rid}: kind {kind!r} with number {number!r} is not a valid pair")
    for rid, service in tables["fixed_services"].items():
        if service.get("status") not in SERVICE_STATUSES or not service.get("name"):
            problems.append(f"fixed_services {rid}: needs a name and a status in {SERVICE_STATUSES}")
    problems += _users(tables)
    return problems


def _line(line: Record) -> list[str]:
    problems = []
    if not numbers.is_mobile(str(line.get("number", ""))):
        problems.append(f"number {line.get('number')!r} is not an Italian mobile")
    if line.get("status") not in LINE_STATUSES:
        problems.append(f"status {line.get('status')!r} is not one of {LINE_STATUSES}")
    activated, ceased = _date(line.get("activated_on")), _date(line.get("ceased_on"))
    if activated is None:
        problems.append("activated_on is not an ISO date")
    if (line.get("status") == "cessato") != (line.get("ceased_on") is not None):
        problems.append("a cessation date is given exactly for a ceased (cessato) line")
    elif ceased is not None and activated is not None and ceased < activated:
        problems.append("ceased_on is before activated_on")
    return problems


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _users(tables: Tables) -> list[str]:
    problems = []
    names = Counter(str(u.get("username", "")).lower() for u in tables["users"].values())
    problems += [
        f"username {n!r} is used {c} times (case does not tell users apart)"
        for n, c in names.items()
        if c > 1
    ]
    for rid, user in tables["users"].items():
        if user.get("profile") not in PROFILES:
            problems.append(f"users {rid}: profile {user.get('profile')!r} is not one of {PROFILES}")
        if not user.get("username") or not user.get("password"):
            problems.append(f"users {rid}: needs a username and a password")
        if not set(user.get("grants") or ()) <= set(GRANTABLE):
            problems.append(f"users {rid}: grants must be among {GRANTABLE}")
        if not set(user.get("groups") or ()) <= set(tables["groups"]):
            problems.append(f"users {rid}: groups must be records of groups")
    # "può essere nominato un solo Referente Master" / "un solo Referente Master (Amministratore)"
    for profile in ("referente_master", "amministratore"):
        held = Counter(u.get("master_of") for u in tables["users"].values() if u.get("profile") == profile)
        problems += [
            f"{profile}: {n} users hold {what!r}, at most one may" for what, n in held.items() if n > 1
        ]
    return problems


def _roles(accounts: dict[str, Any], tables: Tables, scope: Scope | None) -> list[str]:
    problems = [f"accounts.{name}: not a role of this document" for name in accounts if name not in ROLES]
    members: dict[str, list[Record]] = {}
    for role, check in ROLES.items():
        rules = [r for r in uses.ROLE_RULES[role] if scope is None or scope(r)]
        if scope is not None and not rules:
            continue
        needed = f" ({', '.join(rules)} use it)" if rules else ""
        value = accounts.get(role)
        ids = value if isinstance(value, list) else [value]
        if value is None or not ids:
            problems.append(f"accounts.{role}: missing{needed}")
            continue
        members[role] = []
        for member in ids:
            record = tables[check.section].get(member)
            if record is None:
                problems.append(f"accounts.{role}: {member!r} is not a record of {check.section}{needed}")
            elif (why := check.fits(record, tables)) is not None:
                problems.append(f"accounts.{role} = {member}: {why}{needed}")
            else:
                members[role].append(record)
    for relation in RELATIONS:
        rules = [r for r in relation.rules if scope is None or scope(r)]
        related = [members.get(role) for role in relation.roles]
        if rules and all(related) and not relation.holds([m or [] for m in related], tables):
            problems.append(f"accounts: {relation.says} ({', '.join(rules)} use it)")
    return problems
