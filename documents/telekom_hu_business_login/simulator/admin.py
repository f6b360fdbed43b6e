"""The main admin's functions: Felhasználók kezelése (new users) and Felhasználói jogok beállítása."""

from __future__ import annotations

import re

import phonenumbers
from flask import render_template, request
from sqlalchemy import select
from werkzeug.wrappers import Response

from documents.telekom_hu_business_login.simulator import bp, signed_in_user, texts
from documents.telekom_hu_business_login.simulator.models import BusinessUser, Company, PhoneNumber
from documents.telekom_hu_business_login.simulator.private import company_refusal
from simulator import clock, defects, outbox, security
from simulator.db import get_session

ANSWER = Response | str | tuple[str, int]
USERNAME = re.compile(r"[a-z0-9._-]{1,40}")
ALLOWED, WITHHELD = "engedelyezett", "tiltott"


def new_temporary_password(company: Company) -> str:
    """A unique temporary password for every registration (from `secrets`)."""
    if defects.enabled("mth_same_temporary_password_for_every_registration"):
        return f"Telekom{len(company.slug)}2023"  # the bug: one fixed password per company
    return security.temporary_password()


def register_business_user(
    company: Company, login: str, name: str, email: str, mobile: str, *, admin: bool, permissions: list[str]
) -> tuple[BusinessUser, str]:
    """A business user and its temporary password, for the caller to e-mail to `email`."""
    password = new_temporary_password(company)
    user = BusinessUser(
        id=f"{company.id}-{login.split('@')[0]}",
        company_id=company.id,
        login=login,
        name=name,
        password_hash=security.hash_password(password),
        previous_password_hash=None,
        password_is_temporary=True,
        temporary_password_sent_at=clock.now(),
        is_admin=admin,
        permissions=permissions,
        email=email,
        mobile=mobile,
        telekom_fiok="complete" if admin else "none",
    )
    get_session().add(user)
    return user, password


def is_mobile(number: str) -> bool:
    if not (number.isascii() and number.isdigit() and len(number) == 9):
        return False
    parsed = phonenumbers.parse("+36" + number)
    return phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE


def _users_page(company: Company, **values: object) -> str:
    users = get_session().scalars(select(BusinessUser).where(BusinessUser.company_id == company.id))
    return render_template("mth/user_management.html", users=list(users), company=company, **values)


def _admin_company() -> Company | None:
    user = signed_in_user()
    return None if user is None else get_session().get(Company, user.company_id)


@bp.get("/ceg/<slug>/felhasznalok")
def user_management(slug: str) -> ANSWER:
    refusal = company_refusal("felhasznalok", slug)
    company = _admin_company()
    if refusal is not None or company is None:
        return refusal or ("", 403)
    return _users_page(company)


@bp.post("/ceg/<slug>/felhasznalok")
def user_management_submit(slug: str) -> ANSWER:
    refusal = company_refusal("felhasznalok", slug)
    company = _admin_company()
    if refusal is not None or company is None:
        return refusal or ("", 403)
    username = request.form.get("felhasznalonev", "").strip().lower()
    name, email = request.form.get("nev", "").strip(), request.form.get("email", "").strip()
    mobile = re.sub(r"\s", "", request.form.get("mobil", ""))
    permissions = [p for p in texts.GRANTABLE if request.form.get(f"jog_{p}") == "igen"]
    if not USERNAME.fullmatch(username) or not name or "@" not in email or not is_mobile(mobile):
        return _users_page(company, error=texts.USER_INVALID)
    login = f"{username}@{company.slug}"
    if defects.enabled("mth_new_user_login_id_without_company"):
        login = username  # the bug: the <cégnév> part is left out
    db = get_session()
    if db.scalar(select(BusinessUser.id).where(BusinessUser.login == login)) is not None:
        return _users_page(company, error=texts.USER_EXISTS)
    _user, password = register_business_user(
        company, login, name, email, mobile, admin=False, permissions=permissions
    )
    body = texts.TEMPORARY_PASSWORD_BODY.format(name=name, login=login, password=password)
    outbox.send_email(texts.EMAIL_SENDER, email, texts.TEMPORARY_PASSWORD_SUBJECT, body)
    db.commit()
    return _users_page(company, notice=texts.USER_CREATED)


def _numbers(company: Company) -> list[PhoneNumber]:
    query = select(PhoneNumber).where(PhoneNumber.company_id == company.id).order_by(PhoneNumber.number)
    return list(get_session().scalars(query))


@bp.get("/ceg/<slug>/jogok")
def user_rights(slug: str) -> ANSWER:
    refusal = company_refusal("jogok", slug)
    company = _admin_company()
    if refusal is not None or company is None:
        return refusal or ("", 403)
    return render_template("mth/user_rights.html", numbers=_numbers(company), chosen=None)


@bp.post("/ceg/<slug>/jogok")
def user_rights_submit(slug: str) -> ANSWER:
    refusal = company_refusal("jogok", slug)
    company = _admin_company()
    if refusal is not None or company is None:
        return refusal or ("", 403)
    numbers = {n.number: n for n in _numbers(company)}
    chosen = numbers.get(request.form.get("telefonszam", ""))
    if chosen is None:
        return render_template("mth/user_rights.html", numbers=list(numbers.values()), chosen=None)
    if request.form.get("lepes") != "mentes":
        return render_template("mth/user_rights.html", numbers=list(numbers.values()), chosen=chosen)
    restricted = list(chosen.restricted)
    settings = list(texts.NUMBER_FUNCTIONS)
    if defects.enabled("mth_rights_setting_saves_first_function_only"):
        settings = settings[:1]  # the bug: the loop stops after the first function
    for function in settings:
        setting = request.form.get(function)
        if setting == WITHHELD and function not in restricted:
            restricted.append(function)
        elif setting == ALLOWED and function in restricted:
            restricted.remove(function)
    chosen.restricted = restricted
    get_session().commit()
    return render_template(
        "mth/user_rights.html", numbers=list(numbers.values()), chosen=chosen, notice=texts.RIGHTS_SAVED
    )
