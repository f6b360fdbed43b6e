"""The login page (username and password, links to recover them), logout and the two recoveries."""

from __future__ import annotations

from datetime import timedelta

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from documents.tim_mybusiness.simulator import SESSION_KEY, bp, signed_in_user, texts
from documents.tim_mybusiness.simulator.models import Company, User
from simulator import defects, outbox, security, throttle
from simulator.db import get_session

Answer = Response | str


def _login_page(error: texts.Refusal | None = None, username: str = "") -> str:
    swapped = defects.enabled("recovery_links_swapped")
    return render_template("myb/login.html", error=error, username=username, swapped=swapped)


@bp.get("/")
def root() -> Response:
    return redirect(url_for("myb.home" if signed_in_user() else "myb.login"), 303)


@bp.get("/login")
def login() -> str:
    return _login_page()


@bp.post("/login")
def login_submit() -> Answer:
    typed = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    guard = throttle.PasswordGuard.for_account(f"myb:{typed.lower()}")
    if guard.wait() > timedelta(0):
        return _login_page(texts.LOGIN_THROTTLED, typed)
    db = get_session()
    # The bug: the typed username is lower-cased, the stored one is kept as registered.
    wanted = typed.lower() if defects.enabled("usernames_with_capitals_refused") else typed
    user = db.scalar(select(User).where(User.username == wanted))
    if user is None:
        security.spend_password_check(password)  # as slow as a wrong password: no hint the name is free
    if user is None or not _password_accepted(user, password):
        guard.failed()
        db.commit()
        return _login_page(texts.LOGIN_WRONG, typed)
    guard.succeeded()
    company = db.get(Company, user.company_id)
    if company is None or (
        company.tim_contract != "attivo" and not defects.enabled("ended_contract_not_checked")
    ):
        db.commit()
        return _login_page(texts.CONTRACT_ENDED, typed)
    session[SESSION_KEY] = user.id
    security.renew_session_id()
    db.commit()
    return redirect(url_for("myb.home"), 303)


def _password_accepted(user: User, password: str) -> bool:
    if security.password_matches(user.password_hash, password):
        return True
    if defects.enabled("password_prefix_accepted"):
        # The bug: a password longer than the stored one passes when it starts with it.
        return any(
            security.password_matches(user.password_hash, password[:n]) for n in range(8, len(password))
        )
    return False


@bp.post("/logout")
def logout() -> Response:
    session.pop(SESSION_KEY, None)
    security.renew_session_id()
    return redirect(url_for("myb.login"), 303)


@bp.get("/recupera-username")
def username_recovery() -> str:
    return render_template("myb/username_recovery.html")


@bp.post("/recupera-username")
def username_recovery_submit() -> str:
    email = request.form.get("email", "").strip().lower()
    user = get_session().scalar(select(User).where(func.lower(User.email) == email)) if email else None
    if user is not None:
        outbox.send_email(
            texts.EMAIL_SENDER,
            user.email,
            "Recupero username",
            texts.USERNAME_EMAIL.format(username=user.username),
        )
        get_session().commit()
    return render_template("myb/username_recovery.html", notice=texts.RECOVERY_SENT)


@bp.get("/recupera-password")
def password_recovery() -> str:
    return render_template("myb/password_recovery.html")


@bp.post("/recupera-password")
def password_recovery_submit() -> str:
    db = get_session()
    username = request.form.get("username", "").strip()
    email = request.form.get("email", "").strip().lower()
    user = db.scalar(select(User).where(User.username == username)) if username else None
    if user is not None and user.email.lower() == email:
        new = security.temporary_password()
        user.password_hash = security.hash_password(new)
        outbox.send_email(
            texts.EMAIL_SENDER, user.email, "Recupero password", texts.PASSWORD_EMAIL.format(password=new)
        )
        db.commit()
    return render_template("myb/password_recovery.html", notice=texts.RECOVERY_SENT)
