"""One-time codes: two words, single use, bound to their session, 10-minute expiry, lock after 5 wrong
tries, space required, at most 5 codes per number and hour."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from documents.tim_convenzione_mobile6.simulator import texts
from simulator import clock, security
from simulator.db import get_database, get_session
from simulator.models import OneTimeCode, WebSession
from tests.simulator.sim_client import SimClient

CodeCheck = security.CodeCheck
PHONE = "3330000000"


def _new_web_session(token: str) -> int:
    row = WebSession(token=token, data={}, created_at=clock.now(), last_seen_at=clock.now())
    get_session().add(row)
    get_session().flush()
    return row.id


@pytest.fixture
def web_session(app: Flask) -> Iterator[int]:
    with app.test_request_context("/"):
        yield _new_web_session("t")


def _issue(web_session_id: int, purpose: str = "login", recipient: str = PHONE) -> str:
    code = security.issue_code(web_session_id, purpose, recipient)
    assert code is not None
    return code.code


def test_code_is_two_uppercase_words(web_session: int) -> None:
    code = _issue(web_session)
    assert re.fullmatch(r"[A-Z]+ [A-Z]+", code)


def test_code_is_single_use(web_session: int) -> None:
    code = _issue(web_session)
    assert security.verify_code(web_session, "login", code) is CodeCheck.OK
    assert security.verify_code(web_session, "login", code) is CodeCheck.MISSING


def test_new_code_replaces_the_old_one(web_session: int, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = iter(["OLD CODE", "NEW CODE"])
    monkeypatch.setattr(security, "new_code_text", lambda: next(drawn))
    _issue(web_session)
    _issue(web_session)
    assert security.verify_code(web_session, "login", "OLD CODE") is CodeCheck.WRONG
    assert security.verify_code(web_session, "login", "NEW CODE") is CodeCheck.OK


def test_a_new_code_never_repeats_one_it_replaces(web_session: int, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = iter(["SAME CODE", "SAME CODE", "SAME CODE", "NEW CODE"])
    monkeypatch.setattr(security, "new_code_text", lambda: next(drawn))
    assert _issue(web_session) == "SAME CODE"
    assert _issue(web_session) == "NEW CODE"
    assert security.verify_code(web_session, "login", "SAME CODE") is CodeCheck.WRONG


def test_code_expires_after_ten_minutes(app: Flask, web_session: int) -> None:
    code = _issue(web_session)
    clock.get_clock(app).advance(timedelta(minutes=9, seconds=59))
    fresh = _issue(web_session, "registration")
    clock.get_clock(app).advance(timedelta(seconds=1))
    assert security.verify_code(web_session, "login", code) is CodeCheck.EXPIRED
    assert security.verify_code(web_session, "registration", fresh) is CodeCheck.OK


def test_code_locks_after_five_wrong_tries(web_session: int) -> None:
    code = _issue(web_session)
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


def test_code_is_valid_at_9_59_and_expired_at_10_01(app: Flask, web_session: int) -> None:
    login = _issue(web_session, "login")
    registration = _issue(web_session, "registration")
    clock.get_clock(app).advance(timedelta(minutes=9, seconds=59))
    assert security.verify_code(web_session, "login", login) is CodeCheck.OK
    clock.get_clock(app).advance(timedelta(seconds=2))
    assert security.verify_code(web_session, "registration", registration) is CodeCheck.EXPIRED


def test_code_is_bound_to_its_web_session(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = iter(["SECOND OWN", "FIRST OWN"])
    monkeypatch.setattr(security, "new_code_text", lambda: next(drawn))
    with app.test_request_context("/"):
        first, second = _new_web_session("first"), _new_web_session("second")
        _issue(second)
        _issue(first)  # issued last: the newest live code of all belongs to `first`
        assert security.verify_code(second, "login", "FIRST OWN") is CodeCheck.WRONG
        assert security.verify_code(second, "login", "SECOND OWN") is CodeCheck.OK
        assert security.verify_code(first, "login", "FIRST OWN") is CodeCheck.OK


def test_a_new_code_does_not_revive_used_ones(web_session: int, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = iter(["OLD CODE", "NEW CODE"])
    monkeypatch.setattr(security, "new_code_text", lambda: next(drawn))
    _issue(web_session)
    assert security.verify_code(web_session, "login", "OLD CODE") is CodeCheck.OK
    _issue(web_session)
    assert security.verify_code(web_session, "login", "NEW CODE") is CodeCheck.OK
    assert security.verify_code(web_session, "login", "NEW CODE") is CodeCheck.MISSING
    assert security.verify_code(web_session, "login", "OLD CODE") is CodeCheck.MISSING


def test_registration_code_lock_is_kept_across_requests(app: Flask, sim: SimClient) -> None:
    number = sim.sim_number("active_sim")
    assert sim.step2().name == "registration-otp"
    code = sim.last_code(number)
    for attempt in range(4):
        page = sim.submit({"otp": "NOPE NOPE"})
        assert page.text("[data-testid=error]") == texts.OTP_WRONG, attempt
    page = sim.submit({"otp": "NOPE NOPE"})
    assert page.text("[data-testid=error]") == texts.OTP_LOCKED
    # every try was its own request: the count was committed, so the right code now meets the lock
    page = sim.submit({"otp": code})
    assert page.name == "registration-otp"
    assert page.text("[data-testid=error]") == texts.OTP_LOCKED
    with get_database(app).session() as db:
        assert db.scalars(select(OneTimeCode.failed_attempts)).all() == [5]
    sim.submit({}, button="nuovo_otp")
    assert sim.submit({"otp": sim.last_code(number)}).name == "registration-step3"


# --- at most 5 codes per number in any 60 minutes ------------------------------------------------


def test_sixth_code_within_an_hour_is_refused(app: Flask, web_session: int) -> None:
    moves = clock.get_clock(app).advance
    _issue(web_session)
    moves(timedelta(minutes=50))
    for _ in range(3):
        _issue(web_session)
    last = _issue(web_session)
    assert security.issue_code(web_session, "login", PHONE) is None
    # a refusal changes nothing: the live code still works, another number still gets codes
    assert security.verify_code(web_session, "login", last) is CodeCheck.OK
    assert security.issue_code(web_session, "registration", "3330000001") is not None
    moves(timedelta(minutes=9, seconds=59))
    assert security.issue_code(web_session, "login", PHONE) is None
    moves(timedelta(seconds=2))  # the first code is now more than an hour old
    assert security.issue_code(web_session, "login", PHONE) is not None
    assert security.issue_code(web_session, "login", PHONE) is None


def test_login_gives_at_most_five_codes_an_hour(sim: SimClient) -> None:
    user = sim.role("user")
    number = sim.sim_number("registered_sim")
    for _ in range(5):
        assert sim.login(user["username"], user["password"]).name == "login-otp"
    page = sim.login(user["username"], user["password"])
    assert page.name == "login"
    assert page.text("[data-testid=error]") == texts.TOO_MANY_CODES
    assert len(sim.messages(channel="sms", to=number)) == 5
    sim.advance(minutes=60)
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    assert len(sim.messages(channel="sms", to=number)) == 6


def test_registration_gives_at_most_five_codes_an_hour(app: Flask, sim: SimClient) -> None:
    number = sim.sim_number("active_sim")
    assert sim.step2().name == "registration-otp"
    for _ in range(4):
        page = sim.submit({}, button="nuovo_otp")
        assert page.text("[data-testid=notice]") == texts.OTP_RESENT
    page = sim.submit({}, button="nuovo_otp")
    assert page.name == "registration-otp"
    assert page.text("[data-testid=error]") == texts.TOO_MANY_CODES
    assert page.text("[data-testid=notice]") is None
    assert len(sim.messages(channel="sms", to=number)) == 5
    # another visitor from the same address giving the same business number is held at step 2
    other = SimClient(app, app.test_client())
    page = other.step2()
    assert page.name == "registration-step2"
    assert page.text("[data-testid=error]") == texts.TOO_MANY_CODES
    assert len(sim.messages(channel="sms", to=number)) == 5
    # the last code sent still completes the first registration
    assert sim.submit({"otp": sim.last_code(number)}).name == "registration-step3"
