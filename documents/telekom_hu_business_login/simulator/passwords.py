"""The forced change of a temporary password; "Nem tudom a jelszavam" (a one-time code, then a new one)."""

from __future__ import annotations

import re

from flask import render_template, request, session
from sqlalchemy import select
from werkzeug.wrappers import Response

from documents.telekom_hu_business_login.simulator import bp, signed_in_user, texts
from documents.telekom_hu_business_login.simulator import security_bugs as bugs
from documents.telekom_hu_business_login.simulator.login import after_password_settled
from documents.telekom_hu_business_login.simulator.models import BusinessUser
from documents.telekom_hu_business_login.simulator.private import business_user_required
from simulator import defects, outbox, security
from simulator.db import get_session

ANSWER = Response | str
RESET_PURPOSE = "mth-reset"
CHANNELS = ("email", "telefon")


def new_password_problem(new: str, confirm: str) -> texts.Refusal | None:
    if len(new) < 8 or not re.search(r"[A-Za-z]", new) or not re.search(r"\d", new):
        return texts.PASSWORD_WEAK
    if new != confirm:
        return texts.PASSWORD_MISMATCH
    return None


def set_password(user: BusinessUser, new: str) -> None:
    user.previous_password_hash = user.password_hash
    user.password_hash = security.hash_password(new)
    user.password_is_temporary = False


@bp.get("/jelszo-csere")
@business_user_required(allow_temporary=True)
def password_change() -> ANSWER:
    return render_template("mth/password_change.html")


@bp.post("/jelszo-csere")
@business_user_required(allow_temporary=True)
def password_change_submit() -> ANSWER:
    user = signed_in_user()
    assert user is not None
    new, confirm = request.form.get("uj_jelszo", ""), request.form.get("uj_jelszo_ismet", "")
    problem = new_password_problem(new, confirm)
    if problem is None and security.password_matches(user.password_hash, new):
        problem = texts.PASSWORD_SAME
    if problem is not None:
        return render_template("mth/password_change.html", error=problem)
    set_password(user, new)
    get_session().commit()
    follow = after_password_settled(user).location
    return render_template("mth/password_changed.html", notice=texts.PASSWORD_CHANGED, follow=follow)


# --- Nem tudom a jelszavam ---------------------------------------------------------------------------


@bp.get("/elfelejtett-jelszo")
def password_forgotten() -> ANSWER:
    login_id = session.get("mth_login")
    if not isinstance(login_id, str):
        return render_template("mth/login.html", error=texts.LOGIN_EXPIRED)
    return render_template("mth/password_reset.html", login_id=login_id)


@bp.post("/elfelejtett-jelszo")
def password_forgotten_submit() -> ANSWER:
    login_id = session.get("mth_login")
    if not isinstance(login_id, str):
        return render_template("mth/login.html", error=texts.LOGIN_EXPIRED)
    if request.form.get("lepes") == "uj-jelszo":
        return _new_password(login_id)
    channel = request.form.get("csatorna", "")
    if channel not in CHANNELS:
        return render_template(
            "mth/password_reset.html", login_id=login_id, error=texts.RESET_CHANNEL_MISSING
        )
    db = get_session()
    user = db.scalar(select(BusinessUser).where(BusinessUser.login == login_id))
    refusal = bugs.reset_refusal_for_unknown_login_id() if user is None else None
    if refusal is not None:
        return render_template("mth/password_reset.html", login_id=login_id, error=refusal)
    if user is not None:  # an unknown id gets the same page and no message: nothing tells it apart
        by_phone = channel == "telefon" and not defects.enabled("mth_password_reset_code_always_by_email")
        code = security.issue_code(
            security.persist_session(), RESET_PURPOSE, user.mobile if by_phone else user.email
        )
        if code is None:
            db.commit()
            return render_template("mth/password_reset.html", login_id=login_id, error=texts.TOO_MANY_CODES)
        bugs.replace_password_at_once(user)
        if by_phone:
            outbox.send_sms(texts.SMS_SENDER, user.mobile, texts.RESET_SMS.format(code=code.code))
        else:
            body = texts.RESET_EMAIL_BODY.format(name=user.name, code=code.code)
            outbox.send_email(texts.EMAIL_SENDER, user.email, texts.RESET_EMAIL_SUBJECT, body)
    db.commit()
    return render_template("mth/password_reset_code.html", notice=texts.RESET_CODE_SENT)


def _new_password(login_id: str) -> ANSWER:
    db = get_session()
    typed = request.form.get("kod", "").strip().upper()
    result = security.verify_code(security.persist_session(), RESET_PURPOSE, typed)
    if result is not security.CodeCheck.OK and not defects.enabled("mth_password_reset_code_not_checked"):
        db.commit()
        error = texts.CODE_WRONG if result is security.CodeCheck.WRONG else texts.CODE_EXPIRED
        return render_template("mth/password_reset_code.html", error=error)
    new, confirm = request.form.get("uj_jelszo", ""), request.form.get("uj_jelszo_ismet", "")
    problem = new_password_problem(new, confirm)
    if problem is not None:
        db.rollback()  # the code stays usable for a second try with a better password
        return render_template("mth/password_reset_code.html", error=problem)
    user = db.scalar(select(BusinessUser).where(BusinessUser.login == login_id))
    if user is not None and not defects.enabled("mth_password_reset_new_password_not_saved"):
        set_password(user, new)
    db.commit()
    return render_template("mth/login.html", notice=texts.RESET_DONE, login_id=login_id)
