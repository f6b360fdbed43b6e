"""What an MGD actor remembers during a scenario, and the actor type its tasks take."""

from __future__ import annotations

from dataclasses import dataclass

from portalcert.actor import Actor
from portalcert.control import Message

from .testdata import Company, TestData


@dataclass
class Memory:
    """Facts a scenario learns on the way and later steps refer to ("the mobile given")."""

    company: Company | None = None
    registrant_role: str = ""  # the role of the interlocutor registering (used up when registered)
    email: str = ""  # the e-mail the actor registers or signs in with
    mobile_given: str = ""  # the Telefónica mobile given during the registration
    new_mobile: str = ""  # the mobile saved in Mi Área
    user_role: str = ""
    user_mobile: str = ""  # where the portal sends the user's SMS codes
    temporary_password: str = ""
    new_password: str = ""
    channel: str = ""  # where the user chose to receive the code: "email" or "sms"
    code_message: Message | None = None  # the last message with a security code


MgdActor = Actor[TestData, Memory]
