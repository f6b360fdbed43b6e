"""What a document gives the accessibility profile to opt in: its documented flows, walked by its own tasks.

A document opts in from its own package: its `DocumentSpec.profiles` maps "accessibility" to a
`portalcert.docspec.ProfileSupport` whose `flows` is an `AccessibilityFlows` (CM6's is
documents/tim_convenzione_mobile6/accessibility.py). The profile walks each flow in a browser, once
per scenario, each as a new visitor (no cookies), with a fresh actor of the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Flow:
    """One flow the document's guide documents: `walk` takes the document's actor from a signed-out
    visitor's first page to the flow's end on the happy path, raising like any task when it cannot.
    It is walked many times a run: it should use up no test account."""

    name: str  # "sign in", as the guide would say it
    walk: Callable[[Any], None]


@dataclass(frozen=True)
class AccessibilityFlows:
    flows: tuple[Flow, ...]
