"""Workers read the parent's sinks through the message relay: the same answers as the store itself."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from portalcert.engines.base import UnreachableError
from portalcert.sinks.relay import RemoteStore, StoreRelay
from portalcert.sinks.store import MessageStore


@pytest.fixture
def relayed() -> Iterator[tuple[MessageStore, RemoteStore]]:
    store = MessageStore()
    with StoreRelay(store) as relay:
        remote = RemoteStore(relay.url)
        try:
            yield store, remote
        finally:
            remote.close()


def test_a_remote_reader_sees_what_the_sinks_filed(relayed: tuple[MessageStore, RemoteStore]) -> None:
    store, remote = relayed
    assert remote.mark() == 0
    store.add("sms", sender="Acme", to="+393331234567", body="codice 123456")
    store.add("email", sender="noreply@acme.example", to="a@b.example", subject="Ciao", body="Nome utente: x")
    assert remote.mark() == 2
    sms = remote.find("sms", ["3331234567"], after=0, wait=0)  # national form, as the data set has it
    assert sms is not None and sms.body == "codice 123456" and sms.id == 1
    mail = remote.find("email", ["A@B.example"], after=0, wait=0)
    assert mail is not None and mail.subject == "Ciao"
    assert remote.find("sms", ["3331234567"], after=1, wait=0) is None  # only what came after the mark
    assert remote.find("sms", ["3339999999"], after=0, wait=0) is None  # another worker's recipient


def test_a_remote_reader_waits_for_a_message_still_on_its_way(
    relayed: tuple[MessageStore, RemoteStore],
) -> None:
    store, remote = relayed
    later = threading.Timer(0.2, lambda: store.add("sms", sender="Acme", to="3331234567", body="late"))
    later.start()
    try:
        found = remote.find("sms", ["+39 333 123 4567"], after=0, wait=10)
    finally:
        later.cancel()
    assert found is not None and found.body == "late"


def test_a_relay_that_is_gone_is_named() -> None:
    store = MessageStore()
    relay = StoreRelay(store)
    relay.start()
    url = relay.url
    relay.stop()
    remote = RemoteStore(url)
    with pytest.raises(UnreachableError, match=r"message relay http://127\.0\.0\.1:\d+ is unreachable"):
        remote.mark()
    remote.close()
