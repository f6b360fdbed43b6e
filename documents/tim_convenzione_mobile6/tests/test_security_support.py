"""CM6 gives the security baseline every flow it asks for: none of its scenarios is NOT_APPLICABLE."""

from __future__ import annotations

from documents.tim_convenzione_mobile6.security import SUPPORT


def test_cm6_gives_every_flow() -> None:
    assert SUPPORT.lacks == {} and SUPPORT.flows.has_code_step
