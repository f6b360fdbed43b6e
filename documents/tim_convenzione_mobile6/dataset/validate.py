"""Check a data set against docs/simulator.md: codes, numbers, references, uniqueness and every role.

Problems come back as sentences naming the record, so a hand-edited fixture can be fixed quickly.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from . import codes
from .generate import SCHEMA
from .roles import check_roles

CONVENTIONS = ("CM6", "CM5")
SIM_STATUSES = ("active", "declared", "ceased")

Record = dict[str, Any]


def validate(data: dict[str, Any], *, every_role: bool = True) -> list[str]:
    """Every problem found in ``data``; an empty list means the set is usable.

    With ``every_role=False`` (a vendor's data set, which need only hold the roles of the rules in
    its scope) a role left out is no problem; the roles that are there are checked all the same.
    """
    problems: list[str] = []
    if data.get("schema") != SCHEMA:
        problems.append(f"schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    if "seed" in data and not isinstance(data["seed"], int):
        problems.append("seed is not an integer")  # optional: a vendor's own data set has none
    sections = {}
    for key in ("entities", "sims", "users", "people"):
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            problems.append(f"{key} is missing or not a list of objects")
            value = []
        sections[key] = value
    entities, sims, users, people = (sections[k] for k in ("entities", "sims", "users", "people"))

    problems += _check_entities(entities)
    problems += _check_sims(sims, {e.get("id"): e for e in entities})
    problems += _check_people(users, "user") + _check_people(people, "person")
    problems += _check_users(users, {s.get("id"): s for s in sims})
    problems += _check_unique(data)
    accounts = data.get("accounts")
    if not isinstance(accounts, dict):
        problems.append("accounts is missing or not an object")
    else:
        problems += check_roles(accounts, entities, sims, users, people, every_role=every_role)
    return problems


def _check_entities(entities: list[Record]) -> list[str]:
    problems = []
    for e in entities:
        where = f"entity {e.get('id')}"
        cf, piva = str(e.get("codice_fiscale", "")), str(e.get("partita_iva", ""))
        if not codes.is_entity_fiscal_code(cf):
            problems.append(
                f"{where}: codice_fiscale {cf!r} is not a valid 11-digit code starting with 8 or 9"
            )
        if not codes.is_vat_number(piva):
            problems.append(f"{where}: partita_iva {piva!r} is not a valid partita IVA")
        if cf == piva:
            problems.append(f"{where}: codice_fiscale equals partita_iva")
        if not str(e.get("name", "")).strip():
            problems.append(f"{where}: name is empty")
        conventions = e.get("conventions")
        if not isinstance(conventions, list) or any(c not in CONVENTIONS for c in conventions):
            problems.append(f"{where}: conventions {conventions!r} must be a list of {CONVENTIONS}")
    return problems


def _check_sims(sims: list[Record], entities: dict[Any, Record]) -> list[str]:
    problems = []
    for s in sims:
        where = f"sim {s.get('id')}"
        if not codes.is_italian_mobile(str(s.get("number", ""))):
            problems.append(f"{where}: number {s.get('number')!r} is not a 10-digit Italian mobile")
        entity = entities.get(s.get("entity"))
        if entity is None:
            problems.append(f"{where}: entity {s.get('entity')!r} does not exist")
        convention = s.get("convention")
        if convention not in (*CONVENTIONS, None):
            problems.append(f"{where}: convention {convention!r} is not CM6, CM5 or null")
        elif convention and entity is not None and convention not in (entity.get("conventions") or []):
            problems.append(f"{where}: convention {convention} is not among {entity.get('id')}'s conventions")
        if s.get("status") not in SIM_STATUSES:
            problems.append(f"{where}: status {s.get('status')!r} is not one of {SIM_STATUSES}")
    return problems


def _check_people(records: list[Record], kind: str) -> list[str]:
    """Fields users and people share: name, personal codice fiscale, e-mail, contact mobile."""
    problems = []
    for r in records:
        where = f"{kind} {r.get('id')}"
        if not str(r.get("first_name", "")).strip() or not str(r.get("last_name", "")).strip():
            problems.append(f"{where}: first_name or last_name is empty")
        if not codes.is_personal_fiscal_code(str(r.get("personal_fiscal_code", ""))):
            problems.append(f"{where}: personal_fiscal_code {r.get('personal_fiscal_code')!r} is invalid")
        if not codes.is_email(str(r.get("email", ""))):
            problems.append(f"{where}: email {r.get('email')!r} is not a valid address")
        if not codes.is_italian_mobile(str(r.get("contact_mobile", ""))):
            problems.append(f"{where}: contact_mobile {r.get('contact_mobile')!r} is not an Italian mobile")
    return problems


def _check_users(users: list[Record], sims: dict[Any, Record]) -> list[str]:
    problems = []
    for u in users:
        where = f"user {u.get('id')}"
        if not codes.USERNAME_RE.match(str(u.get("username", ""))):
            problems.append(f"{where}: username {u.get('username')!r} is not 6-16 ASCII letters/digits")
        if not codes.is_password(str(u.get("password", ""))):
            problems.append(f"{where}: password is not 10 alphanumerics with letters and digits")
        if not isinstance(u.get("password_is_temporary"), bool):
            problems.append(f"{where}: password_is_temporary is not a boolean")
        if u.get("business_sim") not in sims:
            problems.append(f"{where}: business_sim {u.get('business_sim')!r} does not exist")
        if u.get("origin") not in CONVENTIONS:
            problems.append(f"{where}: origin {u.get('origin')!r} is not CM6 or CM5")
    holders = Counter(u.get("business_sim") for u in users)
    problems += [f"sim {sim}: held by {n} users" for sim, n in holders.items() if n > 1]
    return problems


def _check_unique(data: dict[str, Any]) -> list[str]:
    """Ids, numbers, fiscal codes, e-mails and usernames must each identify one thing in the whole set."""
    kinds = {
        "id": [(k, "id") for k in ("entities", "sims", "users", "people")],
        "fiscal code": [
            ("entities", "codice_fiscale"),
            ("entities", "partita_iva"),
            ("users", "personal_fiscal_code"),
            ("people", "personal_fiscal_code"),
        ],
        "phone number": [("sims", "number"), ("users", "contact_mobile"), ("people", "contact_mobile")],
        "e-mail": [("users", "email"), ("people", "email")],
        "username": [("users", "username")],
    }
    problems = []
    for kind, fields in kinds.items():
        seen: dict[str, list[str]] = {}
        for section, key in fields:
            for record in data.get(section) or []:
                if isinstance(record, dict) and record.get(key) is not None:
                    # e-mails and usernames are matched case-insensitively by portals
                    value = str(record[key]).lower()
                    seen.setdefault(value, []).append(f"{section}/{record.get('id')}.{key}")
        for value, owners in seen.items():
            if len(owners) > 1:
                problems.append(f"duplicate {kind} {value!r}: {', '.join(owners)}")
    return problems
