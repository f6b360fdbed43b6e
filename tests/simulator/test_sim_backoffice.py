"""The control API's back-office events (/_sim/events/<name>) and setting the clock to an instant.

The event tests give the core a small handler in place of a document's: the route's own work (finding
the handler, the JSON object it gets, committing what it did, a refusal's 400) is what they check.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from simulator import outbox
from simulator.control import events
from simulator.portals import EventHandler, EventRefused
from tests.simulator.sim_client import SimClient


def _purchase(db: Session, params: Mapping[str, Any]) -> Mapping[str, Any]:
    email = params.get("email")
    if not isinstance(email, str) or "@" not in email:
        outbox.send_email("orders@sim", "nobody@sim", "half done", "sent before the refusal")
        raise EventRefused("email must be an e-mail address")
    message = outbox.send_email("orders@sim", email, "Benvenuto", "username: rl01")
    return {"message": message.id}


@pytest.fixture
def purchase_event(monkeypatch: pytest.MonkeyPatch) -> None:
    handlers: dict[str, EventHandler] = {"test_purchase": _purchase}
    monkeypatch.setattr(events, "event_handler", handlers.get)


@pytest.mark.usefixtures("purchase_event")
def test_an_event_runs_its_handler_and_keeps_what_it_did(sim: SimClient) -> None:
    response = sim.control("POST", "events/test_purchase", {"email": "rl@example.it"})
    assert response.status_code == 200, response.text
    sent = sim.messages(channel="email", to="rl@example.it")
    assert response.get_json() == {"event": "test_purchase", "result": {"message": sent[0]["id"]}}
    assert sent[0]["body"] == "username: rl01"


@pytest.mark.usefixtures("purchase_event")
def test_a_refused_event_is_400_and_leaves_nothing_behind(sim: SimClient) -> None:
    response = sim.control("POST", "events/test_purchase", {"email": "not-an-address"})
    assert response.status_code == 400
    assert response.get_json() == {"error": "event test_purchase: email must be an e-mail address"}
    assert sim.messages() == []


@pytest.mark.usefixtures("purchase_event")
@pytest.mark.parametrize("body", [[1, 2], "text", 3])
def test_an_event_body_must_be_an_object(sim: SimClient, body: object) -> None:
    response = sim.control("POST", "events/test_purchase", body)
    assert response.status_code == 400
    assert "JSON object" in response.get_json()["error"]


def test_an_event_no_portal_offers_is_404(sim: SimClient) -> None:
    response = sim.control("POST", "events/no_such_event", {})
    assert response.status_code == 404
    assert "no_such_event" in response.get_json()["error"]
    assert sim.control("POST", "events/no_such_event", token=None).status_code == 401


def test_the_clock_can_be_set_to_an_instant(sim: SimClient) -> None:
    friday = datetime(2026, 12, 4, 17, 59, tzinfo=UTC) + timedelta(hours=-1)  # 17:59 in Madrid
    answer = sim.control("POST", "clock", {"set": "2026-12-04T17:59:00+01:00"}).get_json()
    now = datetime.fromisoformat(answer["now"])
    assert timedelta(0) <= now - friday < timedelta(seconds=60)
    back = sim.control("POST", "clock", {"set": datetime.now(UTC).isoformat()}).get_json()
    assert abs(back["offset_seconds"]) < 60


@pytest.mark.parametrize(
    "body",
    [
        {"set": "2026-12-04T17:59:00"},  # no offset: which 17:59?
        {"set": "Friday evening"},
        {"set": 1764867540},
        {"set": "2226-12-04T17:59:00+01:00"},  # beyond the clock's range
        {"set": "2026-12-04T17:59:00+01:00", "advance": {"days": 1}},
    ],
)
def test_the_clock_refuses_instants_it_cannot_take(sim: SimClient, body: dict[str, object]) -> None:
    response = sim.control("POST", "clock", body)
    assert response.status_code == 400, response.text
    assert sim.control("GET", "clock").get_json()["offset_seconds"] == 0
