"""The accessibility profile as the harness sees it: a profile (portalcert.docspec.DocumentSpec) whose
rules quote WCAG 2.1.

It has no portal, page map or data set of its own: its steps walk the flows the document in scope
that opts in declares (support.py), each with an actor of that document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portalcert.docspec import DatasetSpec, DocumentSpec

from .memory import Memory
from .phrases import TYPES


def _no_data(data: dict[str, Any], source: str) -> None:
    return None


def _nothing_to_check(data: dict[str, Any], scope: object) -> list[str]:
    return []


DOCUMENT = DocumentSpec(
    id="accessibility",
    title="Accessibility — WCAG 2.1 Level A and AA (axe-core) and keyboard operation for every portal",
    language="en",
    seed_file="",
    rule_prefix="A11Y",
    root=Path(__file__).resolve().parent,
    phrase_types=TYPES,
    dataset=DatasetSpec(schema="none", load=_no_data, validate=_nothing_to_check),
    new_memory=Memory,
    describe_accounts=lambda data: [],
    profile=True,
)
