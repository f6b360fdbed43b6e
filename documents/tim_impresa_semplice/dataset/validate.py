"""Check a TIM Impresa Semplice data set: its records, and the promise each role makes to the scenarios.

A scenario that leases `free_line` trusts it to be a mobile line of the leased Rappresentante Legale's
company with no Referente; each check below states one such promise about every member of a role.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from portalcert.docspec import RuleScope

from . import codes
from .uses import ROLE_RULES

Record = dict[str, Any]
SECTIONS = ("companies", "contracts", "lines", "referenti", "employees")

# role -> (section, promise, what the promise says)
_COMPANY_ROLES: dict[str, tuple[bool, bool, bool | None, str]] = {
    # registered by TIM, active (has a password), has a mobile (None: either), description
    "new_company": (False, False, None, "a company whose Rappresentante Legale TIM has not registered yet"),
    "pending_legal_representative": (True, False, True, "a registered, not activated RL with a mobile"),
    "pending_legal_representative_without_mobile": (
        True,
        False,
        False,
        "a registered, not activated RL without a mobile",
    ),
    "recovering_legal_representative": (True, True, True, "an active RL (with a password) and a mobile"),
    "legal_representative": (True, True, None, "an active RL (with a password)"),
}


def validate(data: dict[str, Any], scope: RuleScope | None = None) -> list[str]:
    problems: list[str] = []
    by_id: dict[str, tuple[str, Record]] = {}
    for section in SECTIONS:
        records = data.get(section)
        if not isinstance(records, list):
            problems.append(f"{section}: a list is required")
            continue
        for index, record in enumerate(records):
            if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                problems.append(f"{section}[{index}]: a record with a string id is required")
            elif record["id"] in by_id:
                problems.append(f"{section}[{index}]: duplicate id {record['id']!r}")
            else:
                by_id[record["id"]] = (section, record)
    if problems:
        return problems
    problems += _records(data, by_id)
    accounts = data.get("accounts")
    if not isinstance(accounts, dict):
        return [*problems, "accounts: an object of role -> list of ids is required"]
    for role, rules in ROLE_RULES.items():
        if scope is not None and not any(scope(rule) for rule in rules):
            continue
        members = accounts.get(role)
        if not isinstance(members, list) or not members:
            problems.append(f"accounts.{role}: needed by {', '.join(rules)}; give at least one id")
            continue
        for member in members:
            problems += [f"accounts.{role}: {member!r} {p}" for p in _promise(role, member, by_id, data)]
    return problems


def _records(data: dict[str, Any], by_id: dict[str, tuple[str, Record]]) -> list[str]:
    problems: list[str] = []

    def refers(record: Record, field: str, section: str) -> None:
        target = by_id.get(str(record.get(field)))
        if target is None or target[0] != section:
            problems.append(f"{record['id']}: {field} {record.get(field)!r} is not one of the {section}")

    for company in data["companies"]:
        if not codes.is_vat_number(str(company.get("partita_iva"))):
            problems.append(f"{company['id']}: partita IVA {company.get('partita_iva')!r} is not valid")
        rl = company.get("legal_representative")
        if not isinstance(rl, dict):
            problems.append(f"{company['id']}: legal_representative must be an object")
            continue
        problems += _person(f"{company['id']} legal_representative", rl)
        if not codes.is_personal_fiscal_code(str(rl.get("codice_fiscale"))):
            problems.append(
                f"{company['id']}: the RL's codice fiscale {rl.get('codice_fiscale')!r} is not valid"
            )
    for contract in data["contracts"]:
        refers(contract, "company", "companies")
        if contract.get("segment") not in ("Fisso", "Mobile"):
            problems.append(f"{contract['id']}: segment must be Fisso or Mobile")
    for line in data["lines"]:
        refers(line, "contract", "contracts")
        if line.get("kind") == "mobile" and not codes.is_italian_mobile(str(line.get("number"))):
            problems.append(f"{line['id']}: {line.get('number')!r} is not an Italian mobile number")
        elif line.get("kind") not in ("mobile", "fixed"):
            problems.append(f"{line['id']}: kind must be mobile or fixed")
    for referente in data["referenti"]:
        refers(referente, "line", "lines")
        if not codes.is_email(str(referente.get("email"))):
            problems.append(f"{referente['id']}: e-mail {referente.get('email')!r} is not valid")
        if referente.get("profile") not in ("full", "light", "user"):
            problems.append(f"{referente['id']}: profile must be full, light or user")
    for employee in data["employees"]:
        problems += _person(employee["id"], employee)
    numbers = [line.get("number") for line in data["lines"]]
    if len(set(numbers)) != len(numbers):
        problems.append("lines: a number appears twice")
    return problems


def _person(where: str, person: Record) -> list[str]:
    problems = []
    if not person.get("first_name") or not person.get("last_name"):
        problems.append(f"{where}: first_name and last_name are required")
    if not codes.is_email(str(person.get("email"))):
        problems.append(f"{where}: e-mail {person.get('email')!r} is not valid")
    mobile = person.get("mobile")
    if mobile is not None and not codes.is_italian_mobile(str(mobile)):
        problems.append(f"{where}: mobile {mobile!r} is not an Italian mobile number")
    return problems


def _company_of_line(line: Record, by_id: dict[str, tuple[str, Record]]) -> str | None:
    contract = by_id.get(str(line.get("contract")), ("", {}))[1]
    company = contract.get("company")
    return str(company) if company else None


def _promise(role: str, member: Any, by_id: dict[str, tuple[str, Record]], data: dict[str, Any]) -> list[str]:
    found = by_id.get(str(member))
    if role in _COMPANY_ROLES:
        registered, active, mobile, said = _COMPANY_ROLES[role]
        if found is None or found[0] != "companies":
            return ["is not one of the companies"]
        company, rl = found[1], found[1].get("legal_representative") or {}
        checks: list[tuple[bool, str]] = [
            (bool(company.get("registered")) == registered, f"must be {said} (registered)"),
            (bool(rl.get("password")) == active, f"must be {said} (password)"),
            (bool(rl.get("username")) == registered, f"must be {said} (username)"),
            (mobile is None or (rl.get("mobile") is not None) == mobile, f"must be {said} (mobile)"),
        ]
        if role == "legal_representative":
            lines = [line for line in data["lines"] if _company_of_line(line, by_id) == member]
            checks.append((any(line.get("kind") == "mobile" for line in lines), "must have mobile lines"))
        return [message for ok, message in checks if not ok]
    if role in ("free_line", "referente_line"):
        if found is None or found[0] != "lines" or found[1].get("kind") != "mobile":
            return ["is not a mobile line"]
        named = any(r.get("line") == member for r in data["referenti"])
        owner = _company_of_line(found[1], by_id)
        rls = data.get("accounts", {}).get("legal_representative", [])
        wrong: list[tuple[bool, str]] = [
            (
                named != (role == "referente_line"),
                "must have a Referente" if role == "referente_line" else "must have no Referente",
            ),
            (owner not in rls, "must belong to a company of accounts.legal_representative"),
        ]
        return [message for bad, message in wrong if bad]
    if found is None or found[0] != "employees":
        return ["is not one of the employees"]
    has_mobile = found[1].get("mobile") is not None
    want: Callable[[bool], bool] = (lambda m: m) if role == "employee" else (lambda m: not m)
    return [] if want(has_mobile) else ["must have a mobile" if role == "employee" else "must have no mobile"]
