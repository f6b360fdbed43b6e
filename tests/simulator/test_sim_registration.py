"""The registration wizard, end to end, with its refusals."""

from __future__ import annotations

from documents.tim_convenzione_mobile6.simulator import texts
from tests.simulator.sim_client import SimClient


def _progress_current(sim: SimClient) -> str | None:
    assert sim.page is not None
    return sim.page.text("[data-testid=progress] [aria-current=step]")


def test_happy_path_to_email_and_login_with_otp(sim: SimClient) -> None:
    page = sim.step1()
    assert page.name == "registration-step2"
    assert page.text("[data-testid=page-title]") == "STEP 2/4: Dati personali"
    assert page.text("[data-testid=company-name]") == sim.role("entity")["name"]
    assert _progress_current(sim) == "RICONOSCIMENTO CLIENTE"

    business = sim.sim_number("active_sim")
    page = sim.submit(sim.personal_data())
    assert page.name == "registration-otp"
    assert page.text("[data-testid=page-title]") == "STEP 2/4: Dati personali"
    sms = sim.messages(channel="sms", to=business)
    assert len(sms) == 1 and sms[0]["sender"] == "40134"
    assert sms[0]["body"].startswith(
        "Il codice temporaneo da utilizzare per completare la tua registrazione al nostro sito e': "
    )
    assert sms[0]["body"].endswith(" Digita tutti i caratteri, spazio incluso.")

    page = sim.submit({"otp": sim.last_code(business)})
    assert page.name == "registration-step3"
    assert page.text("[data-testid=page-title]") == "STEP 3/4: Scelta username"
    assert _progress_current(sim) == "SCELTA USERNAME"
    assert page.one("[data-testid=action-stampa][data-print]") is not None  # wired by static print.js

    page = sim.submit({"username": "NuovoUtente16ch"})
    assert page.name == "registration-success"
    assert page.text("[data-testid=page-title]") == "STEP 4/4: Esito registrazione"
    assert _progress_current(sim) == "ESITO REGISTRAZIONE"
    assert page.text("[data-testid=notice]")
    assert page.count("[data-testid=menu-login]") == 1

    registrant = sim.role("registrant")
    emails = sim.messages(channel="email", to=registrant["email"])
    assert len(emails) == 1
    mail = emails[0]
    assert mail["sender"] == "convenzionemobile6@telecomitalia.it"
    assert mail["subject"] == (
        "Conferma Registrazione Portale della Convenzione di Telefonia Mobile 6 - Password Temporanea"
    )
    assert (
        "Ti ricordiamo di effettuare il primo login entro 5 giorni dalla ricezione della presente mail."
        in (mail["body"])
    )
    marker = "la tua nuova password temporanea per il Portale della Convenzione di Telefonia Mobile 6 è "
    password = mail["body"].split(marker, 1)[1].split(";", 1)[0]
    assert len(password) == 10 and password.isalnum()

    page = sim.login("NuovoUtente16ch", password)
    assert page.name == "login-otp"
    login_sms = sim.messages(channel="sms", to=business)[-1]
    assert login_sms["sender"] == "40134"
    assert login_sms["body"].startswith(
        "Il codice OTP per accedere al Portale della Convenzione di Telefonia Mobile 6 e': "
    )
    page = sim.submit({"otp": sim.last_code(business)}, button="accedi")
    assert page.name == "private-home"
    assert page.text("[data-testid=signed-in-user]") == "NuovoUtente16ch"


def test_registration_page_resumes_the_current_step(sim: SimClient) -> None:
    sim.step1()
    assert sim.get("/cm6/registrazione").name == "registration-step2"


def test_outcome_is_shown_once_then_a_new_registration_starts(sim: SimClient) -> None:
    assert sim.register().name == "registration-success"
    assert sim.get("/cm6/registrazione").name == "registration-step1"


def test_vat_number_kind_looks_up_the_partita_iva(sim: SimClient) -> None:
    entity = sim.role("entity")
    assert sim.step1(entity["partita_iva"], kind="piva").name == "registration-step2"
    sim.submit({}, button="annulla")
    page = sim.step1(entity["partita_iva"], kind="cf")  # a P.IVA is not the entity's codice fiscale
    assert page.name == "registration-step1"
    assert page.text("[data-testid=error]") == texts.ENTITY_UNKNOWN


