"""The test phones and mailboxes of one scenario, whatever carries the messages.

A target says per channel where messages arrive (targets: `messages.sms` / `messages.email`):
the simulator's outbox behind its control API, or the built-in sinks (portalcert.sinks) that a
vendor's SMS gateway and mail server deliver to. Tasks only ask for "the next SMS to this
number"; the Inbox asks the right source and never hands the same message out twice.
"""

from __future__ import annotations

import time
from typing import Protocol

from portalcert.control import Message
from portalcert.sinks.store import Store


class MessageSource(Protocol):
    """Anything that lists messages of a channel to one recipient, newer than an id."""

    def messages(self, channel: str, to: str, *, after: int = 0, wait: float = 0) -> list[Message]: ...


class SinkSource:
    """A built-in sink's store as a MessageSource."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def messages(self, channel: str, to: str, *, after: int = 0, wait: float = 0) -> list[Message]:
        found = self._store.find(channel, [to], after=after, wait=wait)
        return [found] if found is not None else []


class Inbox:
    """Each message is read at most once, oldest first, waiting up to the target's limit.

    `start` is where the scenario's reading begins per channel: a sink keeps what earlier
    scenarios received (late arrivals included), so each scenario starts at the sink's mark.
    """

    def __init__(
        self, sources: dict[str, MessageSource], wait_seconds: float, start: dict[str, int] | None = None
    ) -> None:
        self._sources = sources
        self._wait = wait_seconds
        self._start = dict(start or {})
        self._last_read: dict[tuple[str, str], int] = {}

    def next_message(self, channel: str, recipients: list[str]) -> Message | None:
        """The oldest unread message to any of `recipients`, or None once the wait is over."""
        source = self._sources[channel]
        deadline = time.monotonic() + self._wait
        while True:
            remaining = max(0.0, deadline - time.monotonic())
            # With one recipient the source long-polls; with several, poll each briefly.
            wait = remaining if len(recipients) == 1 else 0
            for recipient in recipients:
                key = (channel, recipient)
                after = self._last_read.get(key, self._start.get(channel, 0))
                found = source.messages(channel, recipient, after=after, wait=wait)
                if found:
                    self._last_read[key] = found[0].id
                    return found[0]
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)
