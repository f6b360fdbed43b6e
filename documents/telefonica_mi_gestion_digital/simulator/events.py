"""Back-office events of Mi Gestión Digital: what Telefónica's staff do outside the portal's pages."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from documents.telefonica_mi_gestion_digital.dataset import codes
from documents.telefonica_mi_gestion_digital.simulator import pages
from documents.telefonica_mi_gestion_digital.simulator.models import (
    Company,
    Interlocutor,
    RegistrationRequest,
    User,
)
from simulator import clock, defects, security
from simulator.portals import EventHandler, EventRefused


def advisor_validates(db: Session, params: Mapping[str, Any]) -> Mapping[str, Any]:
    """The Grandes Clientes advisor validates the company's pending registration requests: each
    interlocutor becomes a user and receives a temporary password by e-mail."""
    fiscal_id = str(params.get("fiscal_id", "")).strip().upper()
    company = db.scalar(select(Company).where(Company.fiscal_id == fiscal_id))
    if company is None:
        raise EventRefused(f"no company has the fiscal id {fiscal_id!r}")
    pending = list(
        db.scalars(
            select(RegistrationRequest).where(
                RegistrationRequest.company_id == company.id, RegistrationRequest.status == "pending"
            )
        )
    )
    if not pending:
        raise EventRefused(f"company {fiscal_id} has no registration request awaiting validation")
    if defects.enabled("mgd_advisor_validation_ignored"):
        return {"validated": 0}
    for registration in pending:
        interlocutor = db.get(Interlocutor, registration.interlocutor_id)
        assert interlocutor is not None
        mobile = (
            registration.contact_phone if codes.phone_kind(registration.contact_phone) == "mobile" else None
        )
        password = pages.send_temporary_password(interlocutor.first_name, interlocutor.email)
        db.add(
            User(
                id=f"usr-{secrets.token_hex(6)}",
                interlocutor_id=interlocutor.id,
                email=interlocutor.email,
                password_hash=security.hash_password(password),
                password_is_temporary=True,
                temporary_password_sent_at=clock.now(),
                mobile=mobile,
                terms_accepted=False,
            )
        )
        registration.status = "validated"
    return {"validated": len(pending)}


EVENTS: dict[str, EventHandler] = {"mgd_advisor_validates": advisor_validates}
