"""The Borealis test portal itself (Flask test client): its data set, CSRF, markup and registration.

Messages are delivered for real to portalcert's own sinks (an SMS webhook and an SMTP server on
loopback), found through a sinks file as in a portalcert run (conftest.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from portalcert.sinks.store import MessageStore

from . import security, texts
from .portal_client import (
    ACCOUNTS,
    CAPTCHA,
    errors,
    last,
    post,
    register_to_step3,
    role,
    step1,
    step2,
)


# --- the data set's quirks ---------------------------------------------------------------------------
def test_the_data_set_has_the_quirks_the_target_relies_on() -> None:
    company, public_body = role("entity"), role("other_entity")
    assert company["codice_fiscale"] == company["partita_iva"]
    assert public_body["partita_iva"] is None
    assert {s["status"] for s in ACCOUNTS["sims"]} == {"active", "ceased"}, "no 'declared' SIMs"
    assert "declared_sim" not in ACCOUNTS["accounts"]
    holders = {u["business_sim"] for u in ACCOUNTS["users"]}
    free = ACCOUNTS["accounts"]["active_sim"]
    assert len(free) >= 10 and not holders & set(free), "a pool of free SIMs for two runs without reset"
    assert len(ACCOUNTS["accounts"]["registrant"]) >= 6 and len(ACCOUNTS["accounts"]["temp_user"]) >= 2


# --- CSRF and markup ---------------------------------------------------------------------------------
def test_every_form_post_needs_the_session_token(client: FlaskClient) -> None:
    client.get("/accedi")
    refused = client.post("/accedi", data={"nome_utente": "x", "password": "y"})
    assert refused.status_code == 400 and texts.ERRORS["csrf"] in refused.get_data(as_text=True)
    assert client.post("/accedi", data={security.CSRF_FIELD: "forged", "nome_utente": "x"}).status_code == 400
    assert post(client, "/accedi", nome_utente="x", password="y").status_code == 422


def test_no_page_carries_simulator_markup(client: FlaskClient) -> None:
    for path in ("/", "/registrazione", "/accedi", "/recupero-password", "/recupero-nome-utente"):
        html = client.get(path).get_data(as_text=True)
        assert "data-testid" not in html and "data-page" not in html and "data-error" not in html


# --- registration -----------------------------------------------------------------------------------
def test_a_registration_from_step_1_to_the_e_mailed_temporary_password(
    client: FlaskClient, messages: tuple[MessageStore, Path]
) -> None:
    store, sim = messages[0], role("active_sim", 1)["number"]
    assert step1(client, role("entity")["partita_iva"], "partita-iva").status_code == 302, "P.IVA = CF works"
    assert step2(client, sim).status_code == 302
    sms = last(store, "sms", sim)
    assert sms.sender == "40134" and "spazio incluso" in sms.body
    code = re.search(r"il codice ([A-Z]+ [A-Z]+)\.", sms.body)
    assert code is not None
    wrong = post(client, "/registrazione/verifica", codice=code.group(1).replace(" ", ""))
    assert errors(wrong) == [texts.ERRORS["code_wrong"]]
    assert post(client, "/registrazione/verifica", codice=code.group(1)).status_code == 302
    assert errors(post(client, "/registrazione/nome-utente", nome_utente="mariòrossi")) == [
        texts.ERRORS["username_invalid"]
    ]
    done = post(client, "/registrazione/nome-utente", nome_utente="borealis01")
    assert done.headers["Location"].endswith("/registrazione/esito")
    assert "esito--positivo" in client.get("/registrazione/esito").get_data(as_text=True)
    mail = last(store, "email", role("registrant")["email"])
    assert mail.sender == texts.MAIL_SENDER and mail.subject == texts.MAIL_REGISTRATION_SUBJECT
    assert "entro 5 giorni" in mail.body and re.search(r"Password temporanea: [A-Za-z0-9]{10}", mail.body)


@pytest.mark.parametrize(
    ("identifier", "kind", "captcha", "error"),
    [
        ("record:entity:codice_fiscale", "codice-fiscale", "sbagliato", "captcha_wrong"),
        ("08360780591", "codice-fiscale", CAPTCHA, "fiscal_code_invalid"),
        ("08360780591", "partita-iva", CAPTCHA, "vat_number_invalid"),
        ("record:registrant:personal_fiscal_code", "codice-fiscale", CAPTCHA, "personal_fiscal_code"),
        ("record:outside_entity:codice_fiscale", "codice-fiscale", CAPTCHA, "entity_outside_convention"),
    ],
)
def test_step_1_refusals(client: FlaskClient, identifier: str, kind: str, captcha: str, error: str) -> None:
    if identifier.startswith("record:"):
        _, name, field = identifier.split(":")
        identifier = role(name)[field]
    assert errors(step1(client, identifier, kind, captcha)) == [texts.ERRORS[error]]


def test_a_public_body_without_partita_iva_registers_by_codice_fiscale(client: FlaskClient) -> None:
    assert step1(client, role("other_entity")["codice_fiscale"]).status_code == 302


@pytest.mark.parametrize(
    ("sim_role", "error"),
    [
        ("ceased_sim", "sim_not_active"),
        ("other_entity_sim", "sim_other_entity"),
        ("non_convention_sim", "sim_outside_convention"),
    ],
)
def test_step_2_refuses_the_wrong_sims(client: FlaskClient, sim_role: str, error: str) -> None:
    step1(client, role("entity")["codice_fiscale"])
    assert errors(step2(client, role(sim_role)["number"])) == [texts.ERRORS[error]]


def test_a_line_with_a_user_ends_in_a_negative_outcome_with_riprova(
    client: FlaskClient, messages: tuple[MessageStore, Path]
) -> None:
    register_to_step3(client, messages[0], role("registered_sim")["number"])
    assert post(client, "/registrazione/nome-utente", nome_utente="altroutente1").status_code == 302
    outcome = client.get("/registrazione/esito").get_data(as_text=True)
    assert texts.ERRORS["line_already_registered"] in outcome and ">Riprova</a>" in outcome


def test_steps_cannot_be_skipped_and_annulla_ends_the_registration(client: FlaskClient) -> None:
    assert client.get("/registrazione/dati").headers["Location"].endswith("/registrazione")
    step1(client, role("entity")["codice_fiscale"])
    assert client.get("/registrazione/dati").status_code == 200
    assert post(client, "/registrazione/annulla").headers["Location"].endswith("/")
    assert client.get("/registrazione/dati").status_code == 302


def test_the_captcha_picture_changes_only_with_a_new_code(client: FlaskClient) -> None:
    client.get("/registrazione")
    first = client.get("/registrazione/codice-grafico.svg")
    assert (
        first.mimetype == "image/svg+xml"
        and first.data == client.get("/registrazione/codice-grafico.svg").data
    )
    spoken = client.get("/registrazione/codice-grafico/lettura").get_json()["testo"]
    client.get("/registrazione/codice-grafico/nuovo")
    assert client.get("/registrazione/codice-grafico.svg").data != first.data
    assert client.get("/registrazione/codice-grafico/lettura").get_json()["testo"] != spoken
