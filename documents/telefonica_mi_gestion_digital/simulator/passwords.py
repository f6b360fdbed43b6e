"""The password policy of Mi Gestión Digital: 8 to 20 characters, at least one lowercase letter, one
uppercase letter and one digit (the guide's words); each lapse behind its defect switch."""

from __future__ import annotations

from documents.telefonica_mi_gestion_digital.simulator import texts
from simulator import defects


def _length_limits() -> tuple[int, int]:
    shortest = 7 if defects.enabled("mgd_password_7_characters_accepted") else 8
    if defects.enabled("mgd_password_8_characters_refused"):
        shortest = 9
    longest = 19 if defects.enabled("mgd_password_20_characters_refused") else 20
    if defects.enabled("mgd_password_length_not_capped"):
        longest = 1000
    return shortest, longest


def refusal(password: str, repeated: str) -> texts.Refusal | None:
    shortest, longest = _length_limits()
    if len(password) < shortest:
        return texts.PASSWORD_TOO_SHORT
    if len(password) > longest:
        return texts.PASSWORD_TOO_LONG
    if not any(c.islower() for c in password) and not defects.enabled("mgd_password_lowercase_not_required"):
        return texts.PASSWORD_NO_LOWERCASE
    if not any(c.isupper() for c in password) and not defects.enabled("mgd_password_uppercase_not_required"):
        return texts.PASSWORD_NO_UPPERCASE
    if not any(c.isdigit() for c in password) and not defects.enabled("mgd_password_digit_not_required"):
        return texts.PASSWORD_NO_DIGIT
    if password != repeated:
        return texts.PASSWORDS_DIFFER
    return None
