"""Login, session renewal, private area, password change, recovery."""

from __future__ import annotations

import pytest
import werkzeug.security

from documents.tim_convenzione_mobile6.simulator import texts
from simulator import security
from tests.simulator.sim_client import SimClient


def test_login_renews_the_session_id(sim: SimClient) -> None:
    user = sim.role("user")
    sim.login(user["username"], user["password"])
    before = sim.cookie()
    assert before is not None
    page = sim.submit({"otp": sim.last_code(sim.sim_number("registered_sim"))}, button="accedi")
    assert page.name == "private-home"
    after = sim.cookie()
    assert after is not None and after != before
    # the old id no longer opens the private area
    sim.client.set_cookie(sim.app.config["SESSION_COOKIE_NAME"], before)
    assert sim.get("/cm6/area-privata").name == "login"


def test_private_area_requires_login_and_logout_ends_it(sim: SimClient) -> None:
    assert sim.get("/cm6/area-privata").name == "login"
    page = sim.login_fully()
    assert page.count("[data-testid=menu-registrati]") == 0
    button = page.one("[data-testid=band-top] [data-testid=menu] [data-testid=action-logout]")
    assert button is not None
    form = button.find_parent("form")
    assert form is not None and form["action"] == "/cm6/logout"
    assert sim.client.post("/cm6/logout", data={"csrf_token": page.csrf}).status_code == 303
    assert sim.get("/cm6/area-privata").name == "login"
    assert sim.get("/cm6/").count("[data-testid=menu-registrati]") == 1


def test_wrong_password_and_unknown_user_are_refused(sim: SimClient) -> None:
    assert sim.login("mrossi01", "wrong").text("[data-testid=error]") == texts.LOGIN_WRONG
    assert sim.login("nobody", "Password123").text("[data-testid=error]") == texts.LOGIN_WRONG
    assert sim.messages(channel="sms") == []


def test_temporary_password_expires_after_five_days(sim: SimClient) -> None:
    user = sim.role("temp_user")
    sim.advance(days=4, hours=23)
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    sim.advance(hours=1)
    page = sim.login(user["username"], user["password"])
    assert page.name == "login"
    assert page.text("[data-testid=error]") == texts.TEMPORARY_PASSWORD_EXPIRED


def test_user_with_ceased_line_is_refused(sim: SimClient) -> None:
    user = sim.role("ceased_user")
    assert sim.login(user["username"], user["password"]).text("[data-testid=error]") == texts.LINE_NOT_ACTIVE


def test_convenzione5_users(sim: SimClient) -> None:
    assert sim.login_fully("cm5_user").name == "private-home"
    outside = sim.role("cm5_user_outside")
    page = sim.login(outside["username"], outside["password"])
    assert page.text("[data-testid=error]") == texts.LINE_NOT_ACTIVE


def _open_personal_data(sim: SimClient) -> None:
    page = sim.login_fully()
    page = sim.get(page.attr("[data-testid=menu-gestione-amministrativa]", "href") or "")
    assert page.name == "administration"
    page = sim.get(page.attr("[data-testid=link-aggiorna-dati]", "href") or "")
    assert page.name == "update-your-data"
    page = sim.get(page.attr("[data-testid=link-dati-personali]", "href") or "")
    assert page.name == "personal-data"


def _change(sim: SimClient, current: str, new: str, confirm: str | None = None) -> str | None:
    fields = {"password_attuale": current, "nuova_password": new, "conferma_password": confirm or new}
    page = sim.submit(fields, button="salva")
    assert page.name == "personal-data"
    return page.text("[data-testid=notice]") or page.text("[data-testid=error]")


def test_password_change_rules_and_effect(sim: SimClient) -> None:
    old = sim.role("user")["password"]
    _open_personal_data(sim)
    assert _change(sim, "wrong", "Nuova12345") == texts.PASSWORD_CURRENT_WRONG
    assert _change(sim, old, "Nuova12345", "Nuova12346") == texts.PASSWORD_MISMATCH
    assert _change(sim, old, "short1") == texts.PASSWORD_WEAK
    assert _change(sim, old, "onlyletters") == texts.PASSWORD_WEAK
    assert _change(sim, old, "Nuova12345") == texts.PASSWORD_CHANGED
    assert sim.login("mrossi01", old).text("[data-testid=error]") == texts.LOGIN_WRONG
    assert sim.login("mrossi01", "Nuova12345").name == "login-otp"


