"""What one record of each section must hold: identifiers checked with python-stdnum and phonenumbers.

Only what the scenarios type or rely on is checked, and only the way the real world defines it: no
password format (a portal's own policy), a company's codice fiscale may equal its partita IVA, and a
public body may have no partita IVA at all (`null`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from . import codes

Record = dict[str, Any]
Problems = list[tuple[str, str]]  # (field, what is wrong with it)

CONVENTIONS = ("CM6", "CM5")
SIM_STATUSES = ("active", "declared", "ceased")


def _text(record: Record, field: str) -> bool:
    value = record.get(field)
    return isinstance(value, str) and bool(value.strip())


def check_entity(e: Record) -> Problems:
    problems: Problems = []
    cf, piva = e.get("codice_fiscale"), e.get("partita_iva")
    if not isinstance(cf, str) or not codes.is_entity_fiscal_code(cf):
        problems.append(("codice_fiscale", f"codice_fiscale {cf!r} is not a valid codice fiscale"))
    if piva is not None and (not isinstance(piva, str) or not codes.is_vat_number(piva)):
        problems.append(("partita_iva", f"partita_iva {piva!r} is not a valid partita IVA (or null)"))
    conventions = e.get("conventions")
    if not isinstance(conventions, list) or any(c not in CONVENTIONS for c in conventions):
        problems.append(("conventions", f"conventions {conventions!r} must be a list of {CONVENTIONS}"))
    return problems


def check_sim(s: Record) -> Problems:
    problems: Problems = []
    if not codes.is_italian_mobile(str(s.get("number", ""))):
        problems.append(("number", f"number {s.get('number')!r} is not an Italian mobile number"))
    if s.get("convention") not in (*CONVENTIONS, None):
        problems.append(("convention", f"convention {s.get('convention')!r} is not CM6, CM5 or null"))
    if s.get("status") not in SIM_STATUSES:
        problems.append(("status", f"status {s.get('status')!r} is not one of {SIM_STATUSES}"))
    return problems


def check_person(r: Record) -> Problems:
    """A registrant: what registration step 2 types (CM6-13 has the portal check each of them)."""
    problems: Problems = []
    for field in ("first_name", "last_name"):
        if not _text(r, field):
            problems.append((field, f"{field} is empty"))
    if not codes.is_personal_fiscal_code(str(r.get("personal_fiscal_code", ""))):
        problems.append(
            ("personal_fiscal_code", f"personal_fiscal_code {r.get('personal_fiscal_code')!r} is invalid")
        )
    if not codes.is_email(str(r.get("email", ""))):
        problems.append(("email", f"email {r.get('email')!r} is not an e-mail address"))
    if not codes.is_italian_mobile(str(r.get("contact_mobile", ""))):
        problems.append(("contact_mobile", f"contact_mobile {r.get('contact_mobile')!r} is not a mobile"))
    return problems


def check_user(u: Record) -> Problems:
    """A portal user: what signing in and recovering type; the password is the portal's business."""
    problems: Problems = []
    for field in ("username", "password"):
        if not _text(u, field):
            problems.append((field, f"{field} is missing or empty"))
    if not isinstance(u.get("password_is_temporary"), bool):
        problems.append(("password_is_temporary", "password_is_temporary is not a boolean"))
    if not isinstance(u.get("business_sim"), str):
        problems.append(("business_sim", f"business_sim {u.get('business_sim')!r} is not a SIM id"))
    if u.get("origin") not in CONVENTIONS:
        problems.append(("origin", f"origin {u.get('origin')!r} is not CM6 or CM5"))
    code = u.get("personal_fiscal_code")
    if not isinstance(code, str) or not codes.is_personal_fiscal_code(code):
        problems.append(("personal_fiscal_code", f"personal_fiscal_code {code!r} is invalid"))
    if not codes.is_email(str(u.get("email", ""))):
        problems.append(("email", f"email {u.get('email')!r} is not an e-mail address"))
    sent = u.get("temporary_password_sent_at")
    if sent is not None and sent_at(sent) is None:
        problems.append(
            (
                "temporary_password_sent_at",
                f"temporary_password_sent_at {sent!r} is not an ISO 8601 time with a zone"
                " (like 2026-03-02T09:30:00+01:00)",
            )
        )
    return problems


def sent_at(value: Any) -> datetime | None:
    """An ISO 8601 time with its zone; None when it is not one (a time without zone is ambiguous)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


CHECKS: dict[str, Callable[[Record], Problems]] = {
    "entities": check_entity,
    "sims": check_sim,
    "people": check_person,
    "users": check_user,
}
