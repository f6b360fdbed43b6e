"""What one record of each section must hold. Identifiers are checked with python-stdnum and phonenumbers;
passwords are the portal's own policy and are only required to be there."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from . import codes

Record = dict[str, Any]
Problems = list[str]

GRANTABLE = ("szamlak", "elofizetesek", "rendelesek")
NUMBER_FUNCTIONS = ("egyenleg", "szolgaltatasok")
TELEKOM_FIOK = ("none", "incomplete", "complete")
_SLUG = re.compile(r"[a-z0-9-]{1,40}")
_USERNAME = re.compile(r"[a-z0-9._-]{1,40}")


def _text(record: Record, field: str) -> bool:
    value = record.get(field)
    return isinstance(value, str) and bool(value.strip())


def check_company(c: Record) -> Problems:
    problems: Problems = []
    if not codes.is_tax_number(str(c.get("tax_number", ""))):
        problems.append(f"tax_number {c.get('tax_number')!r} is not a valid adószám (12345676-2-41)")
    if not _SLUG.fullmatch(str(c.get("slug", ""))):
        problems.append(f"slug {c.get('slug')!r} is not a cégnév of login ids (a-z, 0-9, -)")
    if not _text(c, "name"):
        problems.append("name is empty")
    if not codes.is_email(str(c.get("email", ""))):
        problems.append(f"email {c.get('email')!r} is not an e-mail address")
    if not isinstance(c.get("sms_codes"), bool):
        problems.append("sms_codes is not a boolean")
    return problems


def check_user(u: Record, companies: dict[Any, Record]) -> Problems:
    problems: Problems = []
    company = companies.get(u.get("company"))
    if company is None:
        return [f"company {u.get('company')!r} is not a company of the data set"]
    username, _, slug = str(u.get("login", "")).partition("@")
    if not _USERNAME.fullmatch(username) or slug != company.get("slug"):
        problems.append(f"login {u.get('login')!r} is not <felhasználónév>@{company.get('slug')}")
    if u.get("admin") is True and username != "admin":
        problems.append(f"login {u.get('login')!r}: a main admin signs in as admin@{company.get('slug')}")
    for field in ("password", "name"):
        if not _text(u, field):
            problems.append(f"{field} is missing or empty")
    for field in ("temporary", "admin"):
        if not isinstance(u.get(field), bool):
            problems.append(f"{field} is not a boolean")
    if not codes.is_email(str(u.get("email", ""))):
        problems.append(f"email {u.get('email')!r} is not an e-mail address")
    if not codes.is_mobile(str(u.get("mobile", ""))):
        problems.append(f"mobile {u.get('mobile')!r} is not a 9-digit Hungarian mobile number")
    permissions = u.get("permissions")
    if not isinstance(permissions, list) or any(p not in GRANTABLE for p in permissions):
        problems.append(f"permissions {permissions!r} must be a list of {GRANTABLE}")
    if u.get("telekom_fiok") not in TELEKOM_FIOK:
        problems.append(f"telekom_fiok {u.get('telekom_fiok')!r} is not one of {TELEKOM_FIOK}")
    return problems


def check_number(n: Record, companies: dict[Any, Record]) -> Problems:
    problems: Problems = []
    if n.get("company") not in companies:
        problems.append(f"company {n.get('company')!r} is not a company of the data set")
    if not codes.is_mobile(str(n.get("number", ""))):
        problems.append(f"number {n.get('number')!r} is not a 9-digit Hungarian mobile number")
    restricted = n.get("restricted")
    if not isinstance(restricted, list) or any(f not in NUMBER_FUNCTIONS for f in restricted):
        problems.append(f"restricted {restricted!r} must be a list of {NUMBER_FUNCTIONS}")
    if not _text(n, "holder"):
        problems.append("holder is empty")
    return problems


CHECKS: dict[str, Callable[[Record, dict[Any, Record]], Problems]] = {
    "companies": lambda c, _companies: check_company(c),
    "users": check_user,
    "numbers": check_number,
}
