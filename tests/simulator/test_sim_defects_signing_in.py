"""Defect switches of signing in, recovery and Convenzione 5 users (CM6-22 to CM6-29)."""

from __future__ import annotations

from documents.tim_convenzione_mobile6.simulator import texts
from tests.simulator.sim_client import SimClient

ERROR = "[data-testid=error]"
BOTTOM = "[data-testid=login-box] [data-testid=login-box-bottom]"


def test_temporary_password_lifetime_3_days(sim: SimClient) -> None:
    user = sim.role("temp_user")
    sim.advance(days=4)
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    sim.set_defects("temporary_password_lifetime_3_days")
    page = sim.login(user["username"], user["password"])
    assert page.text(ERROR) == texts.TEMPORARY_PASSWORD_EXPIRED


def test_password_extra_characters_ignored(sim: SimClient) -> None:
    user = sim.role("user")
    assert sim.login(user["username"], user["password"] + "X9").text(ERROR) == texts.LOGIN_WRONG
    sim.set_defects("password_extra_characters_ignored")
    assert sim.login(user["username"], user["password"] + "X9").name == "login-otp"
    assert sim.login(user["username"], user["password"][:-1]).text(ERROR) == texts.LOGIN_WRONG


def test_login_code_page_shows_error(sim: SimClient) -> None:
    user = sim.role("user")
    assert sim.login(user["username"], user["password"]).count(ERROR) == 0
    sim.set_defects("login_code_page_shows_error")
    page = sim.login(user["username"], user["password"])
    assert page.name == "login-otp" and page.text(ERROR) == texts.OTP_WRONG
    sim_number = next(s["number"] for s in sim.data["sims"] if s["id"] == user["business_sim"])
    assert sim.submit({"otp": sim.last_code(sim_number)}, button="accedi").name == "private-home"


def test_login_code_not_checked(sim: SimClient) -> None:
    user = sim.role("user")
    sim.login(user["username"], user["password"])
    assert sim.submit({"otp": "QQQZ ZZZQ"}, button="accedi").text(ERROR) == texts.OTP_WRONG
    sim.set_defects("login_code_not_checked")
    assert sim.submit({"otp": "QQQZ ZZZQ"}, button="accedi").name == "private-home"


def test_password_recovery_link_at_top(sim: SimClient) -> None:
    assert sim.get("/cm6/login").count(f"{BOTTOM} [data-testid=link-recupera-password]") == 1
    sim.set_defects("password_recovery_link_at_top")
    page = sim.get("/cm6/login")
    assert page.count(f"{BOTTOM} [data-testid=link-recupera-password]") == 0
    assert page.count("[data-testid=login-box] [data-testid=link-recupera-password]") == 1
    assert page.count(f"{BOTTOM} [data-testid=link-recupera-username]") == 1


def test_username_recovery_link_at_top(sim: SimClient) -> None:
    assert sim.get("/cm6/login").count(f"{BOTTOM} [data-testid=link-recupera-username]") == 1
    sim.set_defects("username_recovery_link_at_top")
    page = sim.get("/cm6/login")
    assert page.count(f"{BOTTOM} [data-testid=link-recupera-username]") == 0
    assert page.count("[data-testid=login-box] [data-testid=link-recupera-username]") == 1


def test_password_recovery_ignores_fiscal_code(sim: SimClient) -> None:
    user, stranger = sim.role("user"), sim.role("registrant")
    fields = {"username": user["username"], "codice_fiscale": stranger["personal_fiscal_code"]}
    sim.get("/cm6/recupera-password")
    assert sim.submit(fields).text(ERROR) == texts.RECOVERY_UNKNOWN
    sim.set_defects("password_recovery_ignores_fiscal_code")
    assert sim.submit(fields).text("[data-testid=notice]") == texts.PASSWORD_RECOVERY_SENT


def test_username_recovery_ignores_fiscal_code(sim: SimClient) -> None:
    user, stranger = sim.role("user"), sim.role("registrant")
    fields = {"email": user["email"], "codice_fiscale": stranger["personal_fiscal_code"]}
    sim.get("/cm6/recupera-username")
    assert sim.submit(fields).text(ERROR) == texts.RECOVERY_UNKNOWN
    sim.set_defects("username_recovery_ignores_fiscal_code")
    assert sim.submit(fields).text("[data-testid=notice]") == texts.USERNAME_RECOVERY_SENT


def test_cm5_users_skip_line_check(sim: SimClient) -> None:
    outside = sim.role("cm5_user_outside")
    assert sim.login(outside["username"], outside["password"]).text(ERROR) == texts.LINE_NOT_ACTIVE
    sim.set_defects("cm5_users_skip_line_check")
    assert sim.login(outside["username"], outside["password"]).name == "login-otp"
    ceased = sim.role("ceased_user")  # a CM6 user's line is still checked
    assert sim.login(ceased["username"], ceased["password"]).text(ERROR) == texts.LINE_NOT_ACTIVE
