"""Parameter types of the profile's steps."""

from __future__ import annotations

from portalcert.docspec import PhraseTypes


def criterion(text: str) -> str:
    """A WCAG success criterion number as the standard writes it ("1.4.3"); the features name them."""
    return text


criterion.pattern = r"\d\.\d\.\d{1,2}"  # type: ignore[attr-defined]

TYPES: PhraseTypes = {"Criterion": criterion}
