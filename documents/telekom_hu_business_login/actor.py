"""What an actor of this document remembers during a scenario, and the actor type its tasks take."""

from __future__ import annotations

from dataclasses import dataclass, field

from portalcert.actor import Actor
from portalcert.control import Message

from .testdata import Company, Number, TestData, User


@dataclass
class Memory:
    """Facts a scenario learns on the way and later steps refer to ("the first login code")."""

    user: User | None = None
    number: Number | None = None
    company: Company | None = None
    login_id: str = ""  # the id a step signs in with (admin@<cégnév> from a declaration notice)
    sms: Message | None = None
    first_code: str = ""  # the login code a resend replaced
    temporary_password: str = ""
    new_password: str = ""
    current_password: str = ""
    reset_channel: str = ""
    reset_message: Message | None = None
    form_email: str = ""  # the address given on the declaration form
    declared_mobile: str = ""  # the mobile number given on the declaration form
    notice: Message | None = None
    registered: list[tuple[str, str]] = field(default_factory=list)  # (e-mail address, login id)
    passwords_received: list[str] = field(default_factory=list)

    def remember_password(self, password: str) -> None:
        self.current_password = password


MthActor = Actor[TestData, Memory]
