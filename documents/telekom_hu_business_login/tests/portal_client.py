"""The simulator's Telekom portal in its tests: the shared test browser (tests/portal_browser.py) at its
prefix, and its reference data set by role."""

from __future__ import annotations

from typing import Any

from documents.telekom_hu_business_login.simulator import PORTAL
from tests.portal_browser import TOKEN, PortalBrowser, new_app, reference_data

__all__ = ["DATA", "PREFIX", "TOKEN", "Browser", "new_app"]

PREFIX = PORTAL.url_prefix
DATA: dict[str, Any] = reference_data(PORTAL)


def record(role: str) -> dict[str, Any]:
    ids = DATA["accounts"][role]
    wanted = ids[0] if isinstance(ids, list) else ids
    return next(
        r for section in ("companies", "users", "numbers") for r in DATA[section] if r["id"] == wanted
    )


class Browser(PortalBrowser):
    PREFIX = PREFIX

    def sms(self, to: str) -> list[str]:
        """The codes texted to `to`."""
        return [body.split("kod: ")[1].split(" (")[0] for body in self.outbox("sms", to)]
