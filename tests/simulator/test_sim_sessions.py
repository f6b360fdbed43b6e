"""Server-side web sessions: new id at logout, end after 30 minutes without requests."""

from __future__ import annotations

from tests.simulator.sim_client import SimClient


def test_logout_renews_the_session_id(sim: SimClient) -> None:
    page = sim.login_fully()
    assert page.name == "private-home"
    before = sim.cookie()
    assert before is not None
    assert sim.client.post("/cm6/logout", data={"csrf_token": page.csrf}).status_code == 303
    after = sim.cookie()
    assert after is not None and after != before
    sim.client.set_cookie(sim.app.config["SESSION_COOKIE_NAME"], before)
    assert sim.get("/cm6/area-privata").name == "login"


def test_signed_in_session_ends_after_thirty_idle_minutes(sim: SimClient) -> None:
    assert sim.login_fully().name == "private-home"
    sim.advance(minutes=29)
    assert sim.get("/cm6/area-privata").name == "private-home"
    sim.advance(minutes=29)  # 58 minutes after sign-in, but only 29 since the last request
    assert sim.get("/cm6/area-privata").name == "private-home"
    sim.advance(minutes=30)
    assert sim.get("/cm6/area-privata").name == "login"
    # the dead session stays dead: signing in again works and starts a new one
    assert sim.login_fully().name == "private-home"


def test_registration_in_progress_ends_with_its_session(sim: SimClient) -> None:
    assert sim.step1().name == "registration-step2"
    sim.advance(minutes=29)
    assert sim.get("/cm6/registrazione").name == "registration-step2"
    sim.advance(minutes=30)
    page = sim.get("/cm6/registrazione")
    assert page.name == "registration-step1"
    assert page.text("[data-testid=error]") is None
