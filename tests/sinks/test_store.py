"""MessageStore: ids, marks, blocking reads and how recipients are matched."""

from __future__ import annotations

import threading
import time

import pytest

from portalcert.control import Message
from portalcert.sinks import MessageStore, same_recipient


def test_ids_grow_from_one_and_messages_is_a_copy_oldest_first() -> None:
    store = MessageStore()
    assert store.mark() == 0
    first = store.add("sms", sender="", to="3331234567", body="codice 111111")
    second = store.add("email", sender="noreply@x.it", to="a@b.it", subject="Codice", body="222222")
    assert (first.id, second.id) == (1, 2)
    assert second == Message(2, "email", "noreply@x.it", "a@b.it", "Codice", "222222")
    assert first.subject == ""
    snapshot = store.messages()
    assert snapshot == [first, second]
    snapshot.clear()
    assert len(store.messages()) == 2
    assert store.mark() == 2


def test_find_reads_only_past_the_mark_and_returns_the_oldest_match() -> None:
    store = MessageStore()
    store.add("sms", sender="", to="+39 333 1234567", body="old code")
    mark = store.mark()
    store.add("email", sender="", to="+39 333 1234567", body="other channel")
    store.add("sms", sender="", to="+39 999 7654321", body="other phone")
    wanted = store.add("sms", sender="", to="+39 333 1234567", body="new code")
    store.add("sms", sender="", to="00393331234567", body="newer code")
    assert store.find("sms", ["3331234567"], after=mark, wait=0) == wanted
    newer = store.find("sms", ["3331234567"], after=wanted.id, wait=0)
    assert newer is not None and newer.body == "newer code"
    assert store.find("sms", ["3331234567"], after=store.mark(), wait=0) is None
    assert store.find("sms", [], after=0, wait=0) is None


def test_find_matches_any_of_several_recipients() -> None:
    store = MessageStore()
    store.add("email", sender="", to="someone@else.it", body="x")
    hit = store.add("email", sender="", to="Ufficio <UFFICIO@azienda.it>", body="y")
    assert store.find("email", ["mario@azienda.it", "ufficio@azienda.it"], after=0, wait=0) == hit


def test_find_waits_for_a_message_added_later() -> None:
    store = MessageStore()
    timer = threading.Timer(0.2, lambda: store.add("sms", sender="", to="3331234567", body="late 424242"))
    started = time.monotonic()
    timer.start()
    try:
        found = store.find("sms", ["+393331234567"], after=0, wait=2)
    finally:
        timer.join()
    elapsed = time.monotonic() - started
    assert found is not None and found.body == "late 424242"
    assert 0.15 <= elapsed < 1.5


def test_find_gives_up_after_wait_seconds() -> None:
    store = MessageStore()
    store.add("sms", sender="", to="3339999999", body="not for us")
    started = time.monotonic()
    assert store.find("sms", ["3331234567"], after=0, wait=0.2) is None
    assert 0.18 <= time.monotonic() - started < 0.4  # ~0.2 s, with slack for a loaded machine


def test_unrelated_messages_do_not_end_the_wait_early() -> None:
    store = MessageStore()
    timer = threading.Timer(0.05, lambda: store.add("sms", sender="", to="3339999999", body="noise"))
    timer.start()
    started = time.monotonic()
    try:
        assert store.find("sms", ["3331234567"], after=0, wait=0.2) is None
    finally:
        timer.join()
    assert time.monotonic() - started >= 0.18


def test_concurrent_adds_get_distinct_ids() -> None:
    store = MessageStore()

    def burst() -> None:
        for n in range(200):
            store.add("sms", sender="", to="3331234567", body=str(n))

    threads = [threading.Thread(target=burst) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = [message.id for message in store.messages()]
    assert ids == list(range(1, 801))


@pytest.mark.parametrize(
    ("channel", "a", "b", "same"),
    [
        ("email", "Mario <M.Rossi@x.it>", "m.rossi@x.it", True),
        ("email", "  M.ROSSI@X.IT ", "m.rossi@x.it", True),
        ("email", '"Rossi, Mario" <m.rossi@x.it>', "Mario Rossi <M.Rossi@X.it>", True),
        ("email", "m.rossi@x.it", "m.rossi@y.it", False),
        ("email", "rossi@x.it", "m.rossi@x.it", False),
        ("email", "", "", False),
        ("sms", "+39 363 652 9115", "3636529115", True),
        ("sms", "00393636529115", "+39 363 652 9115", True),
        ("sms", "393636529115", "3636529115", True),
        ("sms", "whatsapp:+393636529115", "363-652-9115", True),
        ("sms", "(+39) 363.652.9115", "00393636529115", True),
        ("sms", "3636529115", "3636529116", False),
        ("sms", "+39 363 652 9115", "+44 363 652 9115", False),  # both international: prefixes must agree
        ("sms", "+393636529115", "9115", False),  # a short tail is not a phone number
        ("sms", "+393636529115", "36529115", True),  # 8 digits is enough
        ("sms", "+393636529115", "6529115", False),  # 7 is not
        ("sms", "", "", False),
        ("sms", "n/a", "n/a", False),
        ("pigeon", "Coop 7", "coop 7", True),
    ],
)
def test_same_recipient(channel: str, a: str, b: str, same: bool) -> None:
    assert same_recipient(channel, a, b) is same
    assert same_recipient(channel, b, a) is same
