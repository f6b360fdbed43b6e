"""Expired rows are purged (a served database is kept across restarts), without refilling a budget."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from sqlalchemy import func, select

from documents.tim_convenzione_mobile6.simulator import texts
from simulator import create_app
from simulator.db import get_database
from simulator.models import CaptchaChallenge, OneTimeCode, ThrottleEvent, WebSession
from tests.simulator.sim_client import CAPTCHA_BYPASS, TEST_CONFIG, SimClient


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


def test_a_post_that_falls_due_for_a_purge_is_not_blocked_by_it(tmp_path: Path) -> None:
    """On a database file a POST holds the write lock from its start; the purge waits for its commit
    (before, it ran first in a connection of its own and waited for the lock: a 500 after the timeout)."""
    app = create_app({**TEST_CONFIG, "DATABASE_URL": f"sqlite:///{tmp_path / 'sim.sqlite3'}"})
    sim = SimClient(app, app.test_client())
    sim.get("/cm6/registrazione")
    sim.advance(minutes=2)  # the next request falls due for a purge: make it a POST
    fields = {"tipo_identificativo": "cf", "identificativo": sim.role("entity")["codice_fiscale"]}
    assert sim.submit({**fields, "captcha": CAPTCHA_BYPASS}).name == "registration-step2"
    get_database(app).engine.dispose()
