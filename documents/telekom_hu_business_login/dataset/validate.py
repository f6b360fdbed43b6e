"""Check a data set: the roles the rules in scope use, their records, references and uniqueness.

Each problem is a sentence naming the role or record and what the rules need, so that a hand-edited set
is fixed quickly and a problem no rule in scope would meet never stops a run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import records, uses
from .generate import SCHEMA
from .roles import MEMBER_CHECKS, Tables, pool_problems

Record = dict[str, Any]
SECTIONS = ("companies", "users", "numbers")
Scope = Callable[[str], bool]


def validate(data: dict[str, Any], scope: Scope | None = None) -> list[str]:
    """Every problem found in `data`; empty means usable. `scope=None` checks the whole reference set;
    with a scope (a predicate on rule ids) only the roles of the rules in scope and their records."""
    problems: list[str] = []
    if data.get("schema") != SCHEMA:
        problems.append(f"schema is {data.get('schema')!r}, expected {SCHEMA!r}")
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
    t = Tables(tables["companies"], tables["users"], tables["numbers"])
    wanted = [role for role, rules in uses.ROLE_RULES.items() if scope is None or any(map(scope, rules))]
    problems += [
        f"accounts.{name}: not a role of this document" for name in accounts if name not in uses.ROLE_RULES
    ]
    pools: dict[str, list[Record]] = {}
    for role in wanted:
        pools[role] = _pool(role, accounts, tables, problems)
    checked: set[Any] = set()
    for role, pool in pools.items():
        section = uses.ROLE_SECTIONS[role]
        for record in pool:
            if record.get("id") not in checked:
                checked.add(record.get("id"))
                problems += [f"{section} {record.get('id')}: {p}" for p in _record(section, record, tables)]
            for need in MEMBER_CHECKS[role](record, t):
                problems.append(f"accounts.{role} = {record.get('id')}: {_rules(role)} need {need}")
        problems += pool_problems(role, pool, t, pools.get("main_admin", []))
    if scope is None:
        for section in SECTIONS:
            for record in tables[section].values():
                if record.get("id") not in checked:
                    problems += [
                        f"{section} {record.get('id')}: {p}" for p in _record(section, record, tables)
                    ]
    problems += _duplicates(tables)
    return problems


def _pool(
    role: str, accounts: dict[str, Any], tables: dict[str, dict[Any, Record]], problems: list[str]
) -> list[Record]:
    value = accounts.get(role)
    if value is None:
        problems.append(f"accounts.{role} is missing: {_rules(role)} use it")
        return []
    ids = value if isinstance(value, list) else [value]
    section = tables[uses.ROLE_SECTIONS[role]]
    found = []
    for ident in ids:
        if ident in section:
            found.append(section[ident])
        else:
            problems.append(f"accounts.{role}: {ident!r} is not in {uses.ROLE_SECTIONS[role]}")
    if not found and ids:
        problems.append(f"accounts.{role} has no member")
    return found


def _record(section: str, record: Record, tables: dict[str, dict[Any, Record]]) -> list[str]:
    return records.CHECKS[section](record, tables["companies"])


def _rules(role: str) -> str:
    return ", ".join(uses.ROLE_RULES[role])


def _duplicates(tables: dict[str, dict[Any, Record]]) -> list[str]:
    problems = []
    for section, field in (("companies", "slug"), ("users", "login"), ("numbers", "number")):
        seen: set[str] = set()
        for record in tables[section].values():
            value = str(record.get(field, "")).lower()
            if value in seen:
                problems.append(f"{section}: {field} {value!r} appears twice")
            seen.add(value)
    return problems
