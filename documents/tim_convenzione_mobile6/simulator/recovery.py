"""RECUPERA PASSWORD and RECUPERA USERNAME: e-mails with a new temporary password or the username."""

from __future__ import annotations

from flask import render_template, request
from sqlalchemy import func, select

from documents.tim_convenzione_mobile6.simulator import bottom_band_shown, bp, texts
from documents.tim_convenzione_mobile6.simulator import security_bugs as bugs
from documents.tim_convenzione_mobile6.simulator.login import adopt_recovered_password
from documents.tim_convenzione_mobile6.simulator.models import User
from simulator import clock, defects, outbox, security
from simulator.db import get_session


def _fiscal_code_field() -> str:
    return request.form.get("codice_fiscale", "").strip().upper()


@bp.get("/recupera-password")
def password_recovery() -> str:
    return render_template(
        "cm6/password_recovery.html", form={}, show_bottom_band=bottom_band_shown("recovery")
    )


@bp.post("/recupera-password")
def password_recovery_submit() -> str:
    username, fiscal_code = request.form.get("username", "").strip(), _fiscal_code_field()
    form = {"username": username, "codice_fiscale": fiscal_code}
    if not username or not fiscal_code:
        return render_template("cm6/password_recovery.html", form=form, error=texts.RECOVERY_MISSING)
    db = get_session()
    query = select(User).where(User.username == username)
    if not defects.enabled("password_recovery_ignores_fiscal_code"):
        query = query.where(func.upper(User.personal_fiscal_code) == fiscal_code)
    user = db.scalar(query)
    if user is None:
        error = bugs.recovery_refusal(username)
        return render_template("cm6/password_recovery.html", form=form, error=error)
    # The current password keeps working until the new one is used (login.adopt_recovered_password):
    # CM6-27 promises an e-mail with what is needed to proceed, not that the current password stops.
    password = security.temporary_password()
    user.recovered_password_hash = security.hash_password(password)
    user.recovered_password_issued_at = clock.now()
    if defects.enabled("password_recovery_replaces_password_at_once"):
        adopt_recovered_password(user)
    if not defects.enabled("password_recovery_sends_nothing"):
        body = texts.PASSWORD_EMAIL_BODY.format(
            name=f"{user.first_name} {user.last_name}",
            password=password,
            closing=texts.PASSWORD_RECOVERY_CLOSING,
        )
        outbox.send_email(texts.EMAIL_SENDER, user.email, texts.PASSWORD_RECOVERY_SUBJECT, body)
    db.commit()
    return render_template("cm6/password_recovery.html", form={}, notice=texts.PASSWORD_RECOVERY_SENT)


@bp.get("/recupera-username")
def username_recovery() -> str:
    return render_template(
        "cm6/username_recovery.html", form={}, show_bottom_band=bottom_band_shown("recovery")
    )


@bp.post("/recupera-username")
def username_recovery_submit() -> str:
    email, fiscal_code = request.form.get("email", "").strip(), _fiscal_code_field()
    form = {"email": email, "codice_fiscale": fiscal_code}
    if not email or not fiscal_code:
        return render_template("cm6/username_recovery.html", form=form, error=texts.RECOVERY_MISSING)
    db = get_session()
    query = select(User).where(func.lower(User.email) == email.lower())
    if not defects.enabled("username_recovery_ignores_fiscal_code"):
        query = query.where(func.upper(User.personal_fiscal_code) == fiscal_code)
    users = db.scalars(query).all()
    if not users:
        return render_template("cm6/username_recovery.html", form=form, error=texts.RECOVERY_UNKNOWN)
    for user in users:
        username = (
            user.username.upper() if defects.enabled("username_recovery_wrong_username") else user.username
        )
        body = texts.USERNAME_EMAIL_BODY.format(name=f"{user.first_name} {user.last_name}", username=username)
        outbox.send_email(texts.EMAIL_SENDER, user.email, texts.USERNAME_RECOVERY_SUBJECT, body)
    db.commit()
    return render_template("cm6/username_recovery.html", form={}, notice=texts.USERNAME_RECOVERY_SENT)
