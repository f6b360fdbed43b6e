"""One blueprint per area of the portal, and what they share."""

from __future__ import annotations

from flask import current_app

from ..store import Store


def store() -> Store:
    found: Store = current_app.extensions["borealis"]
    return found
