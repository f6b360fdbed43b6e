"""Fixtures of the Borealis portal's own tests: real sinks for its messages, apps per test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from portalcert.sinks.smtp import SmtpSink
from portalcert.sinks.store import MessageStore
from portalcert.sinks.webhook import SmsWebhookSink

from .app import create_app
from .portal_client import CAPTCHA, QA_KEY, ClientFactory


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[MessageStore, Path]]:
    store = MessageStore()
    with SmsWebhookSink(store) as sms, SmtpSink(store) as smtp:
        sinks = tmp_path_factory.mktemp("sinks") / "sinks.json"
        sinks.write_text(
            json.dumps({"sms": {"url": sms.url}, "email": {"host": "127.0.0.1", "port": smtp.port}})
        )
        yield store, sinks


@pytest.fixture
def make_client(messages: tuple[MessageStore, Path]) -> ClientFactory:
    def make(*faults: str, qa: bool = True) -> FlaskClient:
        config = {
            "SINKS_FILE": str(messages[1]),
            "FAULTS": faults,
            "QA_KEY": QA_KEY if qa else None,
            "CAPTCHA_TEST_VALUE": CAPTCHA,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # a real hash, a fast start
        }
        return create_app(config).test_client()

    return make


@pytest.fixture
def client(make_client: ClientFactory) -> FlaskClient:
    return make_client()
