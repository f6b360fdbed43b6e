"""The MGD document as the harness sees it (portalcert.docspec.DocumentSpec)."""

from __future__ import annotations

from pathlib import Path

from portalcert.docspec import DatasetSpec, DocumentSpec

from . import accessibility, dataset, security
from .actor import Memory
from .phrases import TYPES
from .testdata import TestData


def _demo_accounts(data: TestData) -> list[str]:
    lines = []
    for role in ("user", "temp_user"):
        user = data.user(role)
        lines.append(f"{role:<10} {user.email} / {user.password}  (mobile {user.mobile})")
    company = data.company("company_fixed_mobile")
    registrant = data.interlocutor("registrant_fixed_mobile")
    lines.append(f"to register: {company.fiscal_id} with {registrant.email}, line {company.mobile_lines[0]}")
    return lines


DOCUMENT = DocumentSpec(
    id="telefonica-mi-gestion-digital",
    title="Telefónica Empresas — Cómo registrarme en Mi Gestión Digital",
    language="es",
    seed_file="000_e54ea33d68ae62f0.txt",
    rule_prefix="MGD",
    root=Path(__file__).resolve().parent,
    phrase_types=TYPES,
    dataset=DatasetSpec(
        schema=dataset.SCHEMA,
        load=TestData,
        validate=dataset.validate,
        generate=dataset.generate,
        reference_seed=34,
        leased=TestData.leased,
    ),
    new_memory=Memory,
    describe_accounts=_demo_accounts,
    profiles={"security-baseline": security.SUPPORT, "accessibility": accessibility.SUPPORT},
)
