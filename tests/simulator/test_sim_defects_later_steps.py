"""Defect switches of the later registration steps and of signing in: each changes what it names.

(The catalogue-wide checks and the earlier steps are in test_sim_defects.py.)
"""

from __future__ import annotations

from documents.tim_convenzione_mobile6.simulator import texts
from tests.simulator.sim_client import SimClient


def _error(sim: SimClient) -> str | None:
    assert sim.page is not None
    return sim.page.text("[data-testid=error]")


def test_otp_sms_wrong_sender(sim: SimClient) -> None:
    sim.step2()
    assert sim.messages(channel="sms")[-1]["sender"] == "40134"
    sim.submit({}, button="annulla")
    sim.set_defects("otp_sms_wrong_sender")
    sim.step2()
    assert sim.messages(channel="sms")[-1]["sender"] == "48900"
    sim.submit({}, button="annulla")
    sim.login_fully()  # the login SMS keeps its sender
    assert sim.messages(channel="sms")[-1]["sender"] == "40134"


def test_otp_accepted_without_space(sim: SimClient) -> None:
    number = sim.sim_number("active_sim")
    sim.step2()
    assert sim.submit({"otp": sim.last_code(number).replace(" ", "")}).name == "registration-otp"
    sim.set_defects("otp_accepted_without_space")
    assert sim.submit({"otp": sim.last_code(number).replace(" ", "")}).name == "registration-step3"


def test_username_accepts_17_chars(sim: SimClient) -> None:
    sim.through_otp()
    assert sim.submit({"username": "a" * 17}).text("[data-testid=error]") == texts.USERNAME_INVALID
    sim.set_defects("username_accepts_17_chars")
    assert sim.submit({"username": "a" * 18}).name == "registration-step3"
    assert sim.submit({"username": "a" * 17}).name == "registration-success"


def test_print_action_disabled(sim: SimClient) -> None:
    stampa = "[data-testid=action-stampa]"
    page = sim.through_otp()
    assert page.count(stampa) == 1 and page.attr(stampa, "disabled") is None
    sim.set_defects("print_action_disabled")
    assert sim.get("/cm6/registrazione").attr(stampa, "disabled") is not None


def test_cancel_keeps_registration(sim: SimClient) -> None:
    sim.step1()
    assert sim.submit({}, button="annulla").name == "public-home"
    assert sim.get("/cm6/registrazione").name == "registration-step1"
    sim.set_defects("cancel_keeps_registration")
    sim.step1()
    assert sim.submit({}, button="annulla").name == "public-home"
    assert sim.get("/cm6/registrazione").name == "registration-step2"


def test_confirmation_email_missing(sim: SimClient) -> None:
    sim.register(username="primoutente")
    assert len(sim.messages(channel="email")) == 1
    sim.set_defects("confirmation_email_missing")
    assert sim.register(username="secondoutente", sim_role="declared_sim").name == "registration-success"
    assert len(sim.messages(channel="email")) == 1


def test_retry_action_disabled(sim: SimClient) -> None:
    riprova = "[data-testid=action-riprova]"
    page = sim.register(sim_role="registered_sim")
    assert page.name == "registration-failure" and page.attr(riprova, "href")
    sim.set_defects("retry_action_disabled")
    page = sim.register(sim_role="registered_sim")
    assert page.name == "registration-failure" and page.attr(riprova, "aria-disabled") == "true"
    assert page.attr(riprova, "href") is None
    assert page.text("[data-testid=failure-reason]")


def test_temporary_password_never_expires(sim: SimClient) -> None:
    user = sim.role("temp_user")
    sim.advance(days=5)
    assert sim.login(user["username"], user["password"]).name == "login"
    sim.set_defects("temporary_password_never_expires")
    assert sim.login(user["username"], user["password"]).name == "login-otp"


def test_login_accepts_another_users_password(sim: SimClient) -> None:
    someone_else = sim.role("temp_user")["password"]
    assert sim.login("mrossi01", someone_else).name == "login"
    sim.set_defects("login_accepts_another_users_password")
    assert sim.login("mrossi01", someone_else).name == "login-otp"
    assert sim.login("mrossi01", "sbagliata").name == "login"  # a password nobody has stays wrong


def test_login_otp_to_contact_mobile(sim: SimClient) -> None:
    user = sim.role("user")
    sim.login(user["username"], user["password"])
    assert sim.messages(channel="sms")[-1]["to"] == sim.sim_number("registered_sim")
    sim.set_defects("login_otp_to_contact_mobile")
    sim.login(user["username"], user["password"])
    assert sim.messages(channel="sms")[-1]["to"] == user["contact_mobile"]


def test_login_ignores_ceased_sim(sim: SimClient) -> None:
    user = sim.role("ceased_user")
    assert sim.login(user["username"], user["password"]).name == "login"
    sim.set_defects("login_ignores_ceased_sim")
    assert sim.login(user["username"], user["password"]).name == "login-otp"


def test_old_password_valid_after_change(sim: SimClient) -> None:
    old = sim.role("user")["password"]
    sim.login_fully()
    sim.get("/cm6/area-privata/aggiorna-dati/dati-personali")
    fields = {"password_attuale": old, "nuova_password": "Cambiata123", "conferma_password": "Cambiata123"}
    assert sim.submit(fields, button="salva").text("[data-testid=notice]") == texts.PASSWORD_CHANGED
    assert sim.login("mrossi01", old).name == "login"
    sim.set_defects("old_password_valid_after_change")
    assert sim.login("mrossi01", old).name == "login-otp"
    assert sim.login("mrossi01", "altra").name == "login"


def _recover_password(sim: SimClient) -> str | None:
    user = sim.role("user")
    sim.get("/cm6/recupera-password")
    page = sim.submit({"username": user["username"], "codice_fiscale": user["personal_fiscal_code"]})
    return page.text("[data-testid=notice]")


def test_password_recovery_sends_nothing(sim: SimClient) -> None:
    assert _recover_password(sim) == texts.PASSWORD_RECOVERY_SENT
    assert len(sim.messages(channel="email")) == 1
    sim.set_defects("password_recovery_sends_nothing")
    assert _recover_password(sim) == texts.PASSWORD_RECOVERY_SENT
    assert len(sim.messages(channel="email")) == 1


def _recovered_username(sim: SimClient) -> str:
    user = sim.role("user")
    sim.get("/cm6/recupera-username")
    sim.submit({"email": user["email"], "codice_fiscale": user["personal_fiscal_code"]})
    body = sim.messages(channel="email")[-1]["body"]
    return str(body.split("la tua username è: ", 1)[1].split()[0])


def test_username_recovery_wrong_username(sim: SimClient) -> None:
    assert _recovered_username(sim) == "mrossi01"
    sim.set_defects("username_recovery_wrong_username")
    assert _recovered_username(sim) == "MROSSI01"


def test_cm5_users_must_register_again(sim: SimClient) -> None:
    user = sim.role("cm5_user")
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    sim.set_defects("cm5_users_must_register_again")
    page = sim.login(user["username"], user["password"])
    assert page.text("[data-testid=error]") == texts.CM5_MUST_REGISTER
    assert sim.login_fully("user").name == "private-home"  # CM6 users unaffected
