"""Load the TIM Impresa Semplice data set (schema `portalcert-tis/1`, reference/README.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from documents.tim_impresa_semplice.simulator import texts
from documents.tim_impresa_semplice.simulator.models import Company, Contract, Line, Referente, WebUser
from simulator import clock, security
from simulator.fixtures import FixtureError

SCHEMA = "portalcert-tis/1"


def load(db: Session, data: Mapping[str, Any]) -> None:
    """Companies (with their Rappresentante Legale's web user when TIM already registered them),
    contracts, lines and Referenti. `employees` and `accounts` are the harness's business."""
    if data.get("schema") != SCHEMA:
        raise FixtureError(f"unsupported data set schema: {data.get('schema')!r} (expected {SCHEMA})")
    try:
        for c in data["companies"]:
            rl = c["legal_representative"]
            db.add(
                Company(
                    id=c["id"],
                    name=c["name"],
                    partita_iva=c["partita_iva"],
                    rl_first_name=rl["first_name"],
                    rl_last_name=rl["last_name"],
                    rl_email=rl["email"],
                    rl_mobile=rl.get("mobile"),
                )
            )
        db.flush()
        for c in data["companies"]:
            if c.get("registered"):
                db.add(_legal_representative(c))
        for k in data["contracts"]:
            db.add(Contract(id=k["id"], company_id=k["company"], segment=k["segment"]))
        db.flush()
        for line in data["lines"]:
            db.add(
                Line(id=line["id"], contract_id=line["contract"], number=line["number"], kind=line["kind"])
            )
        db.flush()
        for r in data["referenti"]:
            db.add(
                Referente(
                    id=r["id"],
                    line_id=r["line"],
                    first_name=r["first_name"],
                    last_name=r["last_name"],
                    email=r["email"],
                    profile=r["profile"],
                )
            )
        db.flush()
    except KeyError as exc:
        raise FixtureError(f"data set record lacks {exc}") from exc
    except (TypeError, AttributeError, ValueError) as exc:
        raise FixtureError(f"data set record is malformed: {exc}") from exc
    except StatementError as exc:
        raise FixtureError(f"data set is inconsistent: {exc.orig}") from exc


def _legal_representative(company: Mapping[str, Any]) -> WebUser:
    """Registered by TIM at the first purchase; active once a password was chosen (`password`)."""
    rl = company["legal_representative"]
    password = rl.get("password")
    return WebUser(
        company_id=company["id"],
        username=rl["username"],
        email=rl["email"],
        mobile=rl.get("mobile"),
        profile=texts.RL_PROFILE,
        state="active" if password else "registered",
        password_hash=security.hash_password(password, cached=True) if password else None,
        line_id=None,
        created_at=clock.now(),
    )
