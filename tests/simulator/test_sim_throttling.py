"""Limits that a stranger cannot turn against a user: password throttling with backoff (per account, per
address, a signed-in browser counted apart), SMS budgets per purpose and visitor, recovery that replaces
the password only when the new one is used."""

from __future__ import annotations

from flask import Flask

from documents.tim_convenzione_mobile6.simulator import texts
from simulator import throttle
from tests.simulator.sim_client import SimClient

ERROR = "[data-testid=error]"


def _visitor(app: Flask, address: str = "127.0.0.1") -> SimClient:
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return SimClient(app, client)


def _fail(sim: SimClient, username: str, times: int) -> None:
    for _ in range(times):
        page = sim.login(username, "Sbagliata123")
        assert page.text(ERROR) == texts.LOGIN_WRONG


# --- passwords --------------------------------------------------------------------------------


def test_an_account_waits_longer_after_each_failure_past_five(sim: SimClient) -> None:
    user = sim.role("user")
    number = sim.sim_number("registered_sim")
    _fail(sim, user["username"], 5)
    # even the right password is not checked while the account waits: no code is sent
    page = sim.login(user["username"], user["password"])
    assert page.name == "login" and page.text(ERROR) == texts.LOGIN_THROTTLED
    assert sim.messages(channel="sms", to=number) == []
    sim.advance(seconds=29)
    assert sim.login(user["username"], user["password"]).text(ERROR) == texts.LOGIN_THROTTLED
    sim.advance(seconds=2)
    _fail(sim, user["username"], 1)  # the sixth failure: the wait doubles to a minute
    sim.advance(seconds=59)
    assert sim.login(user["username"], user["password"]).text(ERROR) == texts.LOGIN_THROTTLED
    sim.advance(seconds=2)
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    # the right password cleared the account's count: five more free tries
    _fail(sim, user["username"], 5)
    assert sim.login(user["username"], "Sbagliata123").text(ERROR) == texts.LOGIN_THROTTLED


def test_the_wait_stops_growing_at_fifteen_minutes(sim: SimClient) -> None:
    limit = throttle.PER_ACCOUNT
    assert [limit.wait(n).total_seconds() for n in range(4, 10)] == [0, 30, 60, 120, 240, 480]
    assert limit.wait(10).total_seconds() == limit.wait(500).total_seconds() == 15 * 60


def test_unknown_usernames_are_throttled_alike(sim: SimClient) -> None:
    """No hint which usernames exist: the same answers, failure after failure."""
    _fail(sim, "nessuno99", 5)
    assert sim.login("nessuno99", "Sbagliata123").text(ERROR) == texts.LOGIN_THROTTLED
    _fail(sim, "x" * 5000, 1)  # whatever is typed is counted under a key of bounded length


def test_a_stranger_guessing_does_not_lock_out_the_owners_browser(app: Flask, sim: SimClient) -> None:
    user = sim.role("user")
    page = sim.login_fully()
    assert page.name == "private-home"
    assert sim.client.get_cookie(throttle.DEVICE_COOKIE) is not None  # set by the complete sign-in
    assert sim.client.post("/cm6/logout", data={"csrf_token": page.csrf}).status_code == 303
    stranger = _visitor(app, "192.0.2.10")
    _fail(stranger, user["username"], 5)
    assert stranger.login(user["username"], user["password"]).text(ERROR) == texts.LOGIN_THROTTLED
    # the owner's browser signs in, and its own mistakes are counted apart from the stranger's
    _fail(sim, user["username"], 4)
    assert sim.login_fully().name == "private-home"
    # a new browser of the owner waits like the stranger: the account's count is not the browser's
    newcomer = _visitor(app, "192.0.2.11")
    assert newcomer.login(user["username"], user["password"]).text(ERROR) == texts.LOGIN_THROTTLED


