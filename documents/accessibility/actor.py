"""What the profile's actor remembers during a scenario: the pages scanned, the flows not finished."""

from __future__ import annotations

from dataclasses import dataclass, field

from portalcert.actor import Actor

from .tasks.findings import PageScan


@dataclass
class Memory:
    subjects: list[str] = field(default_factory=list)  # ids of the documents whose flows are walked
    scans: list[PageScan] = field(default_factory=list)  # one per page met, in the order met
    flows_walked: list[str] = field(default_factory=list)  # "<document> · <flow>"
    not_by_keyboard: list[str] = field(default_factory=list)  # flows a keyboard user could not finish


ProfileActor = Actor[None, Memory]
