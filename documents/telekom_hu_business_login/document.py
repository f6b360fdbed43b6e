"""The Telekom business login document as the harness sees it (portalcert.docspec.DocumentSpec)."""

from __future__ import annotations

from pathlib import Path

from portalcert.docspec import DatasetSpec, DocumentSpec

from . import accessibility, dataset, security
from .actor import Memory
from .phrases import TYPES
from .testdata import TestData


def _demo_accounts(data: TestData) -> list[str]:
    lines = []
    for role in ("main_admin", "business_user", "temp_user", "sms_off_user"):
        user = data.user(role)
        lines.append(f"{role:<14} {user.login} / {user.password}  (SMS to +36 {user.mobile})")
    number = data.number("mobile")
    lines.append(f"{'mobile':<14} +36 {number.number}  (Belépés telefonszámmal)")
    return lines


DOCUMENT = DocumentSpec(
    id="telekom-hu-business-login",
    title="Magyar Telekom — Belépés az üzleti online önkiszolgáló felületre (GYIK)",
    language="hu",
    seed_file="002_b8be9bafa46af489.txt",
    rule_prefix="MTH",
    root=Path(__file__).resolve().parent,
    phrase_types=TYPES,
    dataset=DatasetSpec(
        schema=dataset.SCHEMA,
        load=TestData,
        validate=dataset.validate,
        generate=dataset.generate,
        reference_seed=13,
        leased=TestData.leased,
    ),
    new_memory=Memory,
    describe_accounts=_demo_accounts,
    profiles={"security-baseline": security.SUPPORT, "accessibility": accessibility.SUPPORT},
)
