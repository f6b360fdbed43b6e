"""Public pages: home, login and logout, the resend of the username e-mail, Recupera Password."""

from __future__ import annotations

from datetime import timedelta

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from documents.tim_impresa_semplice.simulator import accounts, bp, texts
from documents.tim_impresa_semplice.simulator import security_bugs as bugs
from documents.tim_impresa_semplice.simulator.models import WebUser
from simulator import defects, security, throttle
from simulator.db import get_session

ANSWER = Response | str


@bp.get("/")
def home() -> str:
    return render_template("impresa/home.html")


@bp.get("/login")
def login() -> str:
    return render_template("impresa/login.html", username="", password="")


@bp.post("/login")
def login_submit() -> ANSWER:
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    guard = throttle.PasswordGuard.for_account(f"tis:{username.lower()}")
    if guard.wait() > timedelta(0) and not defects.enabled("tis_login_not_throttled"):
        return _login_page(username, texts.LOGIN_THROTTLED)
    db = get_session()
    user = db.scalar(select(WebUser).where(func.lower(WebUser.username) == username.lower()))
    if user is None or user.password_hash is None:
        security.spend_password_check(password)  # as slow as a wrong password: no hint the name exists
    else:
        bugs.slow_check_for_known_users(password)
    if (
        user is None
        or user.password_hash is None
        or user.state != "active"
        or not security.password_matches(user.password_hash, password)
    ):
        guard.failed()
        db.commit()
        return _login_page(username, bugs.wrong_credentials(user is None), bugs.password_echoed(password))
    guard.succeeded()
    if not defects.enabled("tis_session_id_kept_at_sign_in"):
        security.renew_session_id()
    session["tis_user_id"] = user.id
    bugs.remember_username(user.username)
    db.commit()
    return redirect(url_for("impresa.private_home"), 303)


def _login_page(username: str, error: texts.Refusal, password: str = "") -> str:
    return render_template("impresa/login.html", username=username, password=password, error=error)


@bp.post("/logout")
def logout() -> Response:
    home = redirect(url_for("impresa.home"), 303)
    if defects.enabled("tis_logout_only_in_the_browser"):
        return security.logout_in_the_browser_only(home)
    session.pop("tis_user_id", None)
    security.renew_session_id()
    get_session().commit()
    return home


@bp.get("/reinvio-email")
def resend() -> str:
    return render_template("impresa/resend.html", email="")


@bp.post("/reinvio-email")
def resend_submit() -> str:
    """«Se non hai ricevuto la mail, chiedi nuovamente l'invio al tuo indirizzo di posta elettronica.»

    Only someone already registered (by TIM or by the Rappresentante Legale) gets the e-mail again:
    an employee the Rappresentante Legale has not registered is told to ask them, in the words every
    other address gets.
    """
    email = request.form.get("email", "").strip()
    if not email:
        return render_template("impresa/resend.html", email=email, error=texts.FIELD_REQUIRED)
    db = get_session()
    user = db.scalar(select(WebUser).where(func.lower(WebUser.email) == email.lower()))
    if user is not None and user.state == "saved" and defects.enabled("employee_self_registration"):
        accounts.register(user)  # the saved employee registers themselves
        db.commit()
        return render_template("impresa/resend.html", email="", notice=texts.RESEND_DONE)
    if user is None or user.state != "registered":
        # One refusal whatever the address is (unknown, an employee only saved, a completed registration):
        # the answer must not tell a stranger which addresses hold an account (OWASP ASVS 5.0 6.3.8).
        return render_template("impresa/resend.html", email=email, error=bugs.resend_refusal(user))
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
        # Answered like a known username (nothing is sent): no hint which usernames exist.
        refusal = bugs.recovery_refusal_for_unknown_username()
        if refusal is not None:
            return render_template("impresa/recovery.html", username=username, error=refusal)
    elif not defects.enabled("recupera_password_sends_nothing"):
        accounts.send_recovery(user)
        bugs.replace_password_at_once(user)
    db.commit()
    return render_template("impresa/recovery.html", username="", notice=texts.RECOVERY_SENT)
