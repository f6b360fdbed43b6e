"""What a TIS actor remembers during a scenario, and the actor type its tasks take."""

from __future__ import annotations

from dataclasses import dataclass

from portalcert.actor import Actor
from portalcert.control import Message

from .testdata import Employee, LegalRepresentative, TestData


@dataclass
class Memory:
    """Facts a scenario learns on the way and later steps refer to ("the username e-mail")."""

    legal_representative: LegalRepresentative | None = None
    employee: Employee | None = None
    profile: str = ""  # the profile the Rappresentante Legale gave the employee (page-map option name)
    line_number: str = ""
    other_address: str = ""  # an e-mail address other than the contractual one
    username_email: Message | None = None  # the e-mail with the username and the link
    link: str = ""  # the link read from that e-mail
    rl_username: str = ""  # the Rappresentante Legale's username, read from their e-mail
    code_message: Message | None = None  # the SMS or e-mail with the verification code
    new_password: str = ""
    current_password: str = ""
    unknown_username: str = ""  # a username no account has, the same all scenario long

    def remember_password(self, password: str) -> None:
        self.current_password = password


TisActor = Actor[TestData, Memory]
