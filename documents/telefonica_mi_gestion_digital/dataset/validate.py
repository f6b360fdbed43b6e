"""Check a data set: its records, and the promises each role the rules in scope use makes.

Each problem is a sentence naming the role or record, what is wrong and the rules that need it
(`accounts.company_fixed_only = emp-2: has mobile lines, but MGD-03, MGD-08, MGD-10 need a company with
fixed lines only`), so a hand-edited set is fixed quickly and a problem no rule in scope would meet never
stops a run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from . import codes, records
from .generate import SCHEMA
from .uses import ROLE_RULES

Record = dict[str, Any]
Scope = Callable[[str], bool]
SECTIONS = tuple(records.CHECKS)

# role -> the section its id points into
ROLE_SECTIONS = {
    **dict.fromkeys(("company_fixed_mobile", "company_fixed_only", "company_mobile_only"), "companies"),
    **dict.fromkeys(("company_large", "other_company"), "companies"),
    **{role: "interlocutors" for role in ROLE_RULES if role.startswith("registrant_")},
    "user": "users",
    "temp_user": "users",
    **dict.fromkeys(("spanish_mobile", "spanish_fixed", "foreign_mobile"), "phones"),
}
# company role -> (self-service segment?, has fixed lines, has mobile lines); None: either
COMPANY_ROLES: dict[str, tuple[bool, bool | None, bool | None]] = {
    "company_fixed_mobile": (True, True, True),
    "company_fixed_only": (True, True, False),
    "company_mobile_only": (True, False, True),
    "company_large": (False, None, None),
    "other_company": (True, True, True),
}
REGISTRANT_COMPANY = {
    "registrant_fixed_mobile": "company_fixed_mobile",
    "registrant_fixed_only": "company_fixed_only",
    "registrant_mobile_only": "company_mobile_only",
    "registrant_large": "company_large",
    "registrant_other": "other_company",
}


def validate(data: dict[str, Any], scope: Scope | None = None) -> list[str]:
    """Every problem found in ``data`` (none: usable). ``scope=None`` checks the reference set whole."""
    problems: list[str] = []
    if data.get("schema") != SCHEMA:
        problems.append(f"schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    tables: dict[str, dict[Any, Record]] = {}
    for section in SECTIONS:
        value = data.get(section)
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            problems.append(f"{section} is missing or not a list of objects")
            value = []
        tables[section] = {r.get("id"): r for r in value}
    accounts = data.get("accounts")
    if not isinstance(accounts, dict):
        return [*problems, "accounts is missing or not an object"]
    problems += [
        f"accounts.{name}: not a role of this document" for name in accounts if name not in ROLE_SECTIONS
    ]
    for role, section in ROLE_SECTIONS.items():
        rules = [rule for rule in ROLE_RULES[role] if scope is None or scope(rule)]
        if scope is not None and not rules:
            continue  # no rule in scope uses the role
        needed = f", but {', '.join(rules)} need" if rules else ", but the reference set needs"
        value = accounts.get(role)
        if value is None:
            problems.append(f"role {role} is missing from accounts{needed.replace(', but', ':')} it")
            continue
        for member in value if isinstance(value, list) else [value]:
            record = tables[section].get(member)
            if record is None:
                problems.append(f"accounts.{role}: {member!r} is not an id in {section}")
                continue
            where = f"accounts.{role} member {member}"
            problems += [f"{where}: {problem}" for problem in records.CHECKS[section](record)]
            broken = _promises(role, record, tables, accounts)
            problems += [f"{where}: {found}{needed} {want}" for found, want in broken]
    if scope is None:
        problems += _every_record(tables)
    problems += _duplicates(tables)
    return problems


def _promises(
    role: str, record: Record, tables: dict[str, dict[Any, Record]], accounts: dict[str, Any]
) -> Iterator[tuple[str, str]]:
    """(what is found, what the role's rules need) for each promise the member breaks."""
    if role in COMPANY_ROLES:
        yield from _company_promises(role, record, tables)
    elif role in REGISTRANT_COMPANY:
        company = REGISTRANT_COMPANY[role]
        holders = {u.get("interlocutor") for u in tables["users"].values()}
        if record.get("id") in holders:
            yield "already has a portal user", "an interlocutor who is not registered yet"
        if record.get("company") != accounts.get(company):
            yield f"company {record.get('company')!r}", f"an interlocutor of accounts.{company}"
    elif role in ("user", "temp_user"):
        temporary = role == "temp_user"
        if record.get("password_is_temporary") is not temporary:
            yield (
                f"password_is_temporary {record.get('password_is_temporary')!r}",
                "a user with a temporary password" if temporary else "a user with a permanent password",
            )
        person = tables["interlocutors"].get(record.get("interlocutor"), {})
        if person.get("company") != accounts.get("company_fixed_mobile"):
            # MGD-05 registers with a user's e-mail; the sign-ins assume the user's company has mobiles
            yield f"interlocutor {record.get('interlocutor')!r}", "a user of accounts.company_fixed_mobile"
    else:
        yield from _phone_promises(role, record, tables)


def _company_promises(
    role: str, company: Record, tables: dict[str, dict[Any, Record]]
) -> Iterator[tuple[str, str]]:
    self_service, fixed, mobile = COMPANY_ROLES[role]
    if (company.get("segment") in records.SELF_SERVICE_SEGMENTS) != self_service:
        want = "a Pequeña or Mediana Empresa" if self_service else "a Grandes Clientes company"
        yield f"segment {company.get('segment')!r}", want
    kinds = {
        line.get("kind") for line in tables["lines"].values() if line.get("company") == company.get("id")
    }
    for kind, wanted in (("fixed", fixed), ("mobile", mobile)):
        if wanted is None:
            continue
        account = company.get(f"{kind}_account")
        if wanted and (kind not in kinds or not account):
            yield (
                f"no {kind} lines with their {kind}_account",
                f"a company with {kind} lines and their account",
            )
        if not wanted and (kind in kinds or account):
            yield f"has {kind} lines or a {kind}_account", f"a company without {kind} lines"
    if role == "company_fixed_only" and company.get("fiscal_id_kind") != "NIF":
        yield f"fiscal_id_kind {company.get('fiscal_id_kind')!r}", "a company identified by its NIF"


def _phone_promises(
    role: str, phone: Record, tables: dict[str, dict[Any, Record]]
) -> Iterator[tuple[str, str]]:
    number = str(phone.get("number", ""))
    wanted = {
        "spanish_mobile": (True, "mobile"),
        "spanish_fixed": (True, "fixed"),
        "foreign_mobile": (False, "mobile"),
    }
    spanish, kind = wanted[role]
    if codes.is_spanish(number) != spanish or codes.phone_kind(number) != kind:
        yield f"number {number!r}", f"a {'Spanish' if spanish else 'non-Spanish'} {kind} number"
    known = {str(r.get("number")) for r in tables["lines"].values()} | {
        str(u.get("mobile")) for u in tables["users"].values()
    }
    if number in known:
        yield "it is a company's line or a user's mobile", "a number no company or user has"


def _every_record(tables: dict[str, dict[Any, Record]]) -> list[str]:
    problems = []
    for section, table in tables.items():
        for record in table.values():
            problems += [f"{section} {record.get('id')}: {p}" for p in records.CHECKS[section](record)]
    references = (
        ("lines", "company", "companies"),
        ("interlocutors", "company", "companies"),
        ("users", "interlocutor", "interlocutors"),
    )
    for section, field, target in references:
        for record in tables[section].values():
            if record.get(field) not in tables[target]:
                problems.append(f"{section} {record.get('id')}: {field} {record.get(field)!r} does not exist")
    return problems


# What must identify one thing: the portal looks companies, lines and interlocutors up by these,
# and the harness tells messages apart by the number or address they went to.
_UNIQUE = {
    "fiscal id": (("companies", "fiscal_id"),),
    "phone number": (("lines", "number"), ("users", "mobile"), ("phones", "number")),
    "e-mail": (("interlocutors", "email"),),
}


def _duplicates(tables: dict[str, dict[Any, Record]]) -> list[str]:
    problems = []
    for kind, fields in _UNIQUE.items():
        seen: dict[str, list[str]] = {}
        for section, field in fields:
            for record in tables[section].values():
                if record.get(field) is not None:
                    seen.setdefault(str(record[field]).lower(), []).append(f"{record.get('id')}.{field}")
        problems += [f"duplicate {kind} {value!r}: {', '.join(o)}" for value, o in seen.items() if len(o) > 1]
    return problems
