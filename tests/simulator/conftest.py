from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from sim_client import CAPTCHA_BYPASS, DATA_FILE, TOKEN, SimClient

from simulator import create_app

TEST_CONFIG: dict[str, Any] = {
    "DATABASE_URL": "sqlite://",
    "CONTROL_TOKEN": TOKEN,
    "CAPTCHA_TEST_VALUE": CAPTCHA_BYPASS,
    "FIXTURES_PATH": str(DATA_FILE),
    "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    "SECRET_KEY": "test",
}


@pytest.fixture
def app() -> Iterator[Flask]:
    application = create_app(TEST_CONFIG)
    yield application
    from simulator.db import get_database

    get_database(application).engine.dispose()


@pytest.fixture
def sim(app: Flask) -> SimClient:
    return SimClient(app, app.test_client())