def test_an_address_waits_after_twenty_failures_on_any_accounts(app: Flask) -> None:
    guesser = _visitor(app, "192.0.2.20")
    for n in range(20):
        _fail(guesser, f"utente{n:02d}", 1)  # never five on one account
    user = guesser.role("user")
    assert guesser.login(user["username"], user["password"]).text(ERROR) == texts.LOGIN_THROTTLED
    # another address is not held back
    assert _visitor(app, "192.0.2.21").login(user["username"], user["password"]).name == "login-otp"


def test_the_control_reset_clears_the_throttling(sim: SimClient) -> None:
    user = sim.role("user")
    _fail(sim, user["username"], 5)
    assert sim.login(user["username"], user["password"]).text(ERROR) == texts.LOGIN_THROTTLED
    assert sim.control("POST", "reset").status_code == 200
    assert sim.login(user["username"], user["password"]).name == "login-otp"


# --- SMS budgets ------------------------------------------------------------------------------


def test_registration_codes_do_not_spend_the_login_budget(app: Flask, sim: SimClient) -> None:
    """A visitor who starts registering the user's line again gets at most 5 codes an hour from their
    address; the user still gets login codes, and a visitor elsewhere still gets registration codes."""
    user = sim.role("user")
    number = sim.sim_number("registered_sim")
    stranger = _visitor(app, "192.0.2.30")
    assert stranger.step2(numero_aziendale=number).name == "registration-otp"
    for _ in range(4):
        assert stranger.submit({}, button="nuovo_otp").text("[data-testid=notice]") == texts.OTP_RESENT
    assert stranger.submit({}, button="nuovo_otp").text(ERROR) == texts.TOO_MANY_CODES
    assert len(sim.messages(channel="sms", to=number)) == 5
    assert sim.login(user["username"], user["password"]).name == "login-otp"
    assert len(sim.messages(channel="sms", to=number)) == 6
    elsewhere = _visitor(app, "192.0.2.31")
    assert elsewhere.step2(numero_aziendale=number).name == "registration-otp"
    assert len(sim.messages(channel="sms", to=number)) == 7


# --- password recovery --------------------------------------------------------------------------


def _recover(sim: SimClient) -> str:
    user = sim.role("user")
    sim.get("/cm6/recupera-password")
    page = sim.submit({"username": user["username"], "codice_fiscale": user["personal_fiscal_code"]})
    assert page.text("[data-testid=notice]") == texts.PASSWORD_RECOVERY_SENT
    body = sim.messages(channel="email", to=user["email"])[-1]["body"]
    return str(body.split("Mobile 6 è ", 1)[1].split(";", 1)[0])


def test_a_recovery_asked_by_someone_else_leaves_the_password_working(app: Flask, sim: SimClient) -> None:
    _recover(_visitor(app, "192.0.2.40"))
    assert sim.login_fully().name == "private-home"


def test_the_recovered_password_replaces_the_old_one_when_first_used(app: Flask, sim: SimClient) -> None:
    user = sim.role("user")
    recovered = _recover(sim)
    assert sim.login_fully(password=recovered).name == "private-home"
    other = _visitor(app)
    assert other.login(user["username"], user["password"]).text(ERROR) == texts.LOGIN_WRONG
    assert other.login(user["username"], recovered).name == "login-otp"


def test_signing_in_with_the_current_password_cancels_the_recovery(app: Flask, sim: SimClient) -> None:
    user = sim.role("user")
    recovered = _recover(sim)
    assert sim.login_fully().name == "private-home"
    assert _visitor(app).login(user["username"], recovered).text(ERROR) == texts.LOGIN_WRONG


def test_a_recovered_password_expires_after_five_days_unused(app: Flask, sim: SimClient) -> None:
    user = sim.role("user")
    recovered = _recover(sim)
    sim.advance(days=5)
    page = _visitor(app).login(user["username"], recovered)
    assert page.text(ERROR) == texts.TEMPORARY_PASSWORD_EXPIRED
    # refused, it was not adopted: the current password still opens the account
    assert sim.login_fully().name == "private-home"
