"""The actor of a scenario: what it can use (portal, test data, inbox, clock) and what it remembers.

The test data and the memory are the document's own types: `Actor[TestData, Memory]` in its tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from portalcert.control import ControlClient, Message
from portalcert.inbox import Inbox
from portalcert.interstitials import PasswordMemory
from portalcert.portal import Portal

DataT = TypeVar("DataT")
MemoryT = TypeVar("MemoryT")


@dataclass
class Actor(Generic[DataT, MemoryT]):
    """A memory with `current_password` and `remember_password(password)` (interstitials.PasswordMemory)
    is told the passwords the Portal sets when it passes a forced password change."""

    portal: Portal
    data: DataT
    inbox: Inbox | None
    control: ControlClient | None
    captcha_test_value: str
    patterns: dict[str, re.Pattern[str]]
    memory: MemoryT
    # The target's control API for back-office events and setting the clock (None: it has none);
    # `control` above is the same API, given only when it can advance the clock.
    backoffice: ControlClient | None = None
    # The portal is reset before each scenario: what the data set does not say about time (when a
    # password was sent) may be taken to have happened at the reset.
    resets: bool = False
    # In a baseline profile's scenario: the flows the document under test gives the profile
    # (docspec.ProfileSupport.flows); the actor's portal, data and memory are that document's.
    profile: Any = None

    def __post_init__(self) -> None:
        if isinstance(self.memory, PasswordMemory):
            self.portal.interstitials.passwords = self.memory

    def extract(self, pattern: str, message: Message) -> str | None:
        """Pick a value (code, password, username) out of a message with the target's pattern."""
        match = self.patterns[pattern].search(message.body)
        return match.group(1) if match else None
