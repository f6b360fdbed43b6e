"""Defect switches of the TIS portal's security (the security-baseline profile): each changes the
behaviour where its bug lies; without it the portal does what the baseline asks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from documents.tim_impresa_semplice.simulator.security_bugs import USERNAME_COOKIE

from .portal_client import PREFIX, Browser, legal_representative, new_app

PRIVATE_HOME = "/area-clienti"
UNKNOWN = "nessuno.zq@ioppi-trupiano-group.example.org"


@pytest.fixture
def browser() -> Iterator[Browser]:
    for app in new_app():
        yield Browser(app.test_client())


@pytest.fixture
def rl() -> dict[str, Any]:
    return legal_representative()


def _sign_in(browser: Browser, username: str, password: str) -> Browser:
    return browser.get("/login").post("/login", username=username, password=password, azione="accedi")


def _signed_in(browser: Browser, rl: dict[str, Any]) -> None:
    assert _sign_in(browser, rl["username"], rl["password"]).page == "private-home"


def _recover(browser: Browser, username: str) -> Browser:
    return browser.get("/recupera-password").post("/recupera-password", username=username, azione="invia")


def _resend(browser: Browser, email: str) -> Browser:
    return browser.get("/reinvio-email").post("/reinvio-email", email=email, azione="invia")


def test_login_not_throttled(browser: Browser, rl: dict[str, Any]) -> None:
    for _ in range(10):
        if _sign_in(browser, rl["username"], "Sbagliata123").error == "throttled":
            break
    assert _sign_in(browser, rl["username"], rl["password"]).error == "throttled"
    browser.set_defects("tis_login_not_throttled")
    assert _sign_in(browser, rl["username"], rl["password"]).page == "private-home"


def test_recovery_replaces_password_at_once(browser: Browser, rl: dict[str, Any]) -> None:
    assert _recover(browser, rl["username"]).error == ""
    assert _sign_in(browser, rl["username"], rl["password"]).page == "private-home"
    browser.set_defects("tis_recovery_replaces_password_at_once")
    _recover(browser, rl["username"])
    assert _sign_in(browser, rl["username"], rl["password"]).error == "credentials-wrong"


def test_login_tells_unknown_username(browser: Browser, rl: dict[str, Any]) -> None:
    assert _sign_in(browser, UNKNOWN, "Sbagliata123").error == "credentials-wrong"
    browser.set_defects("tis_login_tells_unknown_username")
    assert _sign_in(browser, UNKNOWN, "Sbagliata123").error == "username-unknown"
    assert _sign_in(browser, rl["username"], "Sbagliata123").error == "credentials-wrong"


def test_recovery_tells_unknown_username(browser: Browser, rl: dict[str, Any]) -> None:
    assert (_recover(browser, UNKNOWN).page, _recover(browser, UNKNOWN).error) == ("password-recovery", "")
    browser.set_defects("tis_recovery_tells_unknown_username")
    assert _recover(browser, UNKNOWN).error == "username-unknown"
    assert _recover(browser, rl["username"]).error == ""


def test_resend_tells_account_state(browser: Browser, rl: dict[str, Any]) -> None:
    assert _resend(browser, UNKNOWN).error == _resend(browser, rl["email"]).error == "not-registered"
    browser.set_defects("tis_resend_tells_account_state")
    assert _resend(browser, UNKNOWN).error == "email-unknown"
    assert _resend(browser, rl["email"]).error == "already-active"


def test_login_known_username_answers_slower(browser: Browser, rl: dict[str, Any]) -> None:
    # The bug's effect is time, which a unit test does not measure: here, that it changes no answer.
    browser.set_defects("tis_login_known_username_answers_slower")
    assert _sign_in(browser, rl["username"], "Sbagliata123").error == "credentials-wrong"
    assert "tis_login_known_username_answers_slower" in browser.control("GET", "defects/reached")


def test_session_id_kept_at_sign_in(browser: Browser, rl: dict[str, Any]) -> None:
    browser.get("/login")
    before = browser.cookie()
    _signed_in(browser, rl)
    assert browser.cookie() != before
    browser.get(PRIVATE_HOME).post("/logout")
    browser.set_defects("tis_session_id_kept_at_sign_in")
    browser.get("/login")
    before = browser.cookie()
    _signed_in(browser, rl)
    assert browser.cookie() == before


def test_logout_only_in_the_browser(browser: Browser, rl: dict[str, Any]) -> None:
    _signed_in(browser, rl)
    old = browser.cookie()
    browser.set_defects("tis_logout_only_in_the_browser")
    browser.get(PRIVATE_HOME).post("/logout")
    assert browser.cookie() is None
    browser.client.set_cookie(browser.client.application.config["SESSION_COOKIE_NAME"], old or "")
    assert browser.get(PRIVATE_HOME).page == "private-home"


def test_logout_ends_the_session_on_the_portal(browser: Browser, rl: dict[str, Any]) -> None:
    _signed_in(browser, rl)
    old = browser.cookie()
    browser.get(PRIVATE_HOME).post("/logout")
    browser.client.set_cookie(browser.client.application.config["SESSION_COOKIE_NAME"], old or "")
    assert browser.get(PRIVATE_HOME).page == "login"


def test_username_cookie_readable_by_scripts(browser: Browser, rl: dict[str, Any]) -> None:
    _signed_in(browser, rl)
    assert browser.cookie(USERNAME_COOKIE) is None
    browser.set_defects("tis_username_cookie_readable_by_scripts")
    _signed_in(browser, rl)
    assert browser.cookie(USERNAME_COOKIE) == rl["username"]


def test_logout_without_csrf_check(browser: Browser, rl: dict[str, Any]) -> None:
    _signed_in(browser, rl)
    assert browser.client.post(PREFIX + "/logout").status_code == 400
    browser.set_defects("tis_logout_without_csrf_check")
    assert browser.client.post(PREFIX + "/logout").status_code == 303


def test_area_clienti_framable(browser: Browser, rl: dict[str, Any]) -> None:
    _signed_in(browser, rl)
    policy = browser.client.get(PREFIX + PRIVATE_HOME).headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    browser.set_defects("tis_area_clienti_framable")
    headers = browser.client.get(PREFIX + PRIVATE_HOME).headers
    assert "frame-ancestors" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "ALLOWALL"


def test_login_echoes_password(browser: Browser, rl: dict[str, Any]) -> None:
    assert _sign_in(browser, rl["username"], "Sbagliata123").field("password") == ""
    browser.set_defects("tis_login_echoes_password")
    assert _sign_in(browser, rl["username"], "Sbagliata123").field("password") == "Sbagliata123"


def test_sessions_never_idle_out(browser: Browser, rl: dict[str, Any]) -> None:
    _signed_in(browser, rl)
    browser.advance(minutes=31)
    assert browser.get(PRIVATE_HOME).page == "login"
    browser.set_defects("tis_sessions_never_idle_out")
    _signed_in(browser, rl)
    browser.advance(minutes=31)
    assert browser.get(PRIVATE_HOME).page == "private-home"
