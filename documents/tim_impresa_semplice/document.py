"""The TIM Impresa Semplice document as the harness sees it (portalcert.docspec.DocumentSpec)."""

from __future__ import annotations

from pathlib import Path

from portalcert.docspec import DatasetSpec, DocumentSpec

from . import accessibility, dataset, security
from .actor import Memory
from .phrases import TYPES
from .testdata import TestData


def _demo_accounts(data: TestData) -> list[str]:
    rl = data.legal_representative()
    return [f"Rappresentante Legale  {rl.username} / {rl.password}  (partita IVA {rl.partita_iva})"]


DOCUMENT = DocumentSpec(
    id="tim-impresa-semplice",
    title="TIM Impresa Semplice — registrazione all'Area Clienti e Gestione Utenze",
    language="it",
    seed_file="001_33321c93bf8a4968.txt",
    rule_prefix="TIS",
    root=Path(__file__).resolve().parent,
    phrase_types=TYPES,
    dataset=DatasetSpec(
        schema=dataset.SCHEMA,
        load=TestData,
        validate=dataset.validate,
        generate=dataset.generate,
        reference_seed=12,
        leased=TestData.leased,
    ),
    new_memory=Memory,
    describe_accounts=_demo_accounts,
    profiles={"security-baseline": security.SUPPORT, "accessibility": accessibility.SUPPORT},
)
