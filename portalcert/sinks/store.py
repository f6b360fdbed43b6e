"""The in-memory outbox the sinks write into and scenarios read one-time codes from.

The sinks receive on server threads while a scenario waits on its own thread, so every access goes
through one `threading.Condition`: writers notify, readers block until a matching message arrives.
"""

from __future__ import annotations

import re
import threading
from email.utils import parseaddr
from typing import Protocol

from portalcert.control import Message

_NON_DIGITS = re.compile(r"\D")
_MIN_SUFFIX_DIGITS = 8


def _phone_digits(number: str) -> str:
    digits = _NON_DIGITS.sub("", number)
    return digits[2:] if digits.startswith("00") else digits


def _email_address(value: str) -> str:
    address = parseaddr(value)[1] or value
    return address.strip().casefold()


def same_recipient(channel: str, a: str, b: str) -> bool:
    """Whether `a` and `b` name the same phone or mailbox, as gateways and portals spell them."""
    if channel == "email":
        left, right = _email_address(a), _email_address(b)
        return bool(left) and left == right
    if channel == "sms":
        left, right = _phone_digits(a), _phone_digits(b)
        if not left or not right:
            return False
        if left == right:
            return True
        short, long = sorted((left, right), key=len)
        # Portals store the national form, gateways post the international one: match on the tail.
        return len(short) >= _MIN_SUFFIX_DIGITS and long.endswith(short)
    return a.strip().casefold() == b.strip().casefold()


class Store(Protocol):
    """What a scenario's inbox needs of a store: where reading starts, and the next message. The
    sinks' own `MessageStore`, or a worker's `RemoteStore` reading the parent's (sinks/relay.py)."""

    def mark(self) -> int: ...

    def find(self, channel: str, recipients: list[str], *, after: int, wait: float) -> Message | None: ...


class MessageStore:
    """Every message the sinks received, in arrival order, with ids that only grow."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._messages: list[Message] = []
        self._last_id = 0

    def add(self, channel: str, *, sender: str, to: str, subject: str = "", body: str) -> Message:
        """Record one message and wake every reader waiting in `find`."""
        with self._cond:
            self._last_id += 1
            message = Message(self._last_id, channel, sender, to, subject, body)
            self._messages.append(message)
            self._cond.notify_all()
        return message

    def mark(self) -> int:
        """The highest id so far (0 when empty): a scenario reads only what arrives after it."""
        with self._cond:
            return self._last_id

    def messages(self) -> list[Message]:
        """A copy of everything received, oldest first."""
        with self._cond:
            return list(self._messages)

    def find(self, channel: str, recipients: list[str], *, after: int, wait: float) -> Message | None:
        """The oldest `channel` message past `after` to any of `recipients`, waiting up to `wait` s."""
        if not recipients:
            return None
        found: list[Message] = []

        def match() -> bool:
            # Ids are list positions + 1 (nothing is ever removed), so this slice starts past `after`.
            for message in self._messages[max(after, 0) :]:
                if message.channel == channel and any(
                    same_recipient(channel, message.to, r) for r in recipients
                ):
                    found.append(message)
                    return True
            return False

        with self._cond:
            self._cond.wait_for(match, timeout=max(wait, 0.0))
        return found[0] if found else None
