"""Spanish identifiers for test data: built from a seeded RNG, checked with python-stdnum and phonenumbers.

Generation and checking live side by side so the generator and ``validate`` agree on what "valid" means.
"""

from __future__ import annotations

import random
import re

import phonenumbers
from stdnum import iban
from stdnum.es import ccc, cif, dni, nif

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+$")
_TYPES = {
    "mobile": (phonenumbers.PhoneNumberType.MOBILE,),
    "fixed": (phonenumbers.PhoneNumberType.FIXED_LINE,),
}


def _number(rng: random.Random, first_digits: str, region: str, kind: str) -> str:
    while True:
        number = rng.choice(first_digits) + "".join(rng.choice("0123456789") for _ in range(8))
        if phone_kind(number, region) == kind:
            return number


def spanish_mobile(rng: random.Random) -> str:
    """A national mobile: 9 digits starting 6 (or 7), a mobile for phonenumbers."""
    return _number(rng, "67", "ES", "mobile")


def spanish_fixed(rng: random.Random) -> str:
    """A geographic fixed line: 9 digits starting 8 or 9, a fixed line for phonenumbers."""
    return _number(rng, "89", "ES", "fixed")


def french_mobile(rng: random.Random) -> str:
    """A mobile outside Spain (France, +33 6...), for "national numbers only"."""
    while True:
        number = "+336" + "".join(rng.choice("0123456789") for _ in range(8))
        if phone_kind(number, "FR") == "mobile":
            return number


def spanish_iban(rng: random.Random) -> str:
    """An ES IBAN: bank, branch, the two national check digits (CCC), account, then the IBAN's own."""
    digits = "".join(rng.choice("0123456789") for _ in range(20))
    national = ccc.calc_check_digits(digits)
    bban = digits[:8] + national + digits[10:]
    return "ES" + iban.calc_check_digits("ES00" + bban) + bban


def company_cif(rng: random.Random) -> str:
    """A CIF of a limited company: B (sociedad limitada) or A (anónima), 7 digits, its control digit."""
    body = rng.choice("AB") + "".join(rng.choice("0123456789") for _ in range(7))
    return body + cif.calc_check_digits(body)[0]  # companies A/B take the digit form


def person_nif(rng: random.Random) -> str:
    """A sole trader's NIF: the 8 digits of a DNI and its control letter."""
    digits = f"{rng.randrange(10**7, 10**8):08d}"
    return digits + dni.calc_check_digit(digits)


def password(rng: random.Random, length: int = 12) -> str:
    """A password Mi Gestión Digital accepts: lower and upper case letters and digits."""
    lower, upper, digits = "abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789"
    chars = [rng.choice(lower), rng.choice(upper), rng.choice(digits)]
    chars += [rng.choice(lower + upper + digits) for _ in range(length - 3)]
    rng.shuffle(chars)
    return "".join(chars)


# --- checks -------------------------------------------------------------------------------------------


def phone_kind(number: str, region: str = "ES") -> str:
    """'mobile', 'fixed' or '' (not a valid number of `region`, or another type)."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(parsed):
        return ""
    kind = phonenumbers.number_type(parsed)
    return next((name for name, types in _TYPES.items() if kind in types), "")


def is_spanish(number: str) -> bool:
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(number, "ES")) == "ES"
    except phonenumbers.NumberParseException:
        return False


def is_fiscal_id(value: str, kind: str) -> bool:
    """A CIF (companies) or a NIF (sole traders: DNI or NIE letters), checked by python-stdnum."""
    if kind == "CIF":
        return bool(re.fullmatch(r"[A-W]\d{7}[0-9A-J]", value)) and cif.is_valid(value)
    if kind == "NIF":
        return bool(re.fullmatch(r"[0-9XYZ]\d{7}[A-Z]", value)) and nif.is_valid(value)
    return False


def is_spanish_iban(value: str) -> bool:
    return value.startswith("ES") and iban.is_valid(value)


def is_email(value: str) -> bool:
    return bool(_EMAIL_RE.match(value))
