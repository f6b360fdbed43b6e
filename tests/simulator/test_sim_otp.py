"""One-time codes: two words, single use, 10-minute expiry, lock after 5 wrong tries, space required."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from flask import Flask
from sim_client import SimClient

from simulator import clock, security
from simulator.db import get_session
from simulator.models import WebSession

CodeCheck = security.CodeCheck


@pytest.fixture
def web_session(app: Flask) -> Iterator[int]:
    with app.test_request_context("/"):
        row = WebSession(token="t", data={}, created_at=clock.now())
        get_session().add(row)
        get_session().flush()
        yield row.id


def test_code_is_two_uppercase_words(web_session: int) -> None:
    code = security.issue_code(web_session, "login").code
    assert re.fullmatch(r"[A-Z]+ [A-Z]+", code)


def test_code_is_single_use(web_session: int) -> None:
    code = security.issue_code(web_session, "login").code
    assert security.verify_code(web_session, "login", code) is CodeCheck.OK
    assert security.verify_code(web_session, "login", code) is CodeCheck.MISSING


def test_new_code_replaces_the_old_one(web_session: int, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = iter(["OLD CODE", "NEW CODE"])
    monkeypatch.setattr(security, "new_code_text", lambda: next(drawn))
    security.issue_code(web_session, "login")
    security.issue_code(web_session, "login")
    assert security.verify_code(web_session, "login", "OLD CODE") is CodeCheck.WRONG
    assert security.verify_code(web_session, "login", "NEW CODE") is CodeCheck.OK


def test_code_expires_after_ten_minutes(app: Flask, web_session: int) -> None:
    code = security.issue_code(web_session, "login").code
    clock.get_clock(app).advance(timedelta(minutes=9, seconds=59))
    fresh = security.issue_code(web_session, "registration").code
    clock.get_clock(app).advance(timedelta(seconds=1))
    assert security.verify_code(web_session, "login", code) is CodeCheck.EXPIRED
    assert security.verify_code(web_session, "registration", fresh) is CodeCheck.OK


def test_code_locks_after_five_wrong_tries(web_session: int) -> None:
    code = security.issue_code(web_session, "login").code
    results = [security.verify_code(web_session, "login", "WRONG WORD") for _ in range(5)]
    assert results == [CodeCheck.WRONG] * 4 + [CodeCheck.LOCKED]
    assert security.verify_code(web_session, "login", code) is CodeCheck.LOCKED


def test_registration_code_requires_the_space(sim: SimClient) -> None:
    number = sim.sim_number("active_sim")
    assert sim.step2().name == "registration-otp"
    code = sim.last_code(number)
    page = sim.submit({"otp": code.replace(" ", "")})
    assert page.name == "registration-otp"
    assert page.text("[data-testid=error]") == "Il codice OTP inserito non è corretto."
    assert sim.submit({"otp": code}).name == "registration-step3"


def test_registration_code_expires_in_the_page_flow(sim: SimClient) -> None:
    assert sim.step2().name == "registration-otp"
    code = sim.last_code(sim.sim_number("active_sim"))
    sim.advance(minutes=10)
    page = sim.submit({"otp": code})
    assert page.name == "registration-otp"
    assert "scaduto" in (page.text("[data-testid=error]") or "")
    page = sim.submit({}, button="nuovo_otp")
    assert page.text("[data-testid=notice]") == "Ti abbiamo inviato un nuovo codice via SMS."
    assert sim.submit({"otp": sim.last_code(sim.sim_number("active_sim"))}).name == "registration-step3"


def test_login_code_locks_after_five_wrong_tries(sim: SimClient) -> None:
    user = sim.role("user")
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    code = sim.last_code(sim.sim_number("registered_sim"))
    for _ in range(5):
        page = sim.submit({"otp": "NOPE NOPE"}, button="accedi")
    assert "bloccato" in (page.text("[data-testid=error]") or "")
    assert sim.submit({"otp": code}, button="accedi").name == "login-otp"