def test_changed_temporary_password_is_permanent(sim: SimClient) -> None:
    user = sim.role("temp_user")
    sim.login(user["username"], user["password"])
    sim.submit({"otp": sim.last_code("3331000007")}, button="accedi")
    sim.get("/cm6/area-privata/aggiorna-dati/dati-personali")
    assert _change(sim, user["password"], "Permanente1") == texts.PASSWORD_CHANGED
    sim.advance(days=30)
    assert sim.login(user["username"], "Permanente1").name == "login-otp"


def test_login_links_to_recovery_at_the_bottom_of_the_box(sim: SimClient) -> None:
    page = sim.get("/cm6/login")
    bottom = "[data-testid=login-box] [data-testid=login-box-bottom]"
    assert page.text(f"{bottom} [data-testid=link-recupera-password]") == "RECUPERA PASSWORD"
    assert page.text(f"{bottom} [data-testid=link-recupera-username]") == "RECUPERA USERNAME"


def test_password_recovery_sends_a_new_temporary_password(sim: SimClient) -> None:
    user = sim.role("user")
    sim.get("/cm6/recupera-password")
    page = sim.submit({"username": user["username"], "codice_fiscale": "RSSMRA85T10A562X"})
    assert page.text("[data-testid=error]") == texts.RECOVERY_UNKNOWN
    page = sim.submit({"username": user["username"], "codice_fiscale": user["personal_fiscal_code"].lower()})
    assert (page.text("[data-testid=notice]") or "").startswith("Ti abbiamo inviato un'email")
    mail = sim.messages(channel="email", to=user["email"])[-1]
    assert mail["subject"].startswith("Recupero password")
    password = mail["body"].split("Mobile 6 è ", 1)[1].split(";", 1)[0]
    assert sim.login(user["username"], password).name == "login-otp"
    assert sim.login(user["username"], user["password"]).name == "login"


def test_username_recovery_sends_the_username(sim: SimClient) -> None:
    user = sim.role("user")
    sim.get("/cm6/recupera-username")
    page = sim.submit({"email": "nobody@example.it", "codice_fiscale": user["personal_fiscal_code"]})
    assert page.text("[data-testid=error]") == texts.RECOVERY_UNKNOWN
    page = sim.submit({"email": user["email"].upper(), "codice_fiscale": user["personal_fiscal_code"]})
    assert page.text("[data-testid=notice]") == texts.USERNAME_RECOVERY_SENT
    mail = sim.messages(channel="email", to=user["email"])[-1]
    assert f"la tua username è: {user['username']}" in mail["body"]


def test_unknown_username_costs_one_cheap_password_check(
    sim: SimClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []
    hashed: list[str] = []
    real_check, real_hash = werkzeug.security.check_password_hash, werkzeug.security.generate_password_hash

    def counting_check(pwhash: str, password: str) -> bool:
        checked.append(password)
        return real_check(pwhash, password)

    def counting_hash(password: str, method: str = "scrypt", salt_length: int = 16) -> str:
        hashed.append(password)
        return real_hash(password, method=method, salt_length=salt_length)

    monkeypatch.setattr(security, "check_password_hash", counting_check)
    monkeypatch.setattr(security, "generate_password_hash", counting_hash)
    # a known name with a wrong password costs one check; an unknown name must cost the same
    assert sim.login("mrossi01", "Sbagliata1").text("[data-testid=error]") == texts.LOGIN_WRONG
    assert checked == ["Sbagliata1"]
    for name in ("nessuno01", "nessuno02", "nessuno03"):
        assert sim.login(name, "Sbagliata1").text("[data-testid=error]") == texts.LOGIN_WRONG
    assert checked == ["Sbagliata1"] * 4
    assert len(hashed) <= 1  # one dummy hash, computed once and reused
