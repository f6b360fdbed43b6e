"""Load a data set (schema `portalcert-fixtures/1`, see docs/simulator.md) into the database."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from simulator import clock, security
from simulator.models import Entity, Sim, User

SCHEMA = "portalcert-fixtures/1"


class FixtureError(ValueError):
    pass


def read_file(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FixtureError(f"data set not found: {path}") from exc
    return data


def load(db: Session, data: Mapping[str, Any]) -> None:
    """Insert entities, SIMs and users (passwords hashed; temporary ones issued 'now'). Needs an app context.

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
                    password_issued_at=now,
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


def reload(app: Any, data: Mapping[str, Any] | None = None) -> None:
    """Empty the database, set the clock back to real time and load `data` (default: FIXTURES_PATH).

    Defects stay as they are: the harness switches them independently of resets.
    """
    from simulator.config import fixtures_path
    from simulator.db import get_database, reset_schema

    if data is None:
        data = read_file(fixtures_path(app))
    with app.app_context():
        reset_schema(app)
        clock.get_clock(app).reset()
        with get_database(app).session() as db:
            load(db, data)
            db.commit()
