from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from simulator import create_app
from tests import postgres_server
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


@pytest.fixture(scope="session")
def postgres_database_url() -> Iterator[str]:
    """A database on a throwaway PostgreSQL cluster, started once per test session (skips if none can be)."""
    try:
        cluster = postgres_server.start()
    except postgres_server.Unavailable as exc:
        pytest.skip(f"PostgreSQL: {exc}")
    try:
        yield cluster.url()
    finally:
        cluster.stop()
