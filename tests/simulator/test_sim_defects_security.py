"""Defect switches of the CM6 portal's security (the security-baseline profile, SEC-01 to SEC-13)."""

from __future__ import annotations

from typing import Any

from documents.tim_convenzione_mobile6.simulator import texts
from documents.tim_convenzione_mobile6.simulator.security_bugs import USERNAME_COOKIE
from tests.simulator.sim_client import Page, SimClient

ERROR = "[data-testid=error]"
PRIVATE = "/cm6/area-privata"


def _number(sim: SimClient, user: dict[str, Any]) -> str:
    return str(next(s["number"] for s in sim.data["sims"] if s["id"] == user["business_sim"]))


def _code_page(sim: SimClient) -> tuple[dict[str, Any], str]:
    """The user past the password, and the code just sent."""
    user = sim.role("user")
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    return user, sim.last_code(_number(sim, user))


def _type(sim: SimClient, code: str) -> Page:
    return sim.submit({"otp": code}, button="accedi")


def test_login_code_reusable(sim: SimClient) -> None:
    user, first = _code_page(sim)
    assert sim.login(user["username"], user["password"]).name == "login-otp"  # a newer code
    assert _type(sim, first).name == "login-otp"
    sim.set_defects("login_code_reusable")
    assert _type(sim, first).name == "private-home"


def test_login_code_never_expires(sim: SimClient) -> None:
    _, code = _code_page(sim)
    sim.advance(minutes=10)
    assert _type(sim, code).text(ERROR) == texts.OTP_EXPIRED
    sim.set_defects("login_code_never_expires")
    assert _type(sim, code).name == "private-home"


def test_login_code_tries_unlimited(sim: SimClient) -> None:
    _, code = _code_page(sim)
    for _ in range(5):
        _type(sim, "ACE ACE")
    assert _type(sim, code).name == "login-otp"
    sim.set_defects("login_code_tries_unlimited")
    assert _type(sim, code).name == "private-home"


def test_login_codes_not_rate_limited(sim: SimClient) -> None:
    user = sim.role("user")
    for _ in range(5):
        assert sim.login(user["username"], user["password"]).name == "login-otp"
    assert sim.login(user["username"], user["password"]).text(ERROR) == texts.TOO_MANY_CODES
    sim.set_defects("login_codes_not_rate_limited")
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    assert len(sim.messages(channel="sms", to=_number(sim, user))) == 6


def test_login_not_throttled(sim: SimClient) -> None:
    user = sim.role("user")
    for _ in range(5):
        sim.login(user["username"], "sbagliata1")
    assert sim.login(user["username"], user["password"]).text(ERROR) == texts.LOGIN_THROTTLED
    sim.set_defects("login_not_throttled")
    assert sim.login(user["username"], user["password"]).name == "login-otp"


def _recover(sim: SimClient, username: str, fiscal_code: str) -> Page:
    sim.get("/cm6/recupera-password")
    return sim.submit({"username": username, "codice_fiscale": fiscal_code}, button="")


def _fiscal_code(sim: SimClient, user: dict[str, Any]) -> str:
    return str(user["personal_fiscal_code"])


def test_password_recovery_replaces_password_at_once(sim: SimClient) -> None:
    user = sim.role("user")
    _recover(sim, user["username"], _fiscal_code(sim, user))
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    sim.set_defects("password_recovery_replaces_password_at_once")
    _recover(sim, user["username"], _fiscal_code(sim, user))
    assert sim.login(user["username"], user["password"]).text(ERROR) == texts.LOGIN_WRONG


def test_login_tells_unknown_username(sim: SimClient) -> None:
    assert sim.login("nessuno9", "sbagliata1").text(ERROR) == texts.LOGIN_WRONG
    sim.set_defects("login_tells_unknown_username")
    assert sim.login("nessuno9", "sbagliata1").text(ERROR) == texts.LOGIN_UNKNOWN_USERNAME
    user = sim.role("user")
    assert sim.login(user["username"], "sbagliata1").text(ERROR) == texts.LOGIN_WRONG


def test_password_recovery_tells_unknown_username(sim: SimClient) -> None:
    user = sim.role("user")
    assert _recover(sim, "nessuno9", _fiscal_code(sim, user)).text(ERROR) == texts.RECOVERY_UNKNOWN
    sim.set_defects("password_recovery_tells_unknown_username")
    page = _recover(sim, "nessuno9", _fiscal_code(sim, user))
    assert page.text(ERROR) == texts.RECOVERY_UNKNOWN_USERNAME
    assert _recover(sim, user["username"], "RSSMRA80A01H501U").text(ERROR) == texts.RECOVERY_UNKNOWN


def test_login_known_username_answers_slower(sim: SimClient) -> None:
    # The bug's effect is time, which a unit test does not measure: here, that it changes no answer.
    user = sim.role("user")
    sim.set_defects("login_known_username_answers_slower")
    assert sim.login(user["username"], "sbagliata1").text(ERROR) == texts.LOGIN_WRONG
    assert "login_known_username_answers_slower" in sim.control("GET", "defects/reached").get_data(True)


