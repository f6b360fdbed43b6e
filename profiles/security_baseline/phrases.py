"""The profile's parameter types: none yet (its phrases are fixed sentences and numbers)."""

from __future__ import annotations

from portalcert.docspec import PhraseTypes

TYPES: PhraseTypes = {}
