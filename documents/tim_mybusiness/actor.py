"""What a myBusiness actor remembers during a scenario, and the actor type its tasks take."""

from __future__ import annotations

from dataclasses import dataclass

from portalcert.actor import Actor

from .testdata import TestData, User


@dataclass
class Memory:
    """Facts a scenario learns on the way and later steps refer to ("the user", "the nominee")."""

    user: User | None = None
    role: str = ""  # the data-set role of the user
    nominee: User | None = None
    contract: str = ""  # the code of the mobile contract a nomination is for
    typed_page: str = ""  # the page whose address (with another company's id) was typed


MybActor = Actor[TestData, Memory]
