"""Defect switches of the Telekom portal's security (the security-baseline profile, SEC-01 to SEC-15):
each changes the behaviour where its bug lies; without it the portal does what the baseline asks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from documents.telekom_hu_business_login.simulator.security_bugs import LOGIN_ID_COOKIE
from simulator import security

from .portal_client import PREFIX, Browser, new_app, record

SELF_SERVICE = "/fiokom"


@pytest.fixture
def browser() -> Iterator[Browser]:
    for app in new_app():
        yield Browser(app.test_client())


def _password(browser: Browser, login: str, password: str) -> Browser:
    browser.get("/belepes").post("/belepes", lepes="azonosito", azonosito=login)
    return browser.post("/belepes", lepes="jelszo", jelszo=password)


def _code_page(browser: Browser, role: str = "business_user") -> tuple[dict[str, Any], str]:
    """The user past the password, and the code just sent."""
    user = record(role)
    assert _password(browser, user["login"], user["password"]).page == "login-code"
    return user, browser.sms(user["mobile"])[-1]


def _type(browser: Browser, code: str) -> Browser:
    return browser.post("/belepes", lepes="kod", kod=code)


def _signed_in(browser: Browser, role: str = "business_user") -> dict[str, Any]:
    user, code = _code_page(browser, role)
    assert _type(browser, code).page in ("self-service", "password-change")
    return user


def _ask_reset_code(browser: Browser, login: str) -> Browser:
    browser.get("/belepes").post("/belepes", lepes="azonosito", azonosito=login)
    return browser.get("/elfelejtett-jelszo").post("/elfelejtett-jelszo", lepes="csatorna", csatorna="email")


def test_login_code_reusable(browser: Browser) -> None:
    user, first = _code_page(browser)
    _password(browser, user["login"], user["password"])  # a newer code
    assert _type(browser, first).error == "code-wrong"
    browser.set_defects("mth_login_code_reusable")
    assert _type(browser, first).page == "self-service"


def test_login_code_never_expires(browser: Browser) -> None:
    _, code = _code_page(browser)
    browser.advance(minutes=10)
    assert _type(browser, code).error == "code-expired"
    browser.set_defects("mth_login_code_never_expires")
    assert _type(browser, code).page == "self-service"


def test_login_code_tries_unlimited(browser: Browser) -> None:
    _, code = _code_page(browser)
    for _ in range(security.OTP_MAX_FAILURES):
        _type(browser, "ZZZ ZZZ")
    assert _type(browser, code).error == "code-locked"
    browser.set_defects("mth_login_code_tries_unlimited")
    assert _type(browser, code).page == "self-service"


def test_login_codes_not_rate_limited(browser: Browser) -> None:
    user = record("business_user")
    for _ in range(security.OTP_MAX_ISSUED):
        assert _password(browser, user["login"], user["password"]).page == "login-code"
    assert _password(browser, user["login"], user["password"]).error == "too-many-codes"
    browser.set_defects("mth_login_codes_not_rate_limited")
    assert _password(browser, user["login"], user["password"]).error == ""
    assert len(browser.sms(user["mobile"])) == security.OTP_MAX_ISSUED + 1


def test_login_not_throttled(browser: Browser) -> None:
    user = record("business_user")
    for _ in range(10):
        if _password(browser, user["login"], "Rossz12345").error == "throttled":
            break
    assert _password(browser, user["login"], user["password"]).error == "throttled"
    browser.set_defects("mth_login_not_throttled")
    assert _password(browser, user["login"], user["password"]).page == "login-code"


def test_password_reset_replaces_password_at_once(browser: Browser) -> None:
    user = record("business_user")
    assert _ask_reset_code(browser, user["login"]).page == "password-reset-code"
    assert _password(browser, user["login"], user["password"]).page == "login-code"
    browser.set_defects("mth_password_reset_replaces_password_at_once")
    _ask_reset_code(browser, user["login"])
    assert _password(browser, user["login"], user["password"]).error == "credentials-wrong"


def test_login_tells_unknown_login_id(browser: Browser) -> None:
    unknown = "senki@" + record("business_user")["login"].split("@")[1]
    assert _password(browser, unknown, "Rossz12345").error == "credentials-wrong"
    browser.set_defects("mth_login_tells_unknown_login_id")
    assert _password(browser, unknown, "Rossz12345").error == "login-id-unknown"
    assert _password(browser, record("business_user")["login"], "Rossz12345").error == "credentials-wrong"


def test_password_reset_tells_unknown_login_id(browser: Browser) -> None:
    assert _ask_reset_code(browser, "senki@sehol").page == "password-reset-code"
    browser.set_defects("mth_password_reset_tells_unknown_login_id")
    page = _ask_reset_code(browser, "senki@sehol")
    assert (page.page, page.error) == ("password-reset", "login-id-unknown")
    assert _ask_reset_code(browser, record("business_user")["login"]).page == "password-reset-code"


def test_login_known_id_answers_slower(browser: Browser) -> None:
    # The bug's effect is time, which a unit test does not measure: here, that it changes no answer.
    browser.set_defects("mth_login_known_id_answers_slower")
    assert _password(browser, record("business_user")["login"], "Rossz12345").error == "credentials-wrong"
    assert "mth_login_known_id_answers_slower" in browser.control("GET", "defects/reached")


def test_session_id_kept_at_sign_in(browser: Browser) -> None:
    _, code = _code_page(browser)
    before = browser.cookie()
    assert _type(browser, code).page == "self-service" and browser.cookie() != before
    browser.set_defects("mth_session_id_kept_at_sign_in")
    _, code = _code_page(browser)
    before = browser.cookie()
    assert _type(browser, code).page == "self-service" and browser.cookie() == before


def test_logout_only_in_the_browser(browser: Browser) -> None:
    _signed_in(browser)
    old = browser.cookie()
    browser.set_defects("mth_logout_only_in_the_browser")
    browser.get(SELF_SERVICE).post("/kilepes")
    assert browser.cookie() is None
    browser.client.set_cookie(browser.client.application.config["SESSION_COOKIE_NAME"], old or "")
    assert browser.get(SELF_SERVICE).page == "self-service"


def test_login_id_cookie_readable_by_scripts(browser: Browser) -> None:
    _signed_in(browser)
    assert browser.cookie(LOGIN_ID_COOKIE) is None
    browser.set_defects("mth_login_id_cookie_readable_by_scripts")
    _signed_in(browser)
    assert browser.cookie(LOGIN_ID_COOKIE) == record("business_user")["login"]


def test_logout_without_csrf_check(browser: Browser) -> None:
    _signed_in(browser)
    assert browser.client.post(PREFIX + "/kilepes").status_code == 400
    browser.set_defects("mth_logout_without_csrf_check")
    assert browser.client.post(PREFIX + "/kilepes").status_code == 303


def test_self_service_framable(browser: Browser) -> None:
    _signed_in(browser)
    assert (
        "frame-ancestors 'none'"
        in browser.client.get(PREFIX + SELF_SERVICE).headers["Content-Security-Policy"]
    )
    browser.set_defects("mth_self_service_framable")
    headers = browser.client.get(PREFIX + SELF_SERVICE).headers
    assert "frame-ancestors" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "ALLOWALL"


def _code_shown(browser: Browser) -> str | None:
    found = browser.soup.select_one("input[name=kod]")
    return None if found is None else str(found.get("value"))


def test_login_code_prefilled(browser: Browser) -> None:
    user = record("business_user")
    assert _code_shown(_password(browser, user["login"], user["password"])) == ""
    browser.set_defects("mth_login_code_prefilled")
    assert _code_shown(_password(browser, user["login"], user["password"])) == browser.sms(user["mobile"])[-1]


def _password_shown(browser: Browser) -> str | None:
    found = browser.soup.select_one("input[name=jelszo]")
    return None if found is None else str(found.get("value"))


def test_password_page_echoes_password(browser: Browser) -> None:
    login = record("business_user")["login"]
    assert _password_shown(_password(browser, login, "Rossz-jelszo1")) == ""
    browser.set_defects("mth_password_page_echoes_password")
    assert _password_shown(_password(browser, login, "Rossz-jelszo1")) == "Rossz-jelszo1"


def test_temporary_password_never_expires(browser: Browser) -> None:
    user = record("temp_user")
    browser.advance(days=6)
    assert _password(browser, user["login"], user["password"]).error == "credentials-wrong"
    browser.set_defects("mth_temporary_password_never_expires")
    assert _password(browser, user["login"], user["password"]).page == "login-code"


def test_temporary_password_kept_once_used(browser: Browser) -> None:
    user = _signed_in(browser, "temp_user")
    browser.get(SELF_SERVICE).post("/kilepes")
    browser.advance(days=6)
    assert _password(browser, user["login"], user["password"]).error == "credentials-wrong"
    browser.set_defects("mth_temporary_password_kept_once_used")
    assert _password(browser, user["login"], user["password"]).page == "login-code"


def test_sessions_never_idle_out(browser: Browser) -> None:
    _signed_in(browser)
    browser.advance(minutes=31)
    assert browser.get(SELF_SERVICE).page == "login"
    _signed_in(browser)
    browser.set_defects("mth_sessions_never_idle_out")
    browser.advance(minutes=31)
    assert browser.get(SELF_SERVICE).page == "self-service"
