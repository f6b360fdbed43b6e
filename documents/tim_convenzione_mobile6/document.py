"""The CM6 document as the harness sees it (portalcert.docspec.DocumentSpec)."""

from __future__ import annotations

from pathlib import Path

from portalcert.docspec import DatasetSpec, DocumentSpec

from . import accessibility, dataset, security
from .actor import Memory
from .phrases import TYPES
from .testdata import TestData


def _demo_accounts(data: TestData) -> list[str]:
    lines = []
    for role in ("user", "temp_user", "cm5_user", "ceased_user"):
        user = data.user(role)
        lines.append(f"{role:<12} {user.username} / {user.password}  (TIM number {user.business_mobile})")
    return lines


DOCUMENT = DocumentSpec(
    id="tim-convenzione-mobile-6",
    title="TIM — Portale della Convenzione Telefonia Mobile 6: guida alla registrazione",
    language="it",
    seed_file="004_7603f61f2d84d1c6.txt",
    rule_prefix="CM6",
    root=Path(__file__).resolve().parent,
    phrase_types=TYPES,
    dataset=DatasetSpec(
        schema=dataset.SCHEMA,
        load=TestData,
        validate=dataset.validate,
        generate=dataset.generate,
        reference_seed=6,
        leased=TestData.leased,
    ),
    new_memory=Memory,
    describe_accounts=_demo_accounts,
    capabilities={
        "declared_sim": "a SIM can be 'declared in the contract' (dichiarata nella modulistica contrattuale)"
        " without being active yet; CM6-06 accepts such a SIM for registration",
    },
    profiles={"security-baseline": security.SUPPORT, "accessibility": accessibility.SUPPORT},
)
