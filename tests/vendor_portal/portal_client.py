"""Driving the Borealis portal through Flask's test client, as its forms and messages expect."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from portalcert.control import Message
from portalcert.sinks.store import MessageStore

from . import security, texts

ACCOUNTS = json.loads((Path(__file__).parent / "accounts.json").read_text(encoding="utf-8"))
QA_KEY, CAPTCHA = "chiave-qa", "qa-captcha"
ClientFactory = Callable[..., FlaskClient]


def record(record_id: str) -> dict[str, Any]:
    sections = ("entities", "sims", "users", "people")
    return next(r for section in sections for r in ACCOUNTS[section] if r["id"] == record_id)


def role(name: str, index: int = 0) -> dict[str, Any]:
    ref = ACCOUNTS["accounts"][name]
    return record(ref[index] if isinstance(ref, list) else ref)


def last(store: MessageStore, channel: str, to: str) -> Message:
    found = store.find(channel, [to], after=0, wait=2)
    assert found is not None, f"no {channel} to {to}"
    return [m for m in store.messages() if m.channel == channel and m.id >= found.id][-1]


def post(client: FlaskClient, path: str, **form: str) -> TestResponse:
    """A form POST with the session's CSRF token, as the page's hidden field carries it."""
    with client.session_transaction() as session:
        token = session.get("csrf")
    if not token:
        client.get("/accedi")  # a page with a form makes the token
        with client.session_transaction() as session:
            token = session["csrf"]
    return client.post(path, data={security.CSRF_FIELD: token, **form})


def errors(page: TestResponse) -> list[str]:
    found = re.findall(r'class="avviso avviso--errore" role="alert">([^<]*)<', page.get_data(as_text=True))
    return [html.unescape(text) for text in found]


def notices(page: TestResponse) -> list[str]:
    found = re.findall(r'class="avviso avviso--conferma" role="status">([^<]*)<', page.get_data(as_text=True))
    return [html.unescape(text) for text in found]


def step1(
    client: FlaskClient, identifier: str, kind: str = "codice-fiscale", captcha: str = CAPTCHA
) -> TestResponse:
    client.get("/registrazione")
    return post(client, "/registrazione", tipo=kind, identificativo=identifier, codice_grafico=captcha)


def step2(client: FlaskClient, sim_number: str, person: dict[str, Any] | None = None) -> TestResponse:
    p = person or role("registrant")
    fields = {"nome": p["first_name"], "cognome": p["last_name"], "cellulare": p["contact_mobile"]}
    fields |= {
        "codice_fiscale": p["personal_fiscal_code"],
        "email": p["email"],
        "numero_aziendale": sim_number,
    }
    return post(client, "/registrazione/dati", **fields)


def register_to_step3(client: FlaskClient, store: MessageStore, sim_number: str) -> None:
    assert step1(client, role("entity")["codice_fiscale"]).status_code == 302
    assert step2(client, sim_number).status_code == 302
    code = re.search(r"il codice ([A-Z]+ [A-Z]+)\.", last(store, "sms", sim_number).body)
    assert code is not None
    assert post(client, "/registrazione/verifica", codice=code.group(1)).status_code == 302


def sign_in(client: FlaskClient, store: MessageStore, user: dict[str, Any], password: str) -> TestResponse:
    answer = post(client, "/accedi", nome_utente=user["username"], password=password)
    assert answer.status_code == 302, errors(answer)
    sms = last(store, "sms", record(user["business_sim"])["number"])
    code = re.search(r"Area Clienti ([0-9]{6})", sms.body)
    assert code is not None and sms.sender == texts.SMS_LOGIN_SENDER
    return post(client, "/accedi/codice", codice=code.group(1))
