"""The MGD portal alone in the simulator, through Flask's test client (no server, no browser)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from simulator import create_app
from tests.simulator.sim_client import TEST_CONFIG, SimClient


@pytest.fixture
def mgd_app() -> Iterator[Flask]:
    application = create_app(TEST_CONFIG)
    yield application
    from simulator.db import get_database

    get_database(application).engine.dispose()


@pytest.fixture
def mgd(mgd_app: Flask) -> SimClient:
    return SimClient(mgd_app, mgd_app.test_client())
