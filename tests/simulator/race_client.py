"""Browsers over real HTTP for the race tests: visitors with their own cookies, requests sent at once,
the CM6 registration walked up to a step, and what the simulator sent (its control API)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
from flask import Flask
from sqlalchemy import func, select

from documents.tim_convenzione_mobile6.simulator.models import User
from simulator.db import get_database
from tests.simulator.sim_client import CAPTCHA_BYPASS, TOKEN, load_data

DATA = load_data()


def role(name: str) -> dict[str, Any]:
    ids = DATA["accounts"][name]
    wanted = ids[0] if isinstance(ids, list) else ids  # a pool: its first member
    return next(
        r for kind in ("entities", "sims", "users", "people") for r in DATA[kind] if r["id"] == wanted
    )


def sim_of(user: dict[str, Any]) -> str:
    return str(next(s["number"] for s in DATA["sims"] if s["id"] == user["business_sim"]))


@dataclass
class Served:
    app: Flask
    base: str

    def outbox(self, channel: str, to: str) -> list[str]:
        """The bodies of the messages sent to `to` so far (the simulator's control API)."""
        response = httpx.get(
            f"{self.base}/_sim/outbox", params={"channel": channel, "to": to}, headers={"X-Sim-Token": TOKEN}
        )
        assert response.status_code == 200
        return [m["body"] for m in response.json()["messages"]]

    def sms_to(self, number: str) -> list[str]:
        return self.outbox("sms", number)

    def count(self, model: type[User], *where: Any) -> int:
        with get_database(self.app).session() as db:
            return int(db.scalar(select(func.count()).select_from(model).where(*where)) or 0)


_PAGE = re.compile(r'data-page="([^"]+)"')
_ERROR = re.compile(r'data-error="([^"]+)"')
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def page_of(response: httpx.Response) -> str:
    found = _PAGE.search(response.text)
    return found.group(1) if found else f"<no page: HTTP {response.status_code}>"


def errors_of(response: httpx.Response) -> list[str]:
    return _ERROR.findall(response.text)


class Visitor:
    """One browser: its own cookie, the CSRF token of the last page it was shown."""

    def __init__(self, base: str) -> None:
        self.client = httpx.Client(base_url=base, follow_redirects=True, timeout=60)
        self.csrf = ""

    def get(self, path: str) -> httpx.Response:
        response = self.client.get(path)
        found = _CSRF.search(response.text)
        self.csrf = found.group(1) if found else self.csrf
        return response

    def post(self, path: str, fields: dict[str, str]) -> httpx.Response:
        """Submit a form like the browser; the redirect is followed."""
        response = self.client.post(path, data={"csrf_token": self.csrf, **fields})
        found = _CSRF.search(response.text)
        self.csrf = found.group(1) if found else self.csrf
        return response

    def post_at_once(self, path: str, fields: dict[str, str], times: int) -> list[httpx.Response]:
        """The same form sent `times` times at once with this visitor's cookie (a double click, or worse).

        Redirects are not followed: which page the browser then shows is asked separately.
        """
        cookie = dict(self.client.cookies)
        payload = {"csrf_token": self.csrf, **fields}
        base = str(self.client.base_url)

        def send(_: int) -> httpx.Response:
            with httpx.Client(base_url=base, cookies=cookie, timeout=60) as client:
                return client.post(path, data=payload)

        return all_at_once(times, send)

    def close(self) -> None:
        self.client.close()


def all_at_once(times: int, action: Callable[[int], httpx.Response]) -> list[httpx.Response]:
    """Run `action` on `times` threads released together by a barrier."""
    barrier = threading.Barrier(times, timeout=60)

    def released(i: int) -> httpx.Response:
        barrier.wait()
        return action(i)

    with ThreadPoolExecutor(max_workers=times) as pool:
        return list(pool.map(released, range(times)))


# --- walking the registration up to a step ----------------------------------------------------

STEP1_FIELDS = {
    "step": "step1",
    "tipo_identificativo": "cf",
    "identificativo": str(role("entity")["codice_fiscale"]),
    "captcha": CAPTCHA_BYPASS,
    "azione": "prosegui",
}
PERSON = role("registrant")
ACTIVE_NUMBER = str(role("active_sim")["number"])
STEP2_FIELDS = {
    "step": "step2",
    "nome": PERSON["first_name"],
    "cognome": PERSON["last_name"],
    "cellulare": PERSON["contact_mobile"],
    "codice_fiscale": PERSON["personal_fiscal_code"],
    "email": PERSON["email"],
    "numero_aziendale": ACTIVE_NUMBER,
    "azione": "prosegui",
}
STEP3_FIELDS = {"step": "step3", "username": "gara2024", "azione": "prosegui"}
REGISTRATION = "/cm6/registrazione"


def code_in(sms: str) -> str:
    words = sms.split("e': ", 1)[1].split()
    return f"{words[0]} {words[1]}"


def walk_to(visitor: Visitor, served: Served, step: str, number: str = ACTIVE_NUMBER) -> None:
    """Bring `visitor`'s registration of line `number` to `step` (step1, step2, otp or step3), one request
    at a time."""
    visitor.get(REGISTRATION)
    for done, fields in (("step1", STEP1_FIELDS), ("step2", {**STEP2_FIELDS, "numero_aziendale": number})):
        if step == done:
            return
        page = visitor.post(REGISTRATION, fields)
        assert page.status_code == 200 and not errors_of(page), (page_of(page), errors_of(page))
    if step == "otp":
        return
    page = visitor.post(REGISTRATION, otp_fields(code_in(served.sms_to(number)[-1])))
    assert page_of(page) == "registration-step3", (page_of(page), errors_of(page))


def otp_fields(code: str) -> dict[str, str]:
    return {"step": "otp", "otp": code, "azione": "prosegui"}