def test_session_id_kept_at_sign_in(sim: SimClient) -> None:
    _, code = _code_page(sim)
    before = sim.cookie()
    assert _type(sim, code).name == "private-home" and sim.cookie() != before
    sim.get("/cm6/login")
    sim.set_defects("session_id_kept_at_sign_in")
    _, code = _code_page(sim)
    before = sim.cookie()
    assert _type(sim, code).name == "private-home" and sim.cookie() == before


def test_logout_only_in_the_browser(sim: SimClient) -> None:
    sim.login_fully()
    old = sim.cookie()
    sim.set_defects("logout_only_in_the_browser")
    sim.client.post("/cm6/logout", data={"csrf_token": sim.get(PRIVATE).csrf})
    assert sim.cookie() is None
    sim.client.set_cookie(sim.app.config["SESSION_COOKIE_NAME"], old or "")
    assert sim.get(PRIVATE).name == "private-home"


def test_username_cookie_readable_by_scripts(sim: SimClient) -> None:
    sim.login_fully()
    assert sim.client.get_cookie(USERNAME_COOKIE) is None
    sim.get("/cm6/login")
    sim.set_defects("username_cookie_readable_by_scripts")
    sim.login_fully()
    assert sim.client.get_cookie(USERNAME_COOKIE) is not None


def test_logout_without_csrf_check(sim: SimClient) -> None:
    sim.login_fully()
    assert sim.client.post("/cm6/logout").status_code == 400
    sim.set_defects("logout_without_csrf_check")
    assert sim.client.post("/cm6/logout").status_code == 303


def test_private_area_framable(sim: SimClient) -> None:
    sim.login_fully()
    assert "frame-ancestors 'none'" in sim.client.get(PRIVATE).headers["Content-Security-Policy"]
    sim.set_defects("private_area_framable")
    headers = sim.client.get(PRIVATE).headers
    assert "frame-ancestors" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "ALLOWALL"


def test_login_page_echoes_password(sim: SimClient) -> None:
    user = sim.role("user")
    assert sim.login(user["username"], "sbagliata1").attr("input[name=password]", "value") == ""
    sim.set_defects("login_page_echoes_password")
    assert sim.login(user["username"], "sbagliata1").attr("input[name=password]", "value") == "sbagliata1"


def test_temporary_password_kept_once_used(sim: SimClient) -> None:
    user = sim.role("temp_user")
    sim.login_fully("temp_user")
    sim.advance(days=6)
    assert sim.login(user["username"], user["password"]).text(ERROR) == texts.TEMPORARY_PASSWORD_EXPIRED
    sim.control("POST", "reset")
    sim.set_defects("temporary_password_kept_once_used")
    sim.login_fully("temp_user")
    sim.advance(days=6)
    assert sim.login(user["username"], user["password"]).name == "login-otp"


def test_sessions_never_idle_out(sim: SimClient) -> None:
    sim.login_fully()
    sim.advance(minutes=31)
    assert sim.get(PRIVATE).name == "login"
    sim.login_fully()
    sim.set_defects("sessions_never_idle_out")
    sim.advance(minutes=31)
    assert sim.get(PRIVATE).name == "private-home"


def _leave_registration(sim: SimClient) -> None:
    sim.get("/cm6/registrazione")
    assert sim.submit({}, button="annulla").name == "public-home"


def test_registration_tells_registered_line(sim: SimClient) -> None:
    registered = sim.sim_number("registered_sim")
    assert sim.step2(numero_aziendale=registered).name == "registration-otp"
    _leave_registration(sim)
    sim.set_defects("registration_tells_registered_line")
    page = sim.step2(numero_aziendale=registered)
    assert page.name == "registration-step2" and page.one("[data-error=line-already-registered]")
    assert sim.step2().name == "registration-otp"  # a free line is answered as before


def test_registration_codes_spend_login_budget(sim: SimClient) -> None:
    user = sim.role("user")

    def register_the_users_line() -> None:
        for _ in range(5):  # the visitor's whole share of the line
            assert sim.step2(numero_aziendale=_number(sim, user)).name == "registration-otp"
            _leave_registration(sim)

    register_the_users_line()
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    sim.control("POST", "reset")
    sim.set_defects("registration_codes_spend_login_budget")
    register_the_users_line()
    assert sim.login(user["username"], user["password"]).text(ERROR) == texts.TOO_MANY_CODES


def _change_password(sim: SimClient, current: str) -> Page:
    sim.get("/cm6/area-privata/aggiorna-dati/dati-personali")
    new = {"nuova_password": "Nuova12345", "conferma_password": "Nuova12345"}
    return sim.submit({"password_attuale": current, **new}, button="salva")


def test_session_id_kept_at_password_change(sim: SimClient) -> None:
    user = sim.role("user")
    sim.login_fully()
    before = sim.cookie()
    assert _change_password(sim, user["password"]).text("[data-testid=notice]") == texts.PASSWORD_CHANGED
    assert sim.cookie() != before and sim.get(PRIVATE).name == "private-home"
    sim.set_defects("session_id_kept_at_password_change")
    before = sim.cookie()
    assert _change_password(sim, "Nuova12345").text("[data-testid=notice]") == texts.PASSWORD_CHANGED
    assert sim.cookie() == before
