"""Refusals during the registration: the wizard stays where it was and says what it refuses, and why.

A refusal check names the kind of message it expects (the page map's `errors:`), so that a different
refusal ("SIM of another Amministrazione" for "SIM outside the Convenzione") does not satisfy it.
"""

from __future__ import annotations

from ..actor import Cm6Actor as Actor
from .common import expect_refused
from .registration import OTP, STEP1, STEP2, STEP3, Point

PAGE_OF_POINT = {Point.STEP1: STEP1, Point.STEP2: STEP2, Point.OTP: OTP, Point.STEP3: STEP3}


def expect_refusal(actor: Actor, point: Point, kind: str) -> None:
    """The registration is still at `point`, showing the message of this kind."""
    expect_refused(actor, PAGE_OF_POINT[point], kind)
