"""Step 4 of the registration: create the user with a temporary password, or record why not."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, func, select

from documents.tim_convenzione_mobile6.simulator import texts
from documents.tim_convenzione_mobile6.simulator.models import Registration, Sim, User
from simulator import clock, defects, outbox, security
from simulator.db import get_session, insert_for


def _fail(reg: Registration, reason: texts.Refusal) -> None:
    reg.step, reg.failure_reason, reg.failure_kind = "failure", reason, reason.kind


def complete(reg: Registration, username: str) -> None:
    """Step 4: create the user with a temporary password, or record why that is impossible."""
    db = get_session()
    sim = db.get(Sim, reg.sim_id)
    assert sim is not None
    reg.username = username
    refusal = _refusal(sim, username)
    if refusal is None:
        password = security.temporary_password()
        if _insert_user(reg, sim, username, password):
            reg.step = "success"
            _send_password(reg, password)
            return
        # Another registration took the line or the username since the check (the unique indexes).
        refusal = _refusal(sim, username)
        if refusal is None:
            raise RuntimeError(f"user {username!r} for line {sim.number} refused by the database for no rule")
    _fail(reg, refusal)


def _refusal(sim: Sim, username: str) -> texts.Refusal | None:
    db = get_session()
    if db.scalar(select(exists().where(User.business_sim_id == sim.id))):
        reason = texts.LINE_ALREADY_REGISTERED.format(number=sim.number)
        if defects.enabled("failure_reason_missing"):
            reason = texts.Refusal(reason.kind, "")
        return reason
    if db.scalar(select(exists().where(func.lower(User.username) == username.lower()))):
        return texts.USERNAME_TAKEN.format(username=username)
    return None


def _insert_user(reg: Registration, sim: Sim, username: str, password: str) -> bool:
    """Insert the user unless the line or the username is taken by now: checking first is not enough,
    two registrations finishing at once would both pass the check."""
    db = get_session()
    statement = insert_for(db, User).values(
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
    inserted = db.execute(statement.on_conflict_do_nothing().returning(User.id)).first()
    return inserted is not None


def _send_password(reg: Registration, password: str) -> None:
    if reg.email and not defects.enabled("confirmation_email_missing"):
        body = texts.PASSWORD_EMAIL_BODY.format(
            name=f"{reg.first_name or ''} {reg.last_name or ''}",
            password=password,
            closing=texts.CONFIRMATION_CLOSING,
        )
        outbox.send_email(texts.EMAIL_SENDER, reg.email, texts.CONFIRMATION_SUBJECT, body)
