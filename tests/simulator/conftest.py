from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from simulator import create_app
from tests.simulator.sim_client import TEST_CONFIG, SimClient


@pytest.fixture
def app() -> Iterator[Flask]:
    application = create_app(TEST_CONFIG)
    yield application
    from simulator.db import get_database

    get_database(application).engine.dispose()


@pytest.fixture
def sim(app: Flask) -> SimClient:
    return SimClient(app, app.test_client())
