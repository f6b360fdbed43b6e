"""The Borealis test portal itself, through Flask's test client: routes, CSRF, codes, the QA API, faults.

Messages are delivered for real to portalcert's own sinks (an SMS webhook and an SMTP server on
loopback), found through a sinks file as in a portalcert run.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from portalcert.control import Message
from portalcert.sinks.smtp import SmtpSink
from portalcert.sinks.store import MessageStore
from portalcert.sinks.webhook import SmsWebhookSink

from . import texts
from .app import create_app
from .faults import FAULTS

ACCOUNTS = json.loads((Path(__file__).parent / "accounts.json").read_text(encoding="utf-8"))
QA_KEY, CAPTCHA = "chiave-qa", "qa-captcha"
ClientFactory = Callable[..., FlaskClient]


def record(record_id: str) -> dict[str, Any]:
    sections = ("entities", "sims", "users", "people")
    return next(r for section in sections for r in ACCOUNTS[section] if r["id"] == record_id)


def role(name: str, index: int = 0) -> dict[str, Any]:
    ref = ACCOUNTS["accounts"][name]
    return record(ref[index] if isinstance(ref, list) else ref)


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[MessageStore, Path]]:
    store = MessageStore()
    with SmsWebhookSink(store) as sms, SmtpSink(store) as smtp:
        sinks = tmp_path_factory.mktemp("sinks") / "sinks.json"
        sinks.write_text(
            json.dumps({"sms": {"url": sms.url}, "email": {"host": "127.0.0.1", "port": smtp.port}})
        )
        yield store, sinks


@pytest.fixture
def make_client(messages: tuple[MessageStore, Path]) -> ClientFactory:
    def make(*faults: str, qa: bool = True) -> FlaskClient:
        config = {
            "SINKS_FILE": str(messages[1]),
            "FAULTS": faults,
            "QA_KEY": QA_KEY if qa else None,
            "CAPTCHA_TEST_VALUE": CAPTCHA,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # a real hash, a fast start
        }
        return create_app(config).test_client()

    return make


@pytest.fixture
def client(make_client: ClientFactory) -> FlaskClient:
    return make_client()


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
    return client.post(path, data={"_csrf": token, **form})


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
    assert client.post("/accedi", data={"_csrf": "forged", "nome_utente": "x"}).status_code == 400
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
