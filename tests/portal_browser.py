"""A tiny browser over Flask's test client for one portal of the simulator: pages read the way the
harness reads them (data-page, data-error), forms sent with their CSRF token, and the simulator's
control API (defects, clock, outbox) at hand. A document's tests subclass it with their portal's prefix."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, ClassVar, Self

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from simulator import create_app
from simulator.db import get_database
from simulator.portals import PortalSpec

TOKEN = "portal-test-token"


def reference_data(portal: PortalSpec) -> dict[str, Any]:
    """The portal's reference data set."""
    data: dict[str, Any] = json.loads(portal.default_fixtures.read_text(encoding="utf-8"))
    return data


def new_app() -> Iterator[Flask]:
    """A simulator on an in-memory database with a cheap password hash, disposed of afterwards."""
    application = create_app(
        {
            "DATABASE_URL": "sqlite://",
            "CONTROL_TOKEN": TOKEN,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "SECRET_KEY": "test",
        }
    )
    yield application
    get_database(application).engine.dispose()


class PortalBrowser:
    PREFIX: ClassVar[str] = ""  # where the simulator mounts the portal

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.soup = BeautifulSoup("", "html.parser")
        self.status = 0

    def _read(self, response: TestResponse) -> Self:
        self.status = response.status_code
        self.soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        return self

    def get(self, path: str) -> Self:
        return self._read(self.client.get(self.PREFIX + path, follow_redirects=True))

    def post(self, path: str, **fields: str) -> Self:
        token = self.soup.select_one("input[name=csrf_token]")
        data = {"csrf_token": str(token["value"]) if token else "", **fields}
        return self._read(self.client.post(self.PREFIX + path, data=data, follow_redirects=True))

    @property
    def page(self) -> str:
        found = self.soup.select_one("[data-page]")
        return "" if found is None else str(found["data-page"])

    @property
    def error(self) -> str:
        found = self.soup.select_one("[data-error]")
        return "" if found is None else str(found["data-error"])

    def field(self, name: str) -> str | None:
        """The value an input of the current page holds (None: no such input)."""
        found = self.soup.select_one(f"input[name={name}]")
        return None if found is None else str(found.get("value"))

    def outbox(self, channel: str, to: str) -> list[str]:
        """The bodies of the messages the simulator sent to `to` by `channel` ("sms", "email")."""
        response = self.client.get(f"/_sim/outbox?channel={channel}&to={to}", headers={"X-Sim-Token": TOKEN})
        return [str(m["body"]) for m in response.get_json()["messages"]]

    def control(self, method: str, path: str, body: Any = None) -> str:
        response = self.client.open(f"/_sim/{path}", method=method, json=body, headers={"X-Sim-Token": TOKEN})
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_data(as_text=True)

    def set_defects(self, *names: str) -> None:
        self.control("PUT", "defects", {"enabled": list(names)})

    def advance(self, **delta: float) -> None:
        self.control("POST", "clock", {"advance": delta})

    def cookie(self, name: str = "") -> str | None:
        found = self.client.get_cookie(name or self.client.application.config["SESSION_COOKIE_NAME"])
        return None if found is None else found.value
