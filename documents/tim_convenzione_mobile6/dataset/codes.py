"""Italian identifiers for test data: built from a seeded RNG, checked with python-stdnum and phonenumbers.

Generation and checking live side by side so the generator and ``validate`` agree on what "valid" means.
"""

from __future__ import annotations

import random
import re
import unicodedata

import phonenumbers
from stdnum import luhn
from stdnum.it import codicefiscale, iva

# National mobile prefixes (TIM 330-339/360-368, Vodafone 340-349, Wind Tre 320-329/380-393, ...).
MOBILE_PREFIXES: tuple[int, ...] = (
    *range(320, 340),
    *range(340, 350),
    *range(360, 369),
    *range(380, 394),
)

_MONTH_LETTERS = "ABCDEHLMPRST"  # codice fiscale month letters, January..December
_VOWELS = frozenset("AEIOU")
# An address a mail server can deliver to (a test server may use `user@localhost`): no stricter check.
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+$")
USERNAME_RE = re.compile(r"^[A-Za-z0-9]{6,16}$")


def ascii_letters(text: str) -> str:
    """'Nicolò D'Amico' -> 'NicoloDAmico': drop accents, apostrophes, spaces and anything non-ASCII."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalpha())


def _vat_office(rng: random.Random) -> str:
    # stdnum.it.iva checks digits 8-10: a provincial office 001-100 (120/121/888/999 also exist).
    return f"{rng.randint(1, 100):03d}"


def entity_fiscal_code(rng: random.Random) -> str:
    """A public administration's codice fiscale: 11 digits, first digit 8 or 9 (non-profit/public bodies)."""
    body = rng.choice("89") + "".join(rng.choice("0123456789") for _ in range(6)) + _vat_office(rng)
    return body + luhn.calc_check_digit(body)  # what stdnum.it.iva checks


def vat_number(rng: random.Random) -> str:
    """A partita IVA: 7-digit serial (starting 0, as most PA ones do), office code, Luhn check digit."""
    body = (
        "0" + "".join(rng.choice("0123456789") for _ in range(5)) + rng.choice("123456789") + _vat_office(rng)
    )
    return body + luhn.calc_check_digit(body)  # what stdnum.it.iva checks


def _surname_code(surname: str) -> str:
    letters = ascii_letters(surname).upper()
    consonants = [c for c in letters if c not in _VOWELS]
    vowels = [c for c in letters if c in _VOWELS]
    return "".join(consonants + vowels + ["X", "X", "X"])[:3]


def _name_code(name: str) -> str:
    letters = ascii_letters(name).upper()
    consonants = [c for c in letters if c not in _VOWELS]
    if len(consonants) >= 4:  # first, third and fourth consonant
        return consonants[0] + consonants[2] + consonants[3]
    vowels = [c for c in letters if c in _VOWELS]
    return "".join(consonants + vowels + ["X", "X", "X"])[:3]


def personal_fiscal_code(
    rng: random.Random, first_name: str, last_name: str, *, female: bool, municipality: str
) -> str:
    """A 16-character codice fiscale matching name and sex (real portals may cross-check them)."""
    year = rng.randint(1958, 1999)
    month = rng.randrange(12)
    day = rng.randint(1, 28) + (40 if female else 0)
    body = (
        f"{_surname_code(last_name)}{_name_code(first_name)}{year % 100:02d}"
        f"{_MONTH_LETTERS[month]}{day:02d}{municipality}"
    )
    return body + codicefiscale.calc_check_digit(body)


def mobile_number(rng: random.Random) -> str:
    """A 10-digit Italian mobile (3xx + 7 digits), checked with phonenumbers so it is really a mobile."""
    while True:
        number = f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**7):07d}"
        if is_italian_mobile(number):
            return number


def password(rng: random.Random, length: int = 10) -> str:
    """``length`` ASCII alphanumerics with at least two letters and two digits."""
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"  # no l/I/O: easier to read in reports
    digits = "23456789"
    chars = [rng.choice(alphabet) for _ in range(length - 2)] + [rng.choice(digits) for _ in range(2)]
    rng.shuffle(chars)
    return "".join(chars)


# --- checks -------------------------------------------------------------------------------------------


def is_italian_mobile(number: str) -> bool:
    if not re.fullmatch(r"3\d{9}", number):
        return False
    parsed = phonenumbers.parse(number, "IT")
    return bool(
        phonenumbers.is_valid_number(parsed)
        and phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE
    )


def is_entity_fiscal_code(value: str) -> bool:
    """A company's or public body's codice fiscale: 11 digits (often equal to its partita IVA), or the
    16 characters of a sole trader's; stdnum checks the check digit of either."""
    return len(value) in (11, 16) and codicefiscale.is_valid(value)


def is_vat_number(value: str) -> bool:
    return bool(re.fullmatch(r"\d{11}", value)) and iva.is_valid(value)


def is_personal_fiscal_code(value: str) -> bool:
    return len(value) == 16 and codicefiscale.is_valid(value)


def is_email(value: str) -> bool:
    return bool(_EMAIL_RE.match(value))
