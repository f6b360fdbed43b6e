"""Defect switches of the myBusiness portal's security (the security-baseline profile): each changes the
behaviour where its bug lies; without it the portal does what the baseline asks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from documents.tim_mybusiness.simulator.security_bugs import USERNAME_COOKIE
from simulator import security, throttle

from .portal_client import PREFIX, Browser, new_app, record

HOME = "/area-clienti"


@pytest.fixture
def browser() -> Iterator[Browser]:
    for app in new_app():
        yield Browser(app.test_client())


def _signed_in(browser: Browser) -> dict[str, Any]:
    user = record("utilizzatore")
    assert browser.sign_in(user["username"], user["password"]).page == "home"
    return user


def test_login_not_throttled(browser: Browser) -> None:
    user = record("utilizzatore")
    for _ in range(throttle.PER_ACCOUNT.free):
        browser.sign_in(user["username"], "Sbagliata123")
    assert browser.sign_in(user["username"], user["password"]).error == "throttled"
    browser.set_defects("myb_login_not_throttled")
    assert browser.sign_in(user["username"], user["password"]).page == "home"


def test_recovery_replaces_password_at_once(browser: Browser) -> None:
    user = record("utilizzatore")
    browser.set_defects("myb_recovery_replaces_password_at_once")
    browser.get("/recupera-password").post(
        "/recupera-password", username=user["username"], email=user["email"]
    )
    assert browser.sign_in(user["username"], user["password"]).error == "credentials-wrong"
    assert "password temporanea" in browser.emails(user["email"])[-1]


def test_login_tells_unknown_username(browser: Browser) -> None:
    assert browser.sign_in("nessuno", "Sbagliata123").error == "credentials-wrong"
    browser.set_defects("myb_login_tells_unknown_username")
    assert browser.sign_in("nessuno", "Sbagliata123").error == "username-unknown"
    assert browser.sign_in(record("utilizzatore")["username"], "Sbagliata123").error == "credentials-wrong"


def test_recovery_tells_unknown_username(browser: Browser) -> None:
    browser.set_defects("myb_recovery_tells_unknown_username")
    asked = browser.get("/recupera-password").post("/recupera-password", username="nessuno", email="a@b.org")
    assert asked.error == "username-unknown"
    user = record("utilizzatore")
    asked = browser.get("/recupera-password").post(
        "/recupera-password", username=user["username"], email="a@b.org"
    )
    assert asked.error == ""


def test_login_known_username_answers_slower(browser: Browser) -> None:
    # The bug's effect is time, which a unit test does not measure: here, that it changes no answer.
    browser.set_defects("myb_login_known_username_answers_slower")
    assert browser.sign_in(record("utilizzatore")["username"], "Sbagliata123").error == "credentials-wrong"
    assert "myb_login_known_username_answers_slower" in browser.control("GET", "defects/reached")


def test_session_id_kept_at_sign_in(browser: Browser) -> None:
    browser.get("/login")
    before = browser.cookie()
    _signed_in(browser)
    assert browser.cookie() != before
    browser.get("/login").post("/logout")
    browser.set_defects("myb_session_id_kept_at_sign_in")
    before = browser.get("/login").cookie()
    _signed_in(browser)
    assert before is not None and browser.cookie() == before


def test_logout_only_in_the_browser(browser: Browser) -> None:
    _signed_in(browser)
    old = browser.cookie()
    browser.set_defects("myb_logout_only_in_the_browser")
    browser.get(HOME).post("/logout")
    assert browser.cookie() != old  # dropped (the login page it lands on opens a new one)
    browser.client.set_cookie(browser.client.application.config["SESSION_COOKIE_NAME"], old or "")
    assert browser.get(HOME).page == "home"


def test_username_cookie_readable_by_scripts(browser: Browser) -> None:
    _signed_in(browser)
    assert browser.cookie(USERNAME_COOKIE) is None
    browser.get(HOME).post("/logout")
    browser.set_defects("myb_username_cookie_readable_by_scripts")
    user = _signed_in(browser)
    assert browser.cookie(USERNAME_COOKIE) == user["username"]


def test_logout_without_csrf_check(browser: Browser) -> None:
    _signed_in(browser)
    assert browser.client.post(PREFIX + "/logout").status_code == 400
    browser.set_defects("myb_logout_without_csrf_check")
    assert browser.client.post(PREFIX + "/logout").status_code == 303


def test_home_framable(browser: Browser) -> None:
    _signed_in(browser)
    assert "frame-ancestors 'none'" in browser.client.get(PREFIX + HOME).headers["Content-Security-Policy"]
    browser.set_defects("myb_home_framable")
    headers = browser.client.get(PREFIX + HOME).headers
    assert "frame-ancestors" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "ALLOWALL"


def test_login_password_refilled(browser: Browser) -> None:
    username = record("utilizzatore")["username"]
    assert browser.sign_in(username, "Sbagliata123").field("password") == ""
    browser.set_defects("myb_login_password_refilled")
    assert browser.sign_in(username, "Sbagliata123").field("password") == "Sbagliata123"


def test_sessions_never_idle_out(browser: Browser) -> None:
    _signed_in(browser)
    browser.advance(seconds=security.SESSION_IDLE_LIFETIME.total_seconds() + 60)
    assert browser.get(HOME).page == "login"
    _signed_in(browser)
    browser.set_defects("myb_sessions_never_idle_out")
    browser.advance(seconds=security.SESSION_IDLE_LIFETIME.total_seconds() + 60)
    assert browser.get(HOME).page == "home"
