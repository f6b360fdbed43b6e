"""Load the Mi Gestión Digital data set (schema `portalcert-fixtures/1`) into the database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from documents.telefonica_mi_gestion_digital.simulator.models import Company, Interlocutor, Line, User
from simulator import clock, security
from simulator.fixtures import FixtureError

SCHEMA = "portalcert-fixtures/1"


def load(db: Session, data: Mapping[str, Any]) -> None:
    """Insert companies, lines, interlocutors and users (passwords hashed). `phones` and `accounts`
    are the harness's business: numbers nobody holds, and role names."""
    if data.get("schema") != SCHEMA:
        raise FixtureError(f"unsupported data set schema: {data.get('schema')!r} (expected {SCHEMA})")
    try:
        for c in data["companies"]:
            db.add(
                Company(
                    id=c["id"],
                    name=c["name"],
                    segment=c["segment"],
                    fiscal_id=c["fiscal_id"].upper(),
                    fiscal_id_kind=c["fiscal_id_kind"],
                    fixed_account=c.get("fixed_account"),
                    mobile_account=c.get("mobile_account"),
                )
            )
        db.flush()
        for line in data["lines"]:
            db.add(Line(id=line["id"], number=line["number"], company_id=line["company"], kind=line["kind"]))
        for i in data["interlocutors"]:
            db.add(
                Interlocutor(
                    id=i["id"],
                    company_id=i["company"],
                    first_name=i["first_name"],
                    last_name=i["last_name"],
                    email=i["email"].lower(),
                )
            )
        db.flush()
        for u in data["users"]:
            db.add(
                User(
                    id=u["id"],
                    interlocutor_id=u["interlocutor"],
                    email=u["email"].lower(),
                    password_hash=security.hash_password(u["password"], cached=True),
                    password_is_temporary=bool(u["password_is_temporary"]),
                    # The data set's temporary passwords are sent as it is loaded (at each reset).
                    temporary_password_sent_at=clock.now() if u["password_is_temporary"] else None,
                    mobile=u.get("mobile"),
                    # A user of the data set has been through Mi Área's first visit.
                    terms_accepted=True,
                )
            )
        db.flush()
    except KeyError as exc:
        raise FixtureError(f"data set record lacks {exc}") from exc
    except (TypeError, AttributeError, ValueError) as exc:
        raise FixtureError(f"data set record is malformed: {exc}") from exc
    except StatementError as exc:
        raise FixtureError(f"data set is inconsistent: {exc.orig}") from exc
