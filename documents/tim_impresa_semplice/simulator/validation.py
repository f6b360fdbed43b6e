"""Field checks of the TIM Impresa Semplice portal: mobiles, e-mail, usernames."""

from __future__ import annotations

import re

import phonenumbers

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
# «ti consigliamo di utilizzare l'indirizzo e-mail»: a username may be an e-mail address.
_USERNAME = re.compile(r"^[A-Za-z0-9._@+-]{6,120}$")


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


def username(raw: str) -> bool:
    return bool(_USERNAME.match(raw))
