"""The accessibility profile as the harness sees it: a DocumentSpec whose rules quote WCAG 2.1.

It has no portal, page map or accounts of its own: its steps walk the flows other documents declare
(portalcert.flows), each with an actor of that document. Its data set and page map are empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portalcert.docspec import DatasetSpec, DocumentSpec, RuleScope

from .actor import Memory
from .phrases import TYPES

SCHEMA = "portalcert-profile/1"


def _load(data: dict[str, Any], source: str) -> None:
    return None  # nothing to load: the documents checked bring their own test data


def _validate(data: dict[str, Any], scope: RuleScope | None) -> list[str]:
    extra = sorted(set(data) - {"schema"})
    return [f"a profile's data set holds only its schema (found {', '.join(extra)})"] if extra else []


DOCUMENT = DocumentSpec(
    id="accessibility",
    title="Accessibility profile — WCAG 2.1 Level A and AA (axe-core), keyboard operation",
    language="en",
    seed_file="W3C WCAG 2.1 Recommendation (https://www.w3.org/TR/WCAG21/)",
    rule_prefix="A11Y",
    root=Path(__file__).resolve().parent,
    phrase_types=TYPES,
    dataset=DatasetSpec(schema=SCHEMA, load=_load, validate=_validate),
    new_memory=Memory,
    describe_accounts=lambda data: [],
)
