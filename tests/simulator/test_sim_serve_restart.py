"""`portalcert serve` keeps its data: a user registered through it signs in after a restart, a second
process on the same database wipes nothing, and `--reset` starts over."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from bs4 import BeautifulSoup
from flask import Flask
from sqlalchemy import func, select

from documents.tim_convenzione_mobile6.simulator.models import User
from portalcert import target
from simulator import create_app, fixtures
from simulator.db import get_database, reset_schema
from tests.simulator.sim_client import TEST_CONFIG, load_data

PROJECT = Path(__file__).resolve().parents[2]
DOCUMENT = "tim-convenzione-mobile-6"
TOKEN = "serve-restart-token"
USERNAME = "riavviato01"


@dataclass
class Served:
    url: str
    data: dict[str, Any]
    captcha: str

    def browser(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, follow_redirects=True, timeout=30)

    def messages(self, channel: str, to: str) -> list[dict[str, Any]]:
        answer = httpx.get(
            f"{self.url}/_sim/outbox",
            params={"channel": channel, "to": to},
            headers={"X-Sim-Token": TOKEN},
            timeout=30,
        )
        assert answer.status_code == 200
        found: list[dict[str, Any]] = answer.json()["messages"]
        return found

    def role(self, name: str) -> dict[str, Any]:
        ids = self.data["accounts"][name]
        wanted = ids[0] if isinstance(ids, list) else ids  # a pool: its first member
        return next(
            r for kind in ("entities", "sims", "people") for r in self.data[kind] if r["id"] == wanted
        )


@contextmanager
def serve(database: Path, *extra: str) -> Iterator[Served]:
    sim = target.load("simulator")
    command = [sys.executable, "-m", "portalcert", "serve", "--port", "0", "--database"]
    server = subprocess.Popen(
        [*command, f"sqlite:///{database}", "--control-token", TOKEN, *extra],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert server.stdout is not None
        found = re.search(r"on (http://127\.0\.0\.1:\d+)/", server.stdout.readline())
        assert found, "serve prints its URL first"
        data = json.loads(sim.bindings[DOCUMENT].data_source.read_text(encoding="utf-8"))
        yield Served(found.group(1), data, sim.captcha_test_value)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _page(response: httpx.Response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.text, "html.parser")


def _name(page: BeautifulSoup) -> str | None:
    found = page.select_one("[data-page]")
    return None if found is None else str(found["data-page"])


def _submit(browser: httpx.Client, page: BeautifulSoup, fields: dict[str, str], button: str) -> BeautifulSoup:
    """Press `button` of the page's form in the central band, as a browser would."""
    form = page.select("[data-testid=band-central] form[method=post]")[0]
    payload = {str(i["name"]): str(i.get("value", "")) for i in form.select("input[type=hidden]")}
    payload.update(fields, azione=button)
    return _page(browser.post(str(form["action"]), data=payload))


def _last_code(served: Served, number: str) -> str:
    body = served.messages("sms", number)[-1]["body"]
    words = body.split("e': ", 1)[1].split()
    return f"{words[0]} {words[1]}"


def _register(served: Served) -> str:
    """Register USERNAME on the active SIM; the temporary password e-mailed."""
    person, number = served.role("registrant"), served.role("active_sim")["number"]
    with served.browser() as browser:
        page = _page(browser.get("/cm6/registrazione"))
        identifier = served.role("entity")["codice_fiscale"]
        fields = {"tipo_identificativo": "cf", "identificativo": identifier, "captcha": served.captcha}
        page = _submit(browser, page, fields, "prosegui")
        personal = {
            "nome": person["first_name"],
            "cognome": person["last_name"],
            "cellulare": person["contact_mobile"],
            "codice_fiscale": person["personal_fiscal_code"],
            "email": person["email"],
            "numero_aziendale": number,
        }
        page = _submit(browser, page, personal, "prosegui")
        page = _submit(browser, page, {"otp": _last_code(served, number)}, "prosegui")
        page = _submit(browser, page, {"username": USERNAME}, "prosegui")
        assert _name(page) == "registration-success"
    body = served.messages("email", person["email"])[-1]["body"]
    return str(body.split("Mobile 6 è ", 1)[1].split(";", 1)[0])


def _sign_in(served: Served, browser: httpx.Client, password: str) -> str | None:
    """The page reached: 'private-home' when the user is in."""
    page = _page(browser.get("/cm6/login"))
    page = _submit(browser, page, {"username": USERNAME, "password": password}, "accedi")
    if _name(page) != "login-otp":
        return _name(page)
    number = served.role("active_sim")["number"]
    return _name(_submit(browser, page, {"otp": _last_code(served, number)}, "accedi"))


def test_a_served_simulator_keeps_users_and_sessions(tmp_path: Path) -> None:
    database = tmp_path / "served.sqlite3"
    with serve(database) as first:
        password = _register(first)
        with first.browser() as owner:
            assert _sign_in(first, owner, password) == "private-home"
            # a second process on the same database loads nothing over it
            with serve(database) as second, second.browser() as other:
                assert _name(_page(owner.get("/cm6/area-privata"))) == "private-home"
                assert _sign_in(second, other, password) == "private-home"
    with serve(database) as restarted, restarted.browser() as browser:
        assert _sign_in(restarted, browser, password) == "private-home"
    with serve(database, "--reset") as fresh, fresh.browser() as browser:
        assert _sign_in(fresh, browser, password) == "login"


def test_two_processes_starting_on_one_empty_database_load_it_once(tmp_path: Path) -> None:
    config = {**TEST_CONFIG, "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}"}
    apps = [create_app(config), create_app(config)]
    reset_schema(apps[0])
    start = threading.Barrier(len(apps))
    loaded: list[bool] = []

    def load(app: Flask) -> None:
        start.wait()
        loaded.append(fixtures.load_if_empty(app))

    workers = [threading.Thread(target=load, args=(app,)) for app in apps]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert sorted(loaded) == [False, True]
    with get_database(apps[1]).session() as db:
        assert db.scalar(select(func.count()).select_from(User)) == len(load_data()["users"])
    for app in apps:
        get_database(app).engine.dispose()
