"""Italian identifiers and numbers of the data set, checked with python-stdnum and phonenumbers."""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumberType
from stdnum import luhn
from stdnum.it import iva

MOBILE_PREFIXES = ("320", "328", "331", "333", "335", "338", "339", "347", "348", "349", "366", "380")
FIXED_PREFIXES = ("02", "06", "011", "051", "055", "081")


def partita_iva(rng: random.Random) -> str:
    """A partita IVA: 7-digit serial, a provincial office code (001-100), a Luhn check digit."""
    while True:
        body = "".join(rng.choice("0123456789") for _ in range(7)) + f"{rng.randrange(1, 101):03d}"
        number = body + luhn.calc_check_digit(body)
        if iva.is_valid(number):
            return number


def _is(number: str, kinds: tuple[int, ...]) -> bool:
    try:
        parsed = phonenumbers.parse(number, "IT")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in kinds


def is_mobile(number: str) -> bool:
    return _is(number, (PhoneNumberType.MOBILE,))


def is_fixed(number: str) -> bool:
    return _is(number, (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE))


def is_toll_free(number: str) -> bool:
    """A Rete Intelligente number (numero verde 800/803)."""
    return _is(number, (PhoneNumberType.TOLL_FREE,))


def mobile(rng: random.Random) -> str:
    while True:
        number = f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**7):07d}"
        if is_mobile(number):
            return number


def fixed(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(FIXED_PREFIXES)
        number = prefix + "".join(rng.choice("0123456789") for _ in range(10 - len(prefix)))
        if is_fixed(number):
            return number


def toll_free(rng: random.Random) -> str:
    while True:
        number = f"800{rng.randrange(10**6):06d}"
        if is_toll_free(number):
            return number


def password(rng: random.Random) -> str:
    letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
    chars = [rng.choice(letters) for _ in range(8)] + [rng.choice("23456789") for _ in range(2)]
    rng.shuffle(chars)
    return "".join(chars)
