"""What one record of each section must hold, checked the way the real world defines it
(python-stdnum for CIF, NIF and IBAN; phonenumbers for fixed lines and mobiles)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import codes

Record = dict[str, Any]
SEGMENTS = ("grandes_clientes", "mediana_empresa", "pequena_empresa")
SELF_SERVICE_SEGMENTS = SEGMENTS[1:]  # Pequeña and Mediana Empresa register themselves
LINE_KINDS = ("fixed", "mobile")


def check_company(c: Record) -> list[str]:
    problems = []
    if c.get("segment") not in SEGMENTS:
        problems.append(f"segment {c.get('segment')!r} is not one of {SEGMENTS}")
    kind, fiscal_id = c.get("fiscal_id_kind"), c.get("fiscal_id")
    if not isinstance(fiscal_id, str) or not isinstance(kind, str) or not codes.is_fiscal_id(fiscal_id, kind):
        problems.append(f"fiscal_id {fiscal_id!r} is not a valid {kind} (fiscal_id_kind: CIF or NIF)")
    for field in ("fixed_account", "mobile_account"):
        value = c.get(field)
        if value is not None and (not isinstance(value, str) or not codes.is_spanish_iban(value)):
            problems.append(f"{field} {value!r} is not a valid Spanish IBAN (or null)")
    return problems


def check_line(line: Record) -> list[str]:
    kind, number = line.get("kind"), str(line.get("number", ""))
    if kind not in LINE_KINDS:
        return [f"kind {kind!r} is not one of {LINE_KINDS}"]
    if not codes.is_spanish(number) or codes.phone_kind(number) != kind:
        return [f"number {number!r} is not a Spanish {kind} number"]
    return []


def check_interlocutor(i: Record) -> list[str]:
    problems = [f"{f} is empty" for f in ("first_name", "last_name") if not str(i.get(f) or "").strip()]
    if not codes.is_email(str(i.get("email", ""))):
        problems.append(f"email {i.get('email')!r} is not an e-mail address")
    return problems


def check_user(u: Record) -> list[str]:
    problems = []
    if not str(u.get("password") or ""):
        problems.append("password is missing")
    if not isinstance(u.get("password_is_temporary"), bool):
        problems.append("password_is_temporary is not a boolean")
    mobile = str(u.get("mobile", ""))
    if not codes.is_spanish(mobile) or codes.phone_kind(mobile) != "mobile":
        problems.append(f"mobile {mobile!r} is not a Spanish mobile")
    return problems


def check_phone(p: Record) -> list[str]:
    kind, number = p.get("kind"), str(p.get("number", ""))
    if kind not in LINE_KINDS or codes.phone_kind(number) != kind:
        return [f"number {number!r} is not a {kind} number"]
    return []


CHECKS: dict[str, Callable[[Record], list[str]]] = {
    "companies": check_company,
    "lines": check_line,
    "interlocutors": check_interlocutor,
    "users": check_user,
    "phones": check_phone,
}
