"""Expired rows are purged (a served database is kept across restarts), without refilling a budget."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import func, select

from documents.tim_convenzione_mobile6.simulator import texts
from simulator.db import get_database
from simulator.models import CaptchaChallenge, OneTimeCode, ThrottleEvent, WebSession
from tests.simulator.sim_client import SimClient


def _count(app: Flask, model: type[object]) -> int:
    with get_database(app).session() as db:
        return db.scalar(select(func.count()).select_from(model)) or 0


def _touch(sim: SimClient) -> None:
    """A request that creates nothing itself (the control API has no session): it may purge."""
    assert sim.control("GET", "outbox").status_code == 200


def test_old_captchas_dead_sessions_and_old_failures_are_purged(app: Flask, sim: SimClient) -> None:
    sim.get("/cm6/registrazione")
    sim.login("nessuno99", "Sbagliata123")
    assert (_count(app, WebSession), _count(app, CaptchaChallenge), _count(app, ThrottleEvent)) == (1, 1, 2)
    sim.advance(minutes=10, seconds=1)
    _touch(sim)
    assert (_count(app, WebSession), _count(app, CaptchaChallenge), _count(app, ThrottleEvent)) == (1, 0, 2)
    sim.advance(minutes=49)  # the session is dead, but kept while its codes could count
    _touch(sim)
    assert (_count(app, WebSession), _count(app, ThrottleEvent)) == (1, 2)
    sim.advance(minutes=1)  # last seen, and failed, more than an hour ago
    _touch(sim)
    assert (_count(app, WebSession), _count(app, ThrottleEvent)) == (0, 0)


def test_purging_dead_sessions_does_not_refill_an_sms_budget(app: Flask, sim: SimClient) -> None:
    user = sim.role("user")
    for _ in range(5):
        assert sim.login(user["username"], user["password"]).name == "login-otp"
    sim.advance(minutes=45)  # that session is dead, its codes still count for the hour
    other = SimClient(app, app.test_client())
    assert other.login(user["username"], user["password"]).text("[data-testid=error]") == texts.TOO_MANY_CODES
    assert _count(app, OneTimeCode) == 5
