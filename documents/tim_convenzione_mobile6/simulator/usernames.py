"""Step 3's username rule: 6 to 16 letters and digits, and the defect switches that bend it.

Each switch is asked only where its bug would change the answer, so a defect is re-run only on the
usernames it could matter for.
"""

from __future__ import annotations

from simulator import defects

SHORTEST, LONGEST = 6, 16
SEPARATORS = "_."


def is_valid(username: str) -> bool:
    shortest, longest = SHORTEST, LONGEST
    if defects.enabled("username_length_limits_exclusive"):
        shortest, longest = SHORTEST + 1, LONGEST - 1
    if len(username) == SHORTEST - 1 and defects.enabled("username_accepts_5_chars"):
        shortest = SHORTEST - 1
    if len(username) == LONGEST + 1 and defects.enabled("username_accepts_17_chars"):
        longest = LONGEST + 1
    if not shortest <= len(username) <= longest:
        return False
    if not any(char.isdigit() for char in username) and defects.enabled("username_requires_a_digit"):
        return False
    return all(_allowed(char) for char in username)


def _allowed(char: str) -> bool:
    if char.isascii() and char.isalnum():
        return True
    if char in SEPARATORS:
        return defects.enabled("username_allows_separators")
    # str.isalpha() is Unicode-aware: a portal relying on it lets "ò" through.
    return char.isalpha() and defects.enabled("username_accepts_accented_letters")
