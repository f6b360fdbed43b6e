"""Signing in to the MGD portal through Flask's test client, as a browser would: forms with their
anti-forgery token, the code read from the simulator's outbox."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.simulator.sim_client import Page, SimClient

DATA = json.loads(
    (Path(__file__).resolve().parents[1] / "reference" / "dataset.json").read_text(encoding="utf-8")
)
ERROR = "[data-testid=error]"
MI_AREA = "/mgd/mi-area"


def role(name: str) -> dict[str, Any]:
    """The data set's first user of the role."""
    wanted = DATA["accounts"][name][0]
    user: dict[str, Any] = next(u for u in DATA["users"] if u["id"] == wanted)
    return user


def post(mgd: SimClient, form_page: str, action: str, fields: dict[str, str]) -> Page:
    """Open `form_page` for its token, then send `fields` to `action` as its form would."""
    token = mgd.get(form_page).csrf
    mgd.page = Page(mgd.client.post(action, data={"csrf_token": token, **fields}, follow_redirects=True))
    return mgd.page


def type_password(mgd: SimClient, email: str, password: str) -> Page:
    return post(mgd, "/mgd/", "/mgd/acceso", {"email": email, "password": password})


def ask_code(mgd: SimClient, user: dict[str, Any], password: str | None = None) -> Page:
    """The password, then the code by SMS: the code page."""
    type_password(mgd, user["email"], password or user["password"])
    return post(mgd, "/mgd/acceso/canal", "/mgd/acceso/canal", {"canal": "sms"})


def last_code(mgd: SimClient, user: dict[str, Any]) -> str:
    body: str = mgd.messages(channel="sms", to=user["mobile"])[-1]["body"]
    return body.rsplit(" es ", 1)[1].strip()


def type_code(mgd: SimClient, code: str) -> Page:
    return post(mgd, "/mgd/acceso/codigo", "/mgd/acceso/codigo", {"codigo": code})


def sign_in_fully(mgd: SimClient, role_name: str = "user") -> Page:
    user = role(role_name)
    assert ask_code(mgd, user).name == "login-code"
    return type_code(mgd, last_code(mgd, user))


def sign_out(mgd: SimClient) -> None:
    token = mgd.get(MI_AREA).csrf
    mgd.client.post("/mgd/salir", data={"csrf_token": token})
