"""Italian identifiers for test data, and the checks `validate` applies (python-stdnum, phonenumbers)."""

from __future__ import annotations

import random
import re

import phonenumbers
from stdnum.it import codicefiscale, iva

# National mobile prefixes (TIM 330-339/360-368, Vodafone 340-349, Wind Tre 320-329/380-393).
MOBILE_PREFIXES: tuple[int, ...] = (*range(320, 350), *range(360, 369), *range(380, 394))
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def mobile_number(rng: random.Random) -> str:
    """A 10-digit Italian mobile, checked with phonenumbers so it really is a mobile."""
    while True:
        number = f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**7):07d}"
        if is_italian_mobile(number):
            return number


def fixed_number(rng: random.Random) -> str:
    """A Milan or Rome fixed line (02 / 06 + 8 digits), checked with phonenumbers."""
    while True:
        number = f"0{rng.choice('26')}{rng.randrange(10**8):08d}"
        parsed = phonenumbers.parse(number, "IT")
        if phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.FIXED_LINE:
            return number


def password(rng: random.Random, length: int = 12) -> str:
    """ASCII letters and at least two digits (the portal asks for 8+ characters, letters and digits)."""
    letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
    chars = [rng.choice(letters) for _ in range(length - 2)] + [rng.choice("23456789") for _ in range(2)]
    rng.shuffle(chars)
    return "".join(chars)


def is_italian_mobile(number: str) -> bool:
    if not re.fullmatch(r"3\d{9}", number):
        return False
    parsed = phonenumbers.parse(number, "IT")
    return bool(
        phonenumbers.is_valid_number(parsed)
        and phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE
    )


def is_vat_number(value: str) -> bool:
    return bool(re.fullmatch(r"\d{11}", value)) and iva.is_valid(value)


def is_personal_fiscal_code(value: str) -> bool:
    return len(value) == 16 and codicefiscale.is_valid(value)


def is_email(value: str) -> bool:
    return bool(_EMAIL_RE.match(value))
