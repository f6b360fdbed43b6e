"""The /_sim/ control API."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from flask import Flask
from werkzeug.test import TestResponse

from simulator import create_app
from simulator.defects import catalogue
from tests.simulator.sim_client import DOCUMENT, TEST_CONFIG, TOKEN, SimClient


def test_disabled_without_token_configuration() -> None:
    app = create_app({**TEST_CONFIG, "CONTROL_TOKEN": None})
    client = app.test_client()
    for path in ("health", "outbox", "defects", "journal"):
        assert client.get(f"/_sim/{path}", headers={"X-Sim-Token": "anything"}).status_code == 404
    assert client.post("/_sim/reset").status_code == 404


def test_token_is_required(sim: SimClient) -> None:
    assert sim.control("GET", "health", token=None).status_code == 401
    assert sim.control("GET", "health", token="wrong").status_code == 403
    response = sim.control("GET", "health")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_reset_restores_the_data_set_and_keeps_defects(sim: SimClient) -> None:
    sim.set_defects("public_contacts_mistyped")
    sim.advance(days=2)
    sim.register()
    assert sim.messages() and sim.control("GET", "journal").get_json()["entries"]
    assert sim.control("POST", "reset").status_code == 200
    assert sim.messages() == []
    assert sim.control("GET", "journal").get_json()["entries"] == []
    assert sim.control("GET", "clock").get_json()["offset_seconds"] == 0
    assert sim.get("/cm6/").text("[data-testid=contact-fax]") == "800.000.190"
    # the user registered before the reset is gone: the same line registers again
    assert sim.register().name == "registration-success"


def test_reset_with_a_body_loads_that_data_set(sim: SimClient) -> None:
    data = dict(sim.data)
    data["users"] = [u for u in sim.data["users"] if u["id"] != sim.role("user")["id"]]
    assert sim.control("POST", "reset", {"fixtures": {DOCUMENT: data}}).status_code == 200
    assert sim.login("mrossi01", "Password123").name == "login"
    bad = sim.control("POST", "reset", {"fixtures": {DOCUMENT: {"schema": "other"}}})
    assert bad.status_code == 400 and "schema" in bad.get_json()["error"]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"fixtures": {"no-such-document": {}}}, "no-such-document"),
        ({"fixtures": {"schema": "portalcert-fixtures/1"}}, "fixtures"),  # a data set not keyed by document
        ({"fixtures": [1]}, "fixtures"),
        ([1], "fixtures"),
    ],
)
def test_reset_refuses_a_malformed_body(sim: SimClient, body: object, named: str) -> None:
    response = sim.control("POST", "reset", body)
    assert response.status_code == 400 and named in response.get_json()["error"]
    assert sim.login_fully().name == "private-home"  # the data set in place is untouched


@pytest.mark.parametrize(
    ("spoil", "named"),
    [
        (lambda d: {**d, "entities": 5}, "malformed"),
        (lambda d: {**d, "users": [{**d["users"][0], "password": 5}]}, "malformed"),
        (lambda d: {**d, "sims": d["sims"] + d["sims"][:1]}, "UNIQUE"),
        (lambda d: {**d, "users": [{**d["users"][0], "business_sim": "sim-404"}]}, "FOREIGN KEY"),
        (lambda d: {**d, "entities": [{**d["entities"][0], "name": None}, *d["entities"][1:]]}, "NOT NULL"),
    ],
)
def test_reset_refuses_a_data_set_it_cannot_load(
    sim: SimClient, spoil: Callable[[dict[str, Any]], dict[str, Any]], named: str
) -> None:
    response = sim.control("POST", "reset", {"fixtures": {DOCUMENT: spoil(sim.data)}})
    assert response.status_code == 400 and named in response.get_json()["error"]
    assert sim.control("POST", "reset").status_code == 200


def test_reset_without_a_body_reloads_every_portals_configured_data_set(sim: SimClient) -> None:
    sim.control("POST", "reset", {"fixtures": {DOCUMENT: {**sim.data, "users": []}}})
    assert sim.login("mrossi01", "Password123").name == "login"
    assert sim.control("POST", "reset").status_code == 200
    assert sim.login_fully().name == "private-home"


def _reached(sim: SimClient) -> list[str]:
    response = sim.control("GET", "defects/reached")
    assert response.status_code == 200
    reached: list[str] = response.get_json()["reached"]
    return reached


def test_reached_defects_are_the_switches_consulted_since_reset(sim: SimClient) -> None:
    assert _reached(sim) == []
    sim.get("/cm6/recupera-password")  # the page asks for its band's switch, nothing else
    assert _reached(sim) == ["bottom_band_missing_on_recovery_pages"]
    sim.get("/cm6/")  # off, but consulted all the same
    assert _reached(sim) == [
        "bottom_band_missing_on_entry_pages",
        "bottom_band_missing_on_recovery_pages",
        "public_contacts_mistyped",
    ]
    sim.set_defects("captcha_audio_missing")  # switching one on is not reaching it
    assert "captcha_audio_missing" not in _reached(sim)
    assert sim.control("POST", "reset").status_code == 200
    assert _reached(sim) == []


def test_unrelated_pages_reach_no_defect(sim: SimClient) -> None:
    sim.client.get("/")  # the simulator's own index
    sim.control("GET", "outbox")
    assert _reached(sim) == []


def test_reached_defects_need_the_token(sim: SimClient) -> None:
    assert sim.control("GET", "defects/reached", token=None).status_code == 401


def test_outbox_filters(sim: SimClient) -> None:
    sim.register()
    all_messages = sim.messages()
    assert [m["channel"] for m in all_messages] == ["sms", "email"]
    assert set(all_messages[0]) == {"id", "channel", "sender", "to", "subject", "body", "sent_at"}
    assert sim.messages(channel="email") == all_messages[1:]
    assert sim.messages(to=sim.sim_number("active_sim")) == all_messages[:1]
    assert sim.messages(after=str(all_messages[0]["id"])) == all_messages[1:]
    datetime.fromisoformat(all_messages[0]["sent_at"])


def test_outbox_wait_returns_when_a_message_arrives(app: Flask, sim: SimClient) -> None:
    user = sim.role("user")
    other = SimClient(app, app.test_client())

    def recover_later() -> None:
        time.sleep(0.3)
        other.get("/cm6/recupera-username")
        other.submit({"email": user["email"], "codice_fiscale": user["personal_fiscal_code"]})

    worker = threading.Thread(target=recover_later)
    started = time.monotonic()
    worker.start()
    messages = sim.messages(channel="email", wait="10")
    elapsed = time.monotonic() - started
    worker.join()
    assert len(messages) == 1 and messages[0]["to"] == user["email"]
    assert 0.25 <= elapsed < 5


def test_outbox_wait_times_out_empty(sim: SimClient) -> None:
    started = time.monotonic()
    assert sim.messages(channel="sms", wait="0.4") == []
    assert time.monotonic() - started >= 0.4


def test_clock_advances(sim: SimClient) -> None:
    before = sim.control("GET", "clock").get_json()
    assert before["offset_seconds"] == 0
    after = sim.control("POST", "clock", {"advance": {"days": 1, "hours": 2, "seconds": 3}}).get_json()
    assert after["offset_seconds"] == 86400 + 7200 + 3
    shift = datetime.fromisoformat(after["now"]) - datetime.fromisoformat(before["now"])
    assert 93603 <= shift.total_seconds() < 93663
    assert sim.control("POST", "clock", {"advance": {"weeks": 1}}).status_code == 400


def test_defects_listing_and_replacement(sim: SimClient) -> None:
    listing = sim.control("GET", "defects").get_json()["defects"]
    assert [(d["name"], d["rule"], d["description"]) for d in listing] == [
        (d.name, d.rule, d.description) for d in catalogue()
    ]
    assert not any(d["enabled"] for d in listing)
    response = sim.control(
        "PUT", "defects", {"enabled": ["public_contacts_mistyped", "print_action_disabled"]}
    )
    assert {d["name"] for d in response.get_json()["defects"] if d["enabled"]} == {
        "public_contacts_mistyped",
        "print_action_disabled",
    }
    response = sim.control("PUT", "defects", {"enabled": ["public_contacts_mistyped", "no_such_thing"]})
    assert response.status_code == 400 and "no_such_thing" in response.get_json()["error"]
    # a refused request changes nothing
    enabled = [d["name"] for d in sim.control("GET", "defects").get_json()["defects"] if d["enabled"]]
    assert enabled == ["public_contacts_mistyped", "print_action_disabled"]
    sim.set_defects()
    assert not any(d["enabled"] for d in sim.control("GET", "defects").get_json()["defects"])


def test_journal_after(sim: SimClient) -> None:
    sim.get("/cm6/")
    sim.get("/cm6/login")
    entries = sim.control("GET", "journal").get_json()["entries"]
    assert [e["path"] for e in entries] == ["/cm6/", "/cm6/login"]
    later = sim.control("GET", f"journal?after={entries[0]['id']}").get_json()["entries"]
    assert [e["path"] for e in later] == ["/cm6/login"]


def _within(seconds: float, call: Callable[[], TestResponse]) -> TestResponse:
    """Run `call` in a thread so that a request that would hang fails the test instead."""
    result: list[TestResponse] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"no answer within {seconds} s"
    return result[0]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("outbox?wait=nan", "wait"),
        ("outbox?wait=inf", "wait"),
        ("outbox?wait=-1", "wait"),
        ("outbox?wait=30.5", "wait"),
        ("outbox?wait=soon", "wait"),
        ("outbox?after=inf", "after"),
        ("outbox?after=nan", "after"),
        ("outbox?after=-1", "after"),
        ("outbox?after=1.5", "after"),
        ("outbox?after=1e3", "after"),
        ("outbox?after=99999999999999999999", "after"),
        ("journal?after=inf", "after"),
        ("journal?after=-3", "after"),
    ],
)
def test_outbox_and_journal_refuse_bad_numbers(sim: SimClient, path: str, name: str) -> None:
    response = _within(5, lambda: sim.control("GET", path))
    assert response.status_code == 400
    assert name in response.get_json()["error"]


def test_outbox_accepts_sane_numbers(sim: SimClient) -> None:
    for query in ("wait=0", "wait=0.05", "after=0", "after=12"):
        assert sim.control("GET", f"outbox?{query}").status_code == 200, query
    assert sim.control("GET", "journal?after=7").status_code == 200


@pytest.mark.parametrize(
    ("advance", "name"),
    [
        ({"days": 1e12}, "days"),
        ({"days": 10**400}, "days"),
        ({"days": True}, "days"),
        ({"hours": -1}, "hours"),
        ({"minutes": "5"}, "minutes"),
        ({"seconds": None}, "seconds"),
        ({"days": 3650, "seconds": 1}, "3650 days"),
    ],
)
def test_clock_refuses_bad_advances(sim: SimClient, advance: dict[str, object], name: str) -> None:
    response = sim.control("POST", "clock", {"advance": advance})
    assert response.status_code == 400
    assert name in response.get_json()["error"]
    assert sim.control("GET", "clock").get_json()["offset_seconds"] == 0


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_clock_refuses_non_finite_json_numbers(sim: SimClient, literal: str) -> None:
    response = sim.client.post(
        "/_sim/clock",
        data=f'{{"advance": {{"minutes": {literal}}}}}',
        content_type="application/json",
        headers={"X-Sim-Token": TOKEN},
    )
    assert response.status_code == 400
    assert "minutes" in response.get_json()["error"]
    assert sim.control("GET", "clock").get_json()["offset_seconds"] == 0


def test_clock_accepts_minutes_and_up_to_ten_years(sim: SimClient) -> None:
    response = sim.control("POST", "clock", {"advance": {"minutes": 90, "seconds": 0.5}})
    assert response.status_code == 200
    assert response.get_json()["offset_seconds"] == 5400.5
    assert sim.control("POST", "clock", {"advance": {"days": 3650}}).status_code == 200
    assert sim.control("POST", "clock", {"advance": {"days": 0}}).status_code == 200


def test_clock_offset_is_bounded(sim: SimClient) -> None:
    for _ in range(10):
        assert sim.control("POST", "clock", {"advance": {"days": 3650}}).status_code == 200
    response = sim.control("POST", "clock", {"advance": {"days": 1}})
    assert response.status_code == 400 and "advance" in response.get_json()["error"]
    assert sim.control("GET", "clock").get_json()["offset_seconds"] == 36500 * 86400
    assert sim.get("/cm6/").name == "public-home"
