"""Field checks of the CM6 portal: Italian fiscal codes, VAT numbers, mobiles, e-mail."""

from __future__ import annotations

import re

import phonenumbers
from stdnum.it import codicefiscale, iva

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def fiscal_code(raw: str) -> str | None:
    """The compact codice fiscale (11-digit entity or 16-character personal), None when invalid."""
    if not codicefiscale.is_valid(raw):
        return None
    compact: str = codicefiscale.compact(raw)
    return compact


def personal_fiscal_code(raw: str) -> str | None:
    found = fiscal_code(raw)
    return found if found is not None and len(found) == 16 else None


def vat_number(raw: str) -> str | None:
    if not iva.is_valid(raw):
        return None
    compact: str = iva.compact(raw)
    return compact


def italian_mobile(raw: str) -> str | None:
    """The national number (e.g. 3331234567) of an Italian mobile, None otherwise."""
    try:
        parsed = phonenumbers.parse(raw, "IT")
    except phonenumbers.NumberParseException:
        return None
    if parsed.country_code != 39 or not phonenumbers.is_valid_number(parsed):
        return None
    if phonenumbers.number_type(parsed) != phonenumbers.PhoneNumberType.MOBILE:
        return None
    return phonenumbers.national_significant_number(parsed)


def email(raw: str) -> bool:
    return bool(_EMAIL.match(raw))
