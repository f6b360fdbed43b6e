"""Checks of what people type: Italian fiscal codes and VAT numbers (python-stdnum), mobiles, e-mails."""

from __future__ import annotations

import re

import phonenumbers
from stdnum.it import codicefiscale, iva

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
USERNAME = re.compile(r"^[A-Za-z0-9]{6,16}$")  # ASCII only: "mariòrossi" is refused


def compact(value: str) -> str:
    return re.sub(r"\s+", "", value).upper()


def is_personal_fiscal_code(value: str) -> bool:
    return len(value) == 16 and codicefiscale.is_valid(value)


def is_entity_fiscal_code(value: str) -> bool:
    """An organisation's codice fiscale: 11 digits with the VAT number's check digit."""
    return len(value) == 11 and codicefiscale.is_valid(value)


def is_vat_number(value: str) -> bool:
    return iva.is_valid(value)


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value))


def is_italian_mobile(value: str) -> bool:
    try:
        number = phonenumbers.parse(value, "IT")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )


def national(value: str) -> str:
    """A mobile number as stored: national digits only (+39 and spaces dropped)."""
    digits = re.sub(r"\D", "", value)
    return digits[2:] if digits.startswith("39") and len(digits) == 12 else digits
