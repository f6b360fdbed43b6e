"""Back-office events of this portal: the main admin's declaration form, recorded by customer service.

«Az üzleti felhasználóneved főadminisztrátorként a "Nyilatkozat ..." nyilatkozat kitöltése után került
beállításra, melyről [...] a nyomtatványban megadott e-mail címre küldtünk neked tájékoztatást.»
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from documents.telekom_hu_business_login.simulator import texts
from documents.telekom_hu_business_login.simulator.admin import is_mobile, register_business_user
from documents.telekom_hu_business_login.simulator.models import BusinessUser, Company
from simulator import defects, outbox
from simulator.portals import EventHandler, EventRefused

ADMIN_DECLARATION = "mth_admin_declaration"


def admin_declaration(db: Session, params: Mapping[str, Any]) -> Mapping[str, Any]:
    """The declaration form is processed: the company's main admin admin@<cégnév> is set up, and the
    notice with the temporary password goes to the e-mail address given on the form."""
    company = db.get(Company, str(params.get("company", "")))
    name, email, mobile = (str(params.get(key, "")).strip() for key in ("name", "email", "mobile"))
    if company is None:
        raise EventRefused("no such company")
    if not name or "@" not in email or not is_mobile(mobile):
        raise EventRefused("the form needs name, email and a 9-digit mobile number")
    admin = db.scalar(
        select(BusinessUser.id).where(BusinessUser.company_id == company.id, BusinessUser.is_admin)
    )
    if admin is not None:
        raise EventRefused("the company already has a main admin")
    login = f"admin@{company.slug}"
    if defects.enabled("mth_declaration_admin_id_is_company_name"):
        login = company.slug
    _admin, password = register_business_user(
        company, login, name, email, mobile, admin=True, permissions=list(texts.GRANTABLE)
    )
    to = company.email if defects.enabled("mth_declaration_notice_to_company_address") else email
    body = texts.DECLARATION_BODY.format(name=name, login=login, password=password)
    outbox.send_email(texts.EMAIL_SENDER, to, texts.DECLARATION_SUBJECT, body)
    return {"login": login}


EVENTS: dict[str, EventHandler] = {ADMIN_DECLARATION: admin_declaration}
