"""A tiny browser over Flask's test client: reads pages like the harness (data-page, data-testid)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

DOCUMENT = "tim-convenzione-mobile-6"
DATA_FILE = Path(__file__).parent / "data" / "cm6_small.json"
TOKEN = "sim-test-token"
CAPTCHA_BYPASS = "PROVA"
# Kept here, not in conftest.py: `from conftest import ...` picks whichever conftest module pytest
# imported first, which breaks collection when tests/simulator runs with other test folders.
TEST_CONFIG: dict[str, Any] = {
    "DATABASE_URL": "sqlite://",
    "CONTROL_TOKEN": TOKEN,
    "CAPTCHA_TEST_VALUE": CAPTCHA_BYPASS,
    "FIXTURES": {DOCUMENT: str(DATA_FILE)},
    "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    "SECRET_KEY": "test",
}


def load_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return data


class Page:
    def __init__(self, response: TestResponse) -> None:
        self.response = response
        self.status = response.status_code
        self.soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")

    @property
    def name(self) -> str | None:
        found = self.soup.select_one("[data-page]")
        return None if found is None else str(found["data-page"])

    def one(self, selector: str) -> Tag | None:
        return self.soup.select_one(selector)

    def text(self, selector: str) -> str | None:
        found = self.soup.select_one(selector)
        return None if found is None else " ".join(found.get_text(" ").split())

    def texts(self, selector: str) -> list[str]:
        return [" ".join(t.get_text(" ").split()) for t in self.soup.select(selector)]

    def count(self, selector: str) -> int:
        return len(self.soup.select(selector))

    def attr(self, selector: str, name: str) -> str | None:
        found = self.soup.select_one(selector)
        return None if found is None or found.get(name) is None else str(found[name])

    @property
    def csrf(self) -> str:
        token = self.attr("input[name=csrf_token]", "value")
        assert token, "page has no CSRF token"
        return token


@dataclass
class SimClient:
    app: Flask
    client: FlaskClient
    data: dict[str, Any] = field(default_factory=load_data)
    page: Page | None = None

    # --- navigation ---
    def get(self, path: str) -> Page:
        self.page = Page(self.client.get(path, follow_redirects=True))
        return self.page

    def submit(self, fields: dict[str, str], button: str = "prosegui", form_index: int = 0) -> Page:
        """Submit the current page's n-th POST form in the central band, like a browser pressing `button`."""
        assert self.page is not None
        form = self.page.soup.select("[data-testid=band-central] form[method=post]")[form_index]
        payload = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
        checked = form.select_one("input[type=radio][checked]")
        if checked is not None:
            payload[str(checked["name"])] = str(checked["value"])
        payload.update(fields)
        if button:
            payload["azione"] = button
        self.page = Page(self.client.post(str(form["action"]), data=payload, follow_redirects=True))
        return self.page

    def cookie(self) -> str | None:
        found = self.client.get_cookie(self.app.config["SESSION_COOKIE_NAME"])
        return None if found is None else found.value

    # --- control API ---
    def control(self, method: str, path: str, body: Any = None, token: str | None = TOKEN) -> TestResponse:
        headers = {} if token is None else {"X-Sim-Token": token}
        return self.client.open(f"/_sim/{path}", method=method, json=body, headers=headers)

    def messages(self, **query: str) -> list[dict[str, Any]]:
        response = self.control("GET", "outbox?" + "&".join(f"{k}={v}" for k, v in query.items()))
        assert response.status_code == 200
        messages: list[dict[str, Any]] = response.get_json()["messages"]
        return messages

    def last_code(self, number: str) -> str:
        body = self.messages(channel="sms", to=number)[-1]["body"]
        # "...e': WORD WORD Digita..." or "...e': WORD WORD"
        words = body.split("e': ", 1)[1].split()
        return f"{words[0]} {words[1]}"

    def set_defects(self, *names: str) -> None:
        assert self.control("PUT", "defects", {"enabled": list(names)}).status_code == 200

    def advance(self, **delta: float) -> None:
        assert self.control("POST", "clock", {"advance": delta}).status_code == 200

    # --- data set roles ---
    def role(self, name: str) -> dict[str, Any]:
        ids = self.data["accounts"][name]
        wanted = ids[0] if isinstance(ids, list) else ids  # a pool: its first member
        for kind in ("entities", "sims", "users", "people"):
            for record in self.data[kind]:
                if record["id"] == wanted:
                    found: dict[str, Any] = record
                    return found
        raise KeyError(name)

    def sim_number(self, role: str) -> str:
        return str(self.role(role)["number"])

    # --- flows ---
    def step1(self, identifier: str | None = None, kind: str = "cf", captcha: str = CAPTCHA_BYPASS) -> Page:
        self.get("/cm6/registrazione")
        if identifier is None:
            identifier = self.role("entity")["codice_fiscale"]
        return self.submit({"tipo_identificativo": kind, "identificativo": identifier, "captcha": captcha})

    def personal_data(self, **overrides: str) -> dict[str, str]:
        person = self.role("registrant")
        values = {
            "nome": person["first_name"],
            "cognome": person["last_name"],
            "cellulare": person["contact_mobile"],
            "codice_fiscale": person["personal_fiscal_code"],
            "email": person["email"],
            "numero_aziendale": self.sim_number("active_sim"),
        }
        values.update(overrides)
        return values

    def step2(self, **overrides: str) -> Page:
        page = self.step1()
        assert page.name == "registration-step2", page.text("[data-testid=error]")
        return self.submit(self.personal_data(**overrides))

    def through_otp(self, sim_role: str = "active_sim") -> Page:
        number = self.sim_number(sim_role)
        page = self.step2(numero_aziendale=number)
        assert page.name == "registration-otp", page.text("[data-testid=error]")
        return self.submit({"otp": self.last_code(number)})

    def register(self, username: str = "nuovoutente1", sim_role: str = "active_sim") -> Page:
        page = self.through_otp(sim_role)
        assert page.name == "registration-step3", page.text("[data-testid=error]")
        return self.submit({"username": username})

    def login(self, username: str, password: str) -> Page:
        self.get("/cm6/login")
        return self.submit({"username": username, "password": password}, button="accedi")

    def login_fully(self, user_role: str = "user", password: str | None = None) -> Page:
        user = self.role(user_role)
        page = self.login(user["username"], password or user["password"])
        assert page.name == "login-otp", page.text("[data-testid=error]")
        sim = next(s for s in self.data["sims"] if s["id"] == user["business_sim"])
        return self.submit({"otp": self.last_code(sim["number"])}, button="accedi")
