"""Public pages: home, login and logout, the resend of the username e-mail, Recupera Password."""

from __future__ import annotations

from datetime import timedelta

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from documents.tim_impresa_semplice.simulator import accounts, bp, texts
from documents.tim_impresa_semplice.simulator.models import Referente, WebUser
from simulator import defects, security, throttle
from simulator.db import get_session

ANSWER = Response | str


@bp.get("/")
def home() -> str:
    return render_template("impresa/home.html")


@bp.get("/login")
def login() -> str:
    return render_template("impresa/login.html", username="")


@bp.post("/login")
def login_submit() -> ANSWER:
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    guard = throttle.PasswordGuard.for_account(f"tis:{username.lower()}")
    if guard.wait() > timedelta(0):
        return render_template("impresa/login.html", username=username, error=texts.LOGIN_THROTTLED)
    db = get_session()
    user = db.scalar(select(WebUser).where(func.lower(WebUser.username) == username.lower()))
    if user is None or user.password_hash is None:
        security.spend_password_check(password)  # as slow as a wrong password: no hint the name exists
    if (
        user is None
        or user.password_hash is None
        or user.state != "active"
        or not security.password_matches(user.password_hash, password)
    ):
        guard.failed()
        db.commit()
        return render_template("impresa/login.html", username=username, error=texts.LOGIN_WRONG)
    guard.succeeded()
    security.renew_session_id()
    session["tis_user_id"] = user.id
    db.commit()
    return redirect(url_for("impresa.private_home"), 303)


@bp.post("/logout")
def logout() -> Response:
    session.pop("tis_user_id", None)
    security.renew_session_id()
    get_session().commit()
    return redirect(url_for("impresa.home"), 303)


@bp.get("/reinvio-email")
def resend() -> str:
    return render_template("impresa/resend.html", email="")


@bp.post("/reinvio-email")
def resend_submit() -> str:
    """«Se non hai ricevuto la mail, chiedi nuovamente l'invio al tuo indirizzo di posta elettronica.»

    Only someone already registered (by TIM or by the Rappresentante Legale) gets the e-mail again:
    an employee the Rappresentante Legale has not registered is told to ask them.
    """
    email = request.form.get("email", "").strip()
    if not email:
        return render_template("impresa/resend.html", email=email, error=texts.FIELD_REQUIRED)
    db = get_session()
    user = db.scalar(select(WebUser).where(func.lower(WebUser.email) == email.lower()))
    if user is None or user.state == "saved":
        if user is not None and defects.enabled("employee_self_registration"):
            accounts.register(user)  # the saved employee registers themselves
            db.commit()
            return render_template("impresa/resend.html", email="", notice=texts.RESEND_DONE)
        named = db.scalar(select(Referente.id).where(func.lower(Referente.email) == email.lower()))
        refusal = texts.NOT_REGISTERED if user is not None or named is not None else texts.EMAIL_UNKNOWN
        return render_template("impresa/resend.html", email=email, error=refusal)
    if user.state == "active":
        return render_template("impresa/resend.html", email=email, error=texts.ALREADY_ACTIVE)
    if not defects.enabled("resend_page_sends_nothing"):
        accounts.send_username(user)
    db.commit()
    return render_template("impresa/resend.html", email="", notice=texts.RESEND_DONE)


@bp.get("/recupera-password")
def password_recovery() -> str:
    return render_template("impresa/recovery.html", username="")


@bp.post("/recupera-password")
def password_recovery_submit() -> str:
    username = request.form.get("username", "").strip()
    if not username:
        return render_template("impresa/recovery.html", username=username, error=texts.FIELD_REQUIRED)
    db = get_session()
    user = db.scalar(select(WebUser).where(func.lower(WebUser.username) == username.lower()))
    if user is None or user.state != "active":
        return render_template("impresa/recovery.html", username=username, error=texts.USERNAME_UNKNOWN)
    if not defects.enabled("recupera_password_sends_nothing"):
        accounts.send_recovery(user)
    db.commit()
    return render_template("impresa/recovery.html", username="", notice=texts.RECOVERY_SENT)
