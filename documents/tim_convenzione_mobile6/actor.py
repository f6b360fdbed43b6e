"""What a CM6 actor remembers during a scenario, and the actor type its tasks take."""

from __future__ import annotations

from dataclasses import dataclass

from portalcert.actor import Actor
from portalcert.control import Message

from .testdata import Person, TestData, User


@dataclass
class Memory:
    """Facts a scenario learns on the way and later steps refer to ("the business number")."""

    person: Person | None = None
    business_mobile: str = ""
    business_sim: str = ""  # id of the free SIM a registration binds (consumed when it completes)
    user: User | None = None
    username: str = ""
    sms: Message | None = None
    email: Message | None = None
    temporary_password: str = ""
    new_password: str = ""
    recovered_password: str = ""
    current_password: str = ""  # the one the user signed in with, or a forced change then set
    captcha_seen: str = ""  # digest of the graphic code's picture

    def remember_password(self, password: str) -> None:
        """A password the harness set on an interstitial (a forced change): now the current one."""
        self.current_password = password


Cm6Actor = Actor[TestData, Memory]
