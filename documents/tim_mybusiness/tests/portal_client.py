"""A tiny browser over Flask's test client for the simulator's myBusiness portal (pages read like the
harness reads them: data-page, data-error), and the portal's reference data set by role."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from documents.tim_mybusiness.simulator import PORTAL
from simulator import create_app
from simulator.db import get_database

TOKEN = "myb-test-token"
PREFIX = PORTAL.url_prefix
DATA: dict[str, Any] = json.loads(PORTAL.default_fixtures.read_text(encoding="utf-8"))


def record(role: str) -> dict[str, Any]:
    ids = DATA["accounts"][role]
    wanted = ids[0] if isinstance(ids, list) else ids
    return next(r for r in DATA["users"] if r["id"] == wanted)


def new_app() -> Iterator[Flask]:
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


class Browser:
    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.soup = BeautifulSoup("", "html.parser")
        self.status = 0

    def _read(self, response: Any) -> Browser:
        self.status = response.status_code
        self.soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        return self

    def get(self, path: str) -> Browser:
        return self._read(self.client.get(PREFIX + path, follow_redirects=True))

    def post(self, path: str, **fields: str) -> Browser:
        token = self.soup.select_one("input[name=csrf_token]")
        data = {"csrf_token": str(token["value"]) if token else "", **fields}
        return self._read(self.client.post(PREFIX + path, data=data, follow_redirects=True))

    def sign_in(self, username: str, password: str) -> Browser:
        return self.get("/login").post("/login", username=username, password=password)

    @property
    def page(self) -> str:
        found = self.soup.select_one("[data-page]")
        return "" if found is None else str(found["data-page"])

    @property
    def error(self) -> str:
        found = self.soup.select_one("[data-error]")
        return "" if found is None else str(found["data-error"])

    def field(self, name: str) -> str | None:
        found = self.soup.select_one(f"input[name={name}]")
        return None if found is None else str(found.get("value"))

    def emails(self, to: str) -> list[str]:
        response = self.client.get(f"/_sim/outbox?channel=email&to={to}", headers={"X-Sim-Token": TOKEN})
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
