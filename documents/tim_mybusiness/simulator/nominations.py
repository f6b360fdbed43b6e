"""Gestione profili: the mobile Referente Master per contract, the fixed Amministratore, users' details.

The registers' unique constraints decide who wins when nominations race: the nomination is inserted
first, and the nominee's profile changes in the same transaction only if the insert succeeded.
"""

from __future__ import annotations

from flask import render_template, request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from documents.tim_mybusiness.simulator import bp, texts
from documents.tim_mybusiness.simulator.guard import Answer, function_page, not_found
from documents.tim_mybusiness.simulator.models import (
    AdministratorNomination,
    MasterNomination,
    MobileContract,
    User,
)
from simulator import defects
from simulator.db import Base, get_session

PROFILES = "/area-clienti/gestione-profili"
ADMINISTRATOR = "/area-clienti/amministratore-linee-fisse"


def _profiles_page(
    user: User, error: texts.Refusal | None = None, notice: str | None = None
) -> tuple[str, int]:
    db = get_session()
    contracts = db.scalars(
        select(MobileContract)
        .where(MobileContract.company_id == user.company_id)
        .order_by(MobileContract.code)
    ).all()
    masters = db.scalars(select(User).where(User.profile == "referente_master").order_by(User.username)).all()
    by_contract = {c.id: [m for m in masters if m.master_of == c.id] for c in contracts}
    users = db.scalars(select(User).where(User.company_id == user.company_id).order_by(User.username)).all()
    page = render_template(
        "myb/profiles.html",
        contracts=contracts,
        by_contract=by_contract,
        users=users,
        error=error,
        notice=notice,
    )
    return page, 200 if error is None else 409


@bp.get(PROFILES)
@function_page("gestione_profili")
def profiles(user: User) -> Answer:
    return _profiles_page(user)


def _employee(user: User, username: str) -> User | None:
    query = select(User).where(User.username == username)
    if not defects.enabled("nomination_accepts_other_company_employee"):
        query = query.where(User.company_id == user.company_id)
    return get_session().scalar(query) if username else None


def _register(nomination: Base, nominee: User, profile: str, holds: str, saved_first: str) -> bool:
    """Insert the nomination and give the nominee the profile; False when the register refuses it."""
    db = get_session()
    if defects.enabled(saved_first):
        # The bug: the profile is saved in a transaction of its own, and the register's refusal is ignored.
        nominee.profile, nominee.master_of = profile, holds
        db.commit()
        try:
            db.add(nomination)
            db.commit()
        except IntegrityError:
            db.rollback()
        return True
    try:
        db.add(nomination)
        db.flush()
    except IntegrityError:
        db.rollback()
        return False
    nominee.profile, nominee.master_of = profile, holds
    db.commit()
    return True


@bp.post(PROFILES)
@function_page("gestione_profili")
def nominate_master(user: User) -> Answer:
    db = get_session()
    contract = db.scalar(
        select(MobileContract).where(MobileContract.code == request.form.get("contratto", ""))
    )
    if contract is None or contract.company_id != user.company_id:
        return _profiles_page(user, texts.CONTRACT_UNKNOWN)
    nominee = _employee(user, request.form.get("username", "").strip())
    if nominee is None:
        return _profiles_page(user, texts.EMPLOYEE_UNKNOWN)
    if defects.enabled("master_uniqueness_per_company"):
        # The bug: "one Referente Master" checked per company instead of per contract.
        held = select(User.id).where(User.company_id == user.company_id, User.profile == "referente_master")
        if db.scalar(held) is not None:
            return _profiles_page(user, texts.MASTER_EXISTS)
    nomination = MasterNomination(contract_id=contract.id, user_id=nominee.id)
    if not _register(nomination, nominee, "referente_master", contract.id, "master_profile_saved_first"):
        return _profiles_page(user, texts.MASTER_EXISTS)
    return _profiles_page(user, notice=texts.MASTER_NOMINATED)


@bp.get(f"{PROFILES}/utenti/<user_id>")
@function_page("gestione_profili")
def user_detail(user: User, user_id: str) -> Answer:
    shown = get_session().get(User, user_id)
    mine = shown is not None and shown.company_id == user.company_id
    if shown is None or not (mine or defects.enabled("user_detail_other_company")):
        return not_found()
    return render_template("myb/user_detail.html", shown=shown)


def _administrator_page(
    user: User, error: texts.Refusal | None = None, notice: str | None = None
) -> tuple[str, int]:
    query = select(User).where(User.company_id == user.company_id, User.profile == "amministratore")
    administrators = get_session().scalars(query.order_by(User.username)).all()
    page = render_template(
        "myb/administrator.html", administrators=administrators, error=error, notice=notice
    )
    return page, 200 if error is None else 409


@bp.get(ADMINISTRATOR)
@function_page("amministratore_fisso")
def administrator(user: User) -> Answer:
    return _administrator_page(user)


@bp.post(ADMINISTRATOR)
@function_page("amministratore_fisso")
def nominate_administrator(user: User) -> Answer:
    db = get_session()
    nominee = _employee(user, request.form.get("username", "").strip())
    if nominee is None:
        return _administrator_page(user, texts.EMPLOYEE_UNKNOWN)
    # The bug: the existing-Amministratore check lost its company filter.
    any_administrator = select(User.id).where(User.profile == "amministratore")
    if defects.enabled("administrator_check_ignores_company") and db.scalar(any_administrator) is not None:
        return _administrator_page(user, texts.ADMINISTRATOR_EXISTS)
    nomination = AdministratorNomination(company_id=user.company_id, user_id=nominee.id)
    if not _register(
        nomination, nominee, "amministratore", user.company_id, "administrator_profile_saved_first"
    ):
        return _administrator_page(user, texts.ADMINISTRATOR_EXISTS)
    return _administrator_page(user, notice=texts.ADMINISTRATOR_NOMINATED)
