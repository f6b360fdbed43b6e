"""The simulator's TIS portal in its tests: the shared test browser (tests/portal_browser.py) at its
prefix, and its reference data set by role."""

from __future__ import annotations

from typing import Any

from documents.tim_impresa_semplice.simulator import PORTAL
from tests.portal_browser import TOKEN, PortalBrowser, new_app, reference_data

__all__ = ["DATA", "PREFIX", "TOKEN", "Browser", "new_app"]

PREFIX = PORTAL.url_prefix
DATA: dict[str, Any] = reference_data(PORTAL)


def legal_representative(role: str = "legal_representative") -> dict[str, Any]:
    """The Rappresentante Legale of the role's first company: username, password, e-mail."""
    company_id = DATA["accounts"][role][0]
    company: dict[str, Any] = next(c for c in DATA["companies"] if c["id"] == company_id)
    found: dict[str, Any] = company["legal_representative"]
    return found


class Browser(PortalBrowser):
    PREFIX = PREFIX
