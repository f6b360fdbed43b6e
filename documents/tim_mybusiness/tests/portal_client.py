"""The simulator's myBusiness portal in its tests: the shared test browser (tests/portal_browser.py) at its
prefix, and its reference data set by role."""

from __future__ import annotations

from typing import Any

from documents.tim_mybusiness.simulator import PORTAL
from tests.portal_browser import TOKEN, PortalBrowser, new_app, reference_data

__all__ = ["DATA", "PREFIX", "TOKEN", "Browser", "new_app"]

PREFIX = PORTAL.url_prefix
DATA: dict[str, Any] = reference_data(PORTAL)


def record(role: str) -> dict[str, Any]:
    ids = DATA["accounts"][role]
    wanted = ids[0] if isinstance(ids, list) else ids
    return next(r for r in DATA["users"] if r["id"] == wanted)


class Browser(PortalBrowser):
    PREFIX = PREFIX

    def sign_in(self, username: str, password: str) -> Browser:
        return self.get("/login").post("/login", username=username, password=password)

    def emails(self, to: str) -> list[str]:
        return self.outbox("email", to)
