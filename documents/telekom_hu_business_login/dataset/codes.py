"""Hungarian identifiers, made and checked with python-stdnum and phonenumbers (never by hand-made rules)."""

from __future__ import annotations

import random
import re

import phonenumbers
from stdnum.hu import anum

MOBILE_PREFIXES = ("20", "30", "31", "50", "70")
COUNTIES = tuple(f"{n:02d}" for n in (*range(2, 21), *range(22, 45), 51))
_TAX_NUMBER = re.compile(r"(\d{8})-([1-5])-(\d{2})")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")


def tax_number(rng: random.Random) -> str:
    """An adószám: an 8-digit törzsszám valid under stdnum.hu.anum, the VAT code, the county code."""
    while True:
        base = f"{rng.randrange(10**6, 10**7):07d}"
        for check in "0123456789":
            if anum.is_valid(base + check):
                return f"{base}{check}-{rng.choice('2345')}-{rng.choice(COUNTIES)}"


def is_tax_number(value: str) -> bool:
    match = _TAX_NUMBER.fullmatch(value)
    return bool(match) and anum.is_valid(match.group(1)) and match.group(3) in COUNTIES  # type: ignore[union-attr]


def mobile(rng: random.Random, prefix: str) -> str:
    """A 9-digit Hungarian mobile number (national significant number) that phonenumbers calls mobile."""
    while True:
        number = prefix + f"{rng.randrange(10**7):07d}"
        if is_mobile(number):
            return number


def is_mobile(value: str) -> bool:
    if not (isinstance(value, str) and value.isascii() and value.isdigit() and len(value) == 9):
        return False
    parsed = phonenumbers.parse("+36" + value)
    return phonenumbers.is_valid_number(parsed) and (
        phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE
    )


def is_email(value: str) -> bool:
    return isinstance(value, str) and bool(_EMAIL.fullmatch(value))
