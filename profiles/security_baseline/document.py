"""The security baseline as the harness sees it: a profile (portalcert.docspec.DocumentSpec).

It has no portal, page map or data set of its own: its scenarios act on the document in scope that opts
in (support.py says what such a document provides).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portalcert.docspec import DatasetSpec, DocumentSpec

from .phrases import TYPES


def _no_data(data: dict[str, Any], source: str) -> None:
    return None


def _nothing_to_check(data: dict[str, Any], scope: object) -> list[str]:
    return []


DOCUMENT = DocumentSpec(
    id="security-baseline",
    title="Security baseline — OWASP ASVS 5.0 and NIST SP 800-63B-4 for every portal in scope",
    language="en",
    seed_file="",
    rule_prefix="SEC",
    root=Path(__file__).resolve().parent,
    phrase_types=TYPES,
    dataset=DatasetSpec(schema="none", load=_no_data, validate=_nothing_to_check),
    new_memory=dict,
    describe_accounts=lambda data: [],
    capabilities={
        "login_code": "signing in asks for a one-time code (SMS or e-mail) after the password",
        "password_recovery": "the portal lets a user ask for a new password",
        "temporary_password": "the portal sends users a temporary password (at registration or recovery)",
        "registration": "a visitor can start registering an identifier (a line, an e-mail address) online",
        "anonymous_codes": "a visitor who is not signed in can make the portal send a code to a user's phone",
        "password_change": "a signed-in user can change their password",
    },
    profile=True,
)
