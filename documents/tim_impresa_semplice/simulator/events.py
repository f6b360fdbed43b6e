"""Back-office events: what happens outside the portal's pages (an order system, the Servizio Clienti 191).

Served by the simulator core at POST /_sim/events/<name>, as an order system or a call-centre tool
would call the portal's back office.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from documents.tim_impresa_semplice.simulator import accounts, texts
from documents.tim_impresa_semplice.simulator.models import Company, WebUser
from simulator import defects, outbox
from simulator.portals import EventHandler, EventRefused

SEGMENTS = ("Fisso", "Mobile")


def _company(db: Session, params: Mapping[str, Any]) -> Company:
    vat = str(params.get("vat_number", "")).strip()
    company = db.scalar(select(Company).where(Company.partita_iva == vat))
    if company is None:
        raise EventRefused(f"no company with partita IVA {vat!r}")
    return company


def _legal_representative(db: Session, company: Company) -> WebUser | None:
    return db.scalar(
        select(WebUser).where(WebUser.company_id == company.id, WebUser.profile == texts.RL_PROFILE)
    )


def purchase(db: Session, params: Mapping[str, Any]) -> Mapping[str, Any]:
    """A purchase of TIM Impresa Semplice products from any sales channel; the first one registers the
    Rappresentante Legale, whose username goes to the e-mail address given in the contract."""
    company = _company(db, params)
    segment = str(params.get("segment", ""))
    if segment not in SEGMENTS:
        raise EventRefused(f"segment must be one of {', '.join(SEGMENTS)}")
    if not str(params.get("channel", "")).strip():
        raise EventRefused("the sales channel is required")
    if _legal_representative(db, company) is not None:
        return {"registered": False}  # not the first purchase
    if segment == "Fisso" and defects.enabled("purchase_in_fisso_registers_nobody"):
        return {"registered": False}
    order_email = str(params.get("order_email", "")).strip()
    to_order = order_email and defects.enabled("username_sent_to_order_address")
    accounts.register_legal_representative(company, to=order_email if to_order else None)
    return {"registered": True}


def resend_username(db: Session, params: Mapping[str, Any]) -> Mapping[str, Any]:
    """The Servizio Clienti 191 resends the username: always to the contractual address, whatever the
    caller asks (`email` is the address the caller gives)."""
    company = _company(db, params)
    user = _legal_representative(db, company)
    if user is None:
        raise EventRefused("TIM has not registered this company's Rappresentante Legale yet")
    asked = str(params.get("email", "")).strip()
    to = asked if asked and defects.enabled("resend_191_to_requested_address") else None
    if user.state == "active":
        body = texts.USERNAME_ONLY_BODY.format(username=user.username)
        outbox.send_email(texts.EMAIL_SENDER, to or user.email, texts.USERNAME_ONLY_SUBJECT, body)
    else:
        accounts.send_username(user, to)
    return {}


EVENTS: dict[str, EventHandler] = {"tis_purchase": purchase, "tis_resend_username": resend_username}