def test_step1_refusals(sim: SimClient) -> None:
    personal = sim.role("registrant")["personal_fiscal_code"]
    cases = {
        personal: texts.PERSONAL_CF,
        "80000000000": texts.CF_INVALID,
        sim.role("outside_entity")["codice_fiscale"]: texts.ENTITY_OUTSIDE,
        "": texts.IDENTIFIER_MISSING,
    }
    for identifier, message in cases.items():
        page = sim.step1(identifier)
        assert page.name == "registration-step1"
        assert page.text("[data-testid=error]") == message
    page = sim.step1("123", kind="piva")
    assert page.text("[data-testid=error]") == texts.PIVA_INVALID


def test_step2_refusals(sim: SimClient) -> None:
    cases = {
        "numero_aziendale": (sim.sim_number("ceased_sim"), "cessata"),
        "email": ("", "Il campo eMail è obbligatorio."),
        "cellulare": ("0612345678", "non è un numero mobile italiano valido"),
        "codice_fiscale": (sim.role("entity")["codice_fiscale"], texts.PERSONAL_CF_INVALID),
    }
    for field, (value, message) in cases.items():
        page = sim.step2(**{field: value})
        assert page.name == "registration-step2", field
        assert message in (page.text("[data-testid=error]") or ""), field
        sim.submit({}, button="annulla")
    page = sim.step2(numero_aziendale=sim.sim_number("other_entity_sim"))
    assert "non appartiene" in (page.text("[data-testid=error]") or "")
    sim.submit({}, button="annulla")
    page = sim.step2(numero_aziendale=sim.sim_number("non_convention_sim"))
    assert "Convenzione Mobile 6" in (page.text("[data-testid=error]") or "")


def test_step2_requires_all_six_fields(sim: SimClient) -> None:
    page = sim.step1()
    page = sim.submit({})
    assert page.name == "registration-step2"
    assert len(page.soup.select("[data-testid=error] li")) == 6


def test_declared_sim_is_accepted(sim: SimClient) -> None:
    assert sim.step2(numero_aziendale=sim.sim_number("declared_sim")).name == "registration-otp"


def test_username_rules(sim: SimClient) -> None:
    assert sim.through_otp().name == "registration-step3"
    for bad in ("abc12", "a" * 17, "nome.utente", "nome utente"):
        page = sim.submit({"username": bad})
        assert page.name == "registration-step3", bad
        assert page.text("[data-testid=error]") == texts.USERNAME_INVALID
    assert sim.submit({"username": "abc123"}).name == "registration-success"


def test_line_already_registered_fails_with_retry(sim: SimClient) -> None:
    page = sim.register(sim_role="registered_sim")
    assert page.name == "registration-failure"
    number = sim.sim_number("registered_sim")
    assert page.text("[data-testid=failure-reason]") == texts.LINE_ALREADY_REGISTERED.format(number=number)
    assert sim.messages(channel="email") == []
    href = page.attr("[data-testid=action-riprova]", "href")
    assert href is not None
    assert sim.get(href).name == "registration-step1"


def test_username_taken_fails(sim: SimClient) -> None:
    page = sim.register(username=sim.role("user")["username"].upper())
    assert page.name == "registration-failure"
    assert "già utilizzata" in (page.text("[data-testid=failure-reason]") or "")


def test_cancel_discards_the_registration(sim: SimClient) -> None:
    assert sim.through_otp().name == "registration-step3"
    page = sim.submit({}, button="annulla")
    assert page.name == "public-home"
    assert sim.get("/cm6/registrazione").name == "registration-step1"


def test_stale_form_shows_the_current_step(sim: SimClient) -> None:
    sim.get("/cm6/registrazione")
    stale = sim.page
    sim.step1()
    sim.page = stale
    page = sim.submit({"identificativo": "x", "captcha": "PROVA"})
    assert page.name == "registration-step2"
    # shown afresh, not handled as a step-2 submission missing every field
    assert page.text("[data-testid=error]") is None
