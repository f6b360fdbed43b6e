"""Each sink test gets an empty store of its own."""

from __future__ import annotations

import pytest

from portalcert.sinks import MessageStore


@pytest.fixture
def store() -> MessageStore:
    return MessageStore()
