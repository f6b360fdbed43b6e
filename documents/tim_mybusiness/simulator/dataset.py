"""Load the myBusiness data set (schema `portalcert-fixtures/1`) into the database."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from documents.tim_mybusiness.simulator import models as m
from simulator import security
from simulator.fixtures import FixtureError

SCHEMA = "portalcert-fixtures/1"


def load(db: Session, data: Mapping[str, Any]) -> None:
    """Insert every record (passwords hashed) and the registers of Referenti Master. Needs an app context."""
    if data.get("schema") != SCHEMA:
        raise FixtureError(f"unsupported data set schema: {data.get('schema')!r} (expected {SCHEMA})")
    try:
        _load(db, data)
        db.flush()
    except KeyError as exc:
        raise FixtureError(f"data set record lacks {exc}") from exc
    except (TypeError, AttributeError, ValueError) as exc:
        raise FixtureError(f"data set record is malformed: {exc}") from exc
    except StatementError as exc:
        raise FixtureError(f"data set is inconsistent: {exc.orig}") from exc


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _load(db: Session, data: Mapping[str, Any]) -> None:
    db.add_all(m.Group(id=g["id"], name=g["name"]) for g in data["groups"])
    db.flush()
    db.add_all(
        m.Company(
            id=c["id"],
            name=c["name"],
            partita_iva=c["partita_iva"],
            tim_contract=c["tim_contract"],
            group_id=c.get("group"),
        )
        for c in data["companies"]
    )
    db.flush()
    db.add_all(
        m.MobileContract(id=c["id"], company_id=c["company"], code=c["code"])
        for c in data["mobile_contracts"]
    )
    db.add_all(
        m.Sede(id=s["id"], company_id=s["company"], name=s["name"], address=s["address"])
        for s in data["sedi"]
    )
    db.flush()
    for line in data["lines"]:
        used = line["consumption"]
        db.add(
            m.Line(
                id=line["id"],
                company_id=line["company"],
                contract_id=line["contract"],
                number=line["number"],
                tariff_profile=line["tariff_profile"],
                status=line["status"],
                activated_on=_day(line["activated_on"]),
                ceased_on=_day(line.get("ceased_on")),
                voice_minutes=int(used["voice_minutes"]),
                data_mb=int(used["data_mb"]),
                sms=int(used["sms"]),
            )
        )
    db.add_all(
        m.FixedLine(
            id=f["id"], company_id=f["company"], sede_id=f["sede"], number=f["number"], kind=f["kind"]
        )
        for f in data["fixed_lines"]
    )
    db.flush()
    db.add_all(
        m.FixedService(
            id=s["id"], company_id=s["company"], line_id=s["line"], name=s["name"], status=s["status"]
        )
        for s in data["fixed_services"]
    )
    db.add_all(
        m.Invoice(
            id=i["id"],
            company_id=i["company"],
            number=i["number"],
            issued_on=_day(i["issued_on"]),
            amount=str(i["amount"]),
        )
        for i in data["invoices"]
    )
    for u in data["users"]:
        db.add(
            m.User(
                id=u["id"],
                username=u["username"],
                password_hash=security.hash_password(u["password"], cached=True),
                company_id=u["company"],
                profile=u["profile"],
                line_id=u.get("line"),
                grants=list(u.get("grants") or []),
                groups=list(u.get("groups") or []),
                master_of=u.get("master_of"),
                first_name=u["first_name"],
                last_name=u["last_name"],
                email=u["email"],
            )
        )
    db.flush()
    for u in data["users"]:
        if u.get("master_of") and u["profile"] == "referente_master":
            db.add(m.MasterNomination(contract_id=u["master_of"], user_id=u["id"]))
        elif u.get("master_of") and u["profile"] == "amministratore":
            db.add(m.AdministratorNomination(company_id=u["master_of"], user_id=u["id"]))
