"""The actor of a scenario: what it can use (portal, test data, inbox, clock) and what it remembers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from portalcert.control import ControlClient, Message
from portalcert.inbox import Inbox
from portalcert.portal import Portal
from portalcert.testdata import Person, TestData, User


@dataclass
class Memory:
    """Facts a scenario learns on the way and later steps refer to ("the business number")."""

    person: Person | None = None
    business_mobile: str = ""
    user: User | None = None
    username: str = ""
    sms: Message | None = None
    email: Message | None = None
    temporary_password: str = ""
    new_password: str = ""
    recovered_password: str = ""
    captcha_seen: str = ""


@dataclass
class Actor:
    portal: Portal
    data: TestData
    inbox: Inbox | None
    control: ControlClient | None
    captcha_test_value: str
    patterns: dict[str, re.Pattern[str]]
    memory: Memory = field(default_factory=Memory)

    def extract(self, pattern: str, message: Message) -> str | None:
        """Pick a value (code, password, username) out of a message with the target's pattern."""
        match = self.patterns[pattern].search(message.body)
        return match.group(1) if match else None
