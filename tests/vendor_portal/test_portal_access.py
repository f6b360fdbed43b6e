"""The Borealis test portal itself (Flask test client): signing in, recovery, the QA API, the faults."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from portalcert.sinks.store import MessageStore

from . import texts
from .app import create_app
from .faults import FAULTS
from .portal_client import QA_KEY, ClientFactory, errors, last, notices, post, role, sign_in, step1, step2


# --- signing in -------------------------------------------------------------------------------------
def test_credentials_then_line_then_the_sms_code(
    client: FlaskClient, messages: tuple[MessageStore, Path]
) -> None:
    user = role("user")
    assert errors(post(client, "/accedi", nome_utente=user["username"], password="nope")) == [
        texts.ERRORS["credentials_wrong"]
    ]
    ceased = role("ceased_user")
    refused = post(client, "/accedi", nome_utente=ceased["username"], password=ceased["password"])
    assert errors(refused) == [texts.ERRORS["line_not_active"]]
    post(client, "/accedi", nome_utente=user["username"], password=user["password"])
    assert errors(post(client, "/accedi/codice", codice="000000x")) == [texts.ERRORS["code_wrong"]]
    assert sign_in(client, messages[0], user, user["password"]).headers["Location"].endswith("/area-clienti")
    assert "Gestione amministrativa" in client.get("/area-clienti").get_data(as_text=True)


def test_the_first_sign_in_with_a_temporary_password_forces_a_new_one(
    client: FlaskClient, messages: tuple[MessageStore, Path]
) -> None:
    user = role("temp_user")
    answer = sign_in(client, messages[0], user, user["password"])
    assert answer.headers["Location"].endswith("/accedi/nuova-password")
    assert client.get("/area-clienti").headers["Location"].endswith("/accedi/nuova-password")
    assert errors(post(client, "/accedi/nuova-password", nuova="corta1", conferma="corta1")) == [
        texts.ERRORS["password_weak"]
    ]
    assert (
        post(client, "/accedi/nuova-password", nuova="Nuova2026x", conferma="Nuova2026x").status_code == 302
    )
    changed = post(
        client,
        "/area-clienti/dati-personali",
        attuale="Nuova2026x",
        nuova="Altra2026y",
        conferma="Altra2026y",
    )
    assert notices(changed) == [texts.NOTICES["password_changed"]]
    post(client, "/accedi/esci")
    refused = post(client, "/accedi", nome_utente=user["username"], password=user["password"])
    assert errors(refused) == [texts.ERRORS["credentials_wrong"]]


def test_the_temporary_password_expires_after_five_days_of_the_qa_clock(client: FlaskClient) -> None:
    user = role("temp_user")
    headers = {"X-QA-Key": QA_KEY}
    assert client.post("/qa/orologio", json={"secondi": 4 * 86400}, headers=headers).status_code == 204
    assert post(client, "/accedi", nome_utente=user["username"], password=user["password"]).status_code == 302
    assert client.post("/qa/orologio", json={"secondi": 2 * 86400}, headers=headers).status_code == 204
    expired = post(client, "/accedi", nome_utente=user["username"], password=user["password"])
    assert errors(expired) == [texts.ERRORS["password_expired"]]
    assert client.post("/qa/stato", headers=headers).status_code == 204
    assert post(client, "/accedi", nome_utente=user["username"], password=user["password"]).status_code == 302


# --- recovery ---------------------------------------------------------------------------------------
def test_password_recovery_wants_username_fiscal_code_and_e_mail(
    client: FlaskClient, messages: tuple[MessageStore, Path]
) -> None:
    user = role("user")
    data = {
        "username": user["username"],
        "codice_fiscale": user["personal_fiscal_code"],
        "email": user["email"],
    }
    other = role("registrant")["personal_fiscal_code"]
    for wrong in ({"codice_fiscale": other}, {"email": "altro@valle-borea.example.org"}, {"email": ""}):
        refused = post(client, "/recupero-password", **(data | wrong))
        assert errors(refused) == [texts.ERRORS["recovery_data_unknown"]]
    sent = post(client, "/recupero-password", **data)
    assert notices(sent) == [texts.NOTICES["recovery_sent"]]
    recovered = re.search(
        r"Password di recupero: ([A-Za-z0-9]+)", last(messages[0], "email", user["email"]).body
    )
    assert recovered is not None
    assert (
        sign_in(client, messages[0], user, recovered.group(1)).headers["Location"].endswith("/area-clienti")
    )
    post(client, "/accedi/esci")
    assert sign_in(client, messages[0], user, user["password"]).status_code == 302, "the own one still works"


def test_username_recovery_wants_e_mail_fiscal_code_and_last_name(
    client: FlaskClient, messages: tuple[MessageStore, Path]
) -> None:
    user = role("user")
    data = {
        "email": user["email"],
        "codice_fiscale": user["personal_fiscal_code"],
        "cognome": user["last_name"],
    }
    assert errors(post(client, "/recupero-nome-utente", **(data | {"cognome": "Altro"}))) == [
        texts.ERRORS["recovery_data_unknown"]
    ]
    post(client, "/recupero-nome-utente", **data)
    assert f"del tuo profilo è {user['username']}" in last(messages[0], "email", user["email"]).body


# --- the QA API --------------------------------------------------------------------------------------
def test_the_qa_api_answers_204_and_wants_its_key(make_client: ClientFactory) -> None:
    client = make_client()
    assert client.post("/qa/stato").status_code == 403
    assert client.post("/qa/stato", headers={"X-QA-Key": "sbagliata"}).status_code == 403
    answer = client.post("/qa/stato", headers={"X-QA-Key": QA_KEY})
    assert answer.status_code == 204 and answer.data == b""
    for body in ({"secondi": -1}, {"secondi": "10"}, {"seconds": 10}, [10]):
        assert client.post("/qa/orologio", json=body, headers={"X-QA-Key": QA_KEY}).status_code == 400
    assert make_client(qa=False).post("/qa/stato", headers={"X-QA-Key": QA_KEY}).status_code == 404


# --- faults -----------------------------------------------------------------------------------------
def test_unknown_faults_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown faults: nessuno"):
        create_app({"FAULTS": ["nessuno"]})


def test_fault_sim_of_other_entity_accepted(make_client: ClientFactory) -> None:
    client = make_client("sim_of_other_entity_accepted")
    step1(client, role("entity")["codice_fiscale"])
    assert step2(client, role("other_entity_sim")["number"]).status_code == 302


def test_fault_registration_sms_from_portal_name(
    make_client: ClientFactory, messages: tuple[MessageStore, Path]
) -> None:
    client, sim = make_client("registration_sms_from_portal_name"), role("active_sim", 2)["number"]
    step1(client, role("entity")["codice_fiscale"])
    step2(client, sim)
    assert last(messages[0], "sms", sim).sender == "Borealis"


def test_fault_login_code_not_checked(make_client: ClientFactory) -> None:
    client, user = make_client("login_code_not_checked"), role("user")
    post(client, "/accedi", nome_utente=user["username"], password=user["password"])
    assert post(client, "/accedi/codice", codice="999999x").headers["Location"].endswith("/area-clienti")


def test_fault_password_recovery_ignores_fiscal_code(make_client: ClientFactory) -> None:
    client, user = make_client("password_recovery_ignores_fiscal_code"), role("user")
    other = role("registrant")["personal_fiscal_code"]
    sent = post(
        client, "/recupero-password", username=user["username"], codice_fiscale=other, email=user["email"]
    )
    assert notices(sent) == [texts.NOTICES["recovery_sent"]]


def test_every_fault_has_a_test() -> None:
    tested = {name.removeprefix("test_fault_") for name in globals() if name.startswith("test_fault_")}
    assert tested == set(FAULTS)
