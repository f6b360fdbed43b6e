"""The myBusiness document as the harness sees it (portalcert.docspec.DocumentSpec)."""

from __future__ import annotations

from pathlib import Path

from portalcert.docspec import DatasetSpec, DocumentSpec

from . import accessibility, dataset, security
from .actor import Memory
from .phrases import TYPES, USER_ROLES
from .testdata import TestData


def _demo_accounts(data: TestData) -> list[str]:
    lines = []
    for role in USER_ROLES.values():
        user = data.user(role)
        lines.append(f"{role:<32} {user.username} / {user.password}  ({user.profile})")
    return lines


DOCUMENT = DocumentSpec(
    id="tim-mybusiness",
    title="TIM myBusiness: profili di accesso e Consistenze dell'Area Clienti",
    language="it",
    seed_file="003_97f794e3e48eac2d.txt",
    rule_prefix="MYB",
    root=Path(__file__).resolve().parent,
    phrase_types=TYPES,
    dataset=DatasetSpec(
        schema=dataset.SCHEMA,
        load=TestData,
        validate=dataset.validate,
        generate=dataset.generate,
        reference_seed=14,
        leased=TestData.leased,
    ),
    new_memory=Memory,
    describe_accounts=_demo_accounts,
    profiles={"security-baseline": security.SUPPORT, "accessibility": accessibility.SUPPORT},
)
