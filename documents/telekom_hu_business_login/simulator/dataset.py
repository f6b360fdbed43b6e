"""Load the Telekom business data set (schema `portalcert-fixtures/1`) into the database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from documents.telekom_hu_business_login.simulator.models import BusinessUser, Company, PhoneNumber
from simulator import clock, security
from simulator.fixtures import FixtureError

SCHEMA = "portalcert-fixtures/1"


def load(db: Session, data: Mapping[str, Any]) -> None:
    """Insert companies, business users (passwords hashed) and phone numbers. Needs an app context.
    `accounts` only names roles: it is the harness's business."""
    if data.get("schema") != SCHEMA:
        raise FixtureError(f"unsupported data set schema: {data.get('schema')!r} (expected {SCHEMA})")
    try:
        for c in data["companies"]:
            db.add(
                Company(
                    id=c["id"],
                    name=c["name"],
                    slug=c["slug"],
                    tax_number=c["tax_number"],
                    email=c["email"],
                    sms_codes=bool(c["sms_codes"]),
                )
            )
        db.flush()
        for u in data["users"]:
            db.add(
                BusinessUser(
                    id=u["id"],
                    company_id=u["company"],
                    login=str(u["login"]).lower(),
                    name=u["name"],
                    password_hash=security.hash_password(u["password"], cached=True),
                    previous_password_hash=None,
                    password_is_temporary=bool(u["temporary"]),
                    # The data set says not when: its temporary passwords count as sent when it loads.
                    temporary_password_sent_at=clock.now() if u["temporary"] else None,
                    is_admin=bool(u["admin"]),
                    permissions=[str(p) for p in u.get("permissions", [])],
                    email=u["email"],
                    mobile=u["mobile"],
                    telekom_fiok=u.get("telekom_fiok", "complete"),
                )
            )
        for n in data["numbers"]:
            db.add(
                PhoneNumber(
                    id=n["id"],
                    company_id=n["company"],
                    number=n["number"],
                    holder=n["holder"],
                    restricted=[str(f) for f in n.get("restricted", [])],
                )
            )
        db.flush()
    except KeyError as exc:
        raise FixtureError(f"data set record lacks {exc}") from exc
    except (TypeError, AttributeError, ValueError) as exc:
        raise FixtureError(f"data set record is malformed: {exc}") from exc
    except StatementError as exc:
        raise FixtureError(f"data set is inconsistent: {exc.orig}") from exc
