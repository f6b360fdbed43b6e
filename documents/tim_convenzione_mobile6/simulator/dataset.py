"""Load the CM6 data set (schema `portalcert-fixtures/1`, see docs/simulator.md) into the database."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from documents.tim_convenzione_mobile6.simulator.models import Entity, Sim, User
from simulator import clock, security
from simulator.fixtures import FixtureError

SCHEMA = "portalcert-fixtures/1"


def load(db: Session, data: Mapping[str, Any]) -> None:
    """Insert entities, SIMs and users (passwords hashed; a temporary one issued at the user's
    `temporary_password_sent_at`, else 'now'). Needs an app context.

    `people` and `accounts` are the harness's business: people register during scenarios, accounts
    only name roles.
    """
    if data.get("schema") != SCHEMA:
        raise FixtureError(f"unsupported data set schema: {data.get('schema')!r} (expected {SCHEMA})")
    now = clock.now()
    try:
        for e in data["entities"]:
            db.add(
                Entity(
                    id=e["id"],
                    name=e["name"],
                    codice_fiscale=e["codice_fiscale"],
                    partita_iva=e["partita_iva"],
                    conventions=list(e.get("conventions", [])),
                )
            )
        db.flush()
        for s in data["sims"]:
            db.add(
                Sim(
                    id=s["id"],
                    number=s["number"],
                    entity_id=s["entity"],
                    convention=s["convention"],
                    status=s["status"],
                )
            )
        db.flush()
        for u in data["users"]:
            db.add(
                User(
                    id=u["id"],
                    username=u["username"],
                    password_hash=security.hash_password(u["password"], cached=True),
                    previous_password_hash=None,
                    password_is_temporary=bool(u.get("password_is_temporary", False)),
                    password_issued_at=_issued_at(u, now),
                    first_name=u["first_name"],
                    last_name=u["last_name"],
                    personal_fiscal_code=u["personal_fiscal_code"],
                    email=u["email"],
                    contact_mobile=u["contact_mobile"],
                    business_sim_id=u["business_sim"],
                    origin=u.get("origin", "CM6"),
                )
            )
        db.flush()
    except KeyError as exc:
        raise FixtureError(f"data set record lacks {exc}") from exc
    except (TypeError, AttributeError, ValueError) as exc:  # a list or a string where it does not belong
        raise FixtureError(f"data set record is malformed: {exc}") from exc
    except StatementError as exc:  # a duplicate id or number, a reference to nothing, a missing value
        raise FixtureError(f"data set is inconsistent: {exc.orig}") from exc


def _issued_at(user: Mapping[str, Any], now: datetime) -> datetime:
    sent = user.get("temporary_password_sent_at")
    if sent is None:
        return now
    try:
        issued = datetime.fromisoformat(str(sent))
    except ValueError:
        raise FixtureError(
            f"user {user.get('id')}: temporary_password_sent_at {sent!r} is not ISO 8601"
        ) from None
    if issued.tzinfo is None:
        raise FixtureError(f"user {user.get('id')}: temporary_password_sent_at {sent!r} has no time zone")
    return issued.astimezone(UTC)
