"""The simulator portal's security around credentials: links, who may use Gestione Utenze, the events."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from documents.tim_impresa_semplice.document import DOCUMENT
from simulator import create_app
from simulator.db import get_database

TOKEN = "tis-test-token"
CONFIG = {
    "DATABASE_URL": "sqlite://",
    "CONTROL_TOKEN": TOKEN,
    "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    "SECRET_KEY": "test",
}
DATA: dict[str, Any] = json.loads(DOCUMENT.reference_dataset.read_text(encoding="utf-8"))


@pytest.fixture
def app() -> Iterator[Flask]:
    application = create_app(CONFIG)
    yield application
    get_database(application).engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _company(role: str) -> dict[str, Any]:
    company_id = DATA["accounts"][role][0]
    found: dict[str, Any] = next(c for c in DATA["companies"] if c["id"] == company_id)
    return found


def _control(client: FlaskClient, path: str, body: Any = None, method: str = "POST") -> Any:
    return client.open(f"/_sim/{path}", method=method, json=body, headers={"X-Sim-Token": TOKEN})


def _emails(client: FlaskClient, to: str) -> list[dict[str, Any]]:
    answer = _control(client, f"outbox?channel=email&to={to}", method="GET").get_json()
    messages: list[dict[str, Any]] = answer["messages"]
    return messages


def _csrf(client: FlaskClient, path: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True))
    assert found is not None
    return found.group(1)


def _username_link(client: FlaskClient, email: str) -> str:
    """Ask for the username e-mail on the portal; the link it carries."""
    csrf = _csrf(client, "/impresa/reinvio-email")
    client.post("/impresa/reinvio-email", data={"csrf_token": csrf, "email": email, "azione": "invia"})
    found = re.search(r"(http://\S+/attivazione/\S+)", _emails(client, email)[-1]["body"])
    assert found is not None
    return found.group(1).removeprefix("http://localhost")


def test_a_link_with_an_altered_signature_is_refused(client: FlaskClient) -> None:
    link = _username_link(client, _company("pending_legal_representative")["legal_representative"]["email"])
    page = client.get(link[:-2] + ("AA" if not link.endswith("AA") else "BB")).get_data(as_text=True)
    assert 'data-error="link-invalid"' in page


def test_a_link_expires_after_48_hours(client: FlaskClient) -> None:
    link = _username_link(client, _company("pending_legal_representative")["legal_representative"]["email"])
    assert _control(client, "clock", {"advance": {"hours": 48}}).status_code == 200
    assert 'data-error="link-invalid"' in client.get(link).get_data(as_text=True)


def test_a_new_username_email_makes_the_earlier_link_stop_working(client: FlaskClient) -> None:
    email = _company("pending_legal_representative")["legal_representative"]["email"]
    first = _username_link(client, email)
    second = _username_link(client, email)
    assert 'data-error="link-invalid"' in client.get(first).get_data(as_text=True)
    assert 'data-page="activation"' in client.get(second).get_data(as_text=True)


def test_activation_without_an_opened_link_is_a_client_error(client: FlaskClient) -> None:
    csrf = _csrf(client, "/impresa/login")
    response = client.post("/impresa/attivazione", data={"csrf_token": csrf, "codice": "ACE BAY"})
    assert response.status_code == 400


def test_gestione_utenze_needs_a_signed_in_legal_representative(client: FlaskClient) -> None:
    assert client.get("/impresa/gestione-utenze").status_code == 403
    assert client.get("/impresa/gestione-utenze/aggiungi").status_code == 403


def test_a_purchase_for_an_unknown_company_is_refused_and_a_second_one_registers_nobody(
    client: FlaskClient,
) -> None:
    nobody = {"vat_number": "1", "segment": "Fisso", "channel": "web"}
    unknown = _control(client, "events/tis_purchase", nobody)
    assert unknown.status_code == 400
    company = _company("new_company")
    order = {"vat_number": company["partita_iva"], "segment": "Mobile", "channel": "web"}
    assert _control(client, "events/tis_purchase", order).get_json()["result"] == {"registered": True}
    assert _control(client, "events/tis_purchase", order).get_json()["result"] == {"registered": False}
    assert len(_emails(client, company["legal_representative"]["email"])) == 1
