"""The password policy of Mi Gestión Digital: 8 to 20 characters, at least one lowercase letter, one
uppercase letter and one digit (the guide's words); each lapse behind its defect switch."""

from __future__ import annotations

from documents.telefonica_mi_gestion_digital.simulator import texts
from simulator import defects

SHORTEST, LONGEST = 8, 20


def _length_refusal(length: int) -> texts.Refusal | None:
    """The length check; each off-by-one bug is asked about only at the boundary it moves."""
    if length == SHORTEST - 1 and defects.enabled("mgd_password_7_characters_accepted"):
        return None
    if length == SHORTEST and defects.enabled("mgd_password_8_characters_refused"):
        return texts.PASSWORD_TOO_SHORT
    if length == LONGEST and defects.enabled("mgd_password_20_characters_refused"):
        return texts.PASSWORD_TOO_LONG
    if length > LONGEST and defects.enabled("mgd_password_length_not_capped"):
        return None
    if length < SHORTEST:
        return texts.PASSWORD_TOO_SHORT
    return texts.PASSWORD_TOO_LONG if length > LONGEST else None


def refusal(password: str, repeated: str) -> texts.Refusal | None:
    too_short_or_long = _length_refusal(len(password))
    if too_short_or_long is not None:
        return too_short_or_long
    if not any(c.islower() for c in password) and not defects.enabled("mgd_password_lowercase_not_required"):
        return texts.PASSWORD_NO_LOWERCASE
    if not any(c.isupper() for c in password) and not defects.enabled("mgd_password_uppercase_not_required"):
        return texts.PASSWORD_NO_UPPERCASE
    if not any(c.isdigit() for c in password) and not defects.enabled("mgd_password_digit_not_required"):
        return texts.PASSWORD_NO_DIGIT
    if password != repeated:
        return texts.PASSWORDS_DIFFER
    return None
