"""The harness's clients of the simulator's control API, over real HTTP on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from portalcert.control import ControlClient, SimulatorClient
from portalcert.target_control import simulator_control
from simulator import create_app
from simulator.db import get_database
from simulator.server import start_in_thread

TOKEN = "control-client-test"


@pytest.fixture
def served() -> Iterator[tuple[str, SimulatorClient]]:
    app = create_app(
        {"DATABASE_URL": "sqlite://", "CONTROL_TOKEN": TOKEN, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"}
    )
    base_url, stop = start_in_thread(app)
    control = SimulatorClient(base_url, TOKEN)
    try:
        yield base_url, control
    finally:
        control.close()
        stop()
        get_database(app).engine.dispose()


def test_reached_defects_follow_the_pages_visited_and_reset_clears_them(
    served: tuple[str, SimulatorClient],
) -> None:
    base_url, control = served
    control.reset()
    assert control.reached_defects() == []
    assert httpx.get(f"{base_url}/").status_code == 200  # the index belongs to no portal
    assert control.reached_defects() == []
    assert httpx.get(f"{base_url}/cm6/").status_code == 200
    assert control.reached_defects() == ["bottom_band_missing_on_entry_pages", "public_contacts_mistyped"]
    control.reset()
    assert control.reached_defects() == []


def test_the_simulator_form_expanded_to_calls_resets_and_advances_the_simulator(
    served: tuple[str, SimulatorClient],
) -> None:
    base_url, simulator = served
    calls = ControlClient(base_url, simulator_control("embedded", TOKEN), timeout=5)
    try:
        assert httpx.get(f"{base_url}/cm6/").status_code == 200
        assert simulator.reached_defects() != []
        calls.reset()
        assert simulator.reached_defects() == []
        calls.advance_clock(days=2, hours=1)
        clock = httpx.get(f"{base_url}/_sim/clock", headers={"X-Sim-Token": TOKEN}).json()
        assert clock["offset_seconds"] == 2 * 86400 + 3600
    finally:
        calls.close()
