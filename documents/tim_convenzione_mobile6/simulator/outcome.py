"""Step 4 of the registration: create the user with a temporary password, or record why not."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, func, select

from documents.tim_convenzione_mobile6.simulator import texts
from documents.tim_convenzione_mobile6.simulator.models import Registration, Sim, User
from simulator import clock, defects, outbox, security
from simulator.db import get_session


def _fail(reg: Registration, reason: texts.Refusal) -> None:
    reg.step, reg.failure_reason, reg.failure_kind = "failure", reason, reason.kind


def complete(reg: Registration, username: str) -> None:
    """Step 4: create the user with a temporary password, or record why that is impossible."""
    db = get_session()
    sim = db.get(Sim, reg.sim_id)
    assert sim is not None
    reg.username = username
    if db.scalar(select(exists().where(User.business_sim_id == sim.id))):
        reason = texts.LINE_ALREADY_REGISTERED.format(number=sim.number)
        if defects.enabled("failure_reason_missing"):
            reason = texts.Refusal(reason.kind, "")
        _fail(reg, reason)
        return
    if db.scalar(select(exists().where(func.lower(User.username) == username.lower()))):
        _fail(reg, texts.USERNAME_TAKEN.format(username=username))
        return
    password = security.temporary_password()
    user = User(
        id=f"usr-{uuid.uuid4().hex[:12]}",
        username=username,
        password_hash=security.hash_password(password),
        previous_password_hash=None,
        password_is_temporary=True,
        password_issued_at=clock.now(),
        first_name=reg.first_name or "",
        last_name=reg.last_name or "",
        personal_fiscal_code=reg.personal_fiscal_code or "",
        email=reg.email or "",
        contact_mobile=reg.contact_mobile or "",
        business_sim_id=sim.id,
        origin="CM6",
    )
    db.add(user)
    reg.step = "success"
    if user.email and not defects.enabled("confirmation_email_missing"):
        body = texts.PASSWORD_EMAIL_BODY.format(
            name=f"{user.first_name} {user.last_name}", password=password, closing=texts.CONFIRMATION_CLOSING
        )
        outbox.send_email(texts.EMAIL_SENDER, user.email, texts.CONFIRMATION_SUBJECT, body)
