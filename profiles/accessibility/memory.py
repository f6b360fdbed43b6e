"""What the profile remembers during a scenario (on behave's context: the scenario's actor is the
document's): the pages scanned, the flows walked and those a keyboard user could not finish."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .tasks.findings import PageScan


@dataclass
class Memory:
    subject: str = ""  # id of the document whose flows are walked
    scans: list[PageScan] = field(default_factory=list)  # one per page met, in the order met
    flows_walked: list[str] = field(default_factory=list)  # "<document> · <flow>"
    not_by_keyboard: list[str] = field(default_factory=list)  # flows a keyboard user could not finish


def of(context: Any) -> Memory:
    """The scenario's memory (behave drops what a scenario puts on its context when it ends)."""
    memory = getattr(context, "accessibility", None)
    if not isinstance(memory, Memory):
        memory = context.accessibility = Memory()
    return memory
