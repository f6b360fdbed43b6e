"""The login page (username and password, links to recover them) and logout; recovery.py: the recoveries."""

from __future__ import annotations

from datetime import timedelta

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from documents.tim_mybusiness.simulator import SESSION_KEY, bp, security_bugs, signed_in_user, texts
from documents.tim_mybusiness.simulator.models import Company, User
from simulator import defects, security, throttle
from simulator.db import get_session

Answer = Response | str


def login_page(
    error: texts.Refusal | None = None, username: str = "", notice: str = "", password: str = ""
) -> str:
    swapped = defects.enabled("recovery_links_swapped")
    return render_template(
        "myb/login.html",
        error=error,
        username=username,
        password=password,
        swapped=swapped,
        notice=notice,
    )


@bp.get("/")
def root() -> Response:
    return redirect(url_for("myb.home" if signed_in_user() else "myb.login"), 303)


@bp.get("/login")
def login() -> str:
    return login_page()


@bp.post("/login")
def login_submit() -> Answer:
    typed = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    guard = throttle.PasswordGuard.for_account(f"myb:{typed.lower()}")
    if guard.wait() > timedelta(0) and not defects.enabled("myb_login_not_throttled"):
        return login_page(texts.LOGIN_THROTTLED, typed)
    db = get_session()
    # The bug: the typed username is lower-cased, the stored one is kept as registered.
    wanted = typed.lower() if defects.enabled("usernames_with_capitals_refused") else typed
    user = db.scalar(select(User).where(User.username == wanted))
    if user is None:
        security.spend_password_check(password)  # as slow as a wrong password: no hint the name is free
    if user is None or not _password_accepted(user, password):
        if user is not None:
            security_bugs.slow_check_for_known_users(password)
        guard.failed()
        db.commit()
        refusal = security_bugs.wrong_credentials(unknown_username=user is None)
        return login_page(refusal, typed, password=security_bugs.password_kept(password))
    guard.succeeded()
    company = db.get(Company, user.company_id)
    if company is None or (
        company.tim_contract != "attivo" and not defects.enabled("ended_contract_not_checked")
    ):
        db.commit()
        return login_page(texts.CONTRACT_ENDED, typed)
    session[SESSION_KEY] = user.id
    if not defects.enabled("myb_session_id_kept_at_sign_in"):
        security.renew_session_id()
    security_bugs.remember_username(user.username)
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
    to_login = redirect(url_for("myb.login"), 303)
    if defects.enabled("myb_logout_only_in_the_browser"):
        return security.logout_in_the_browser_only(to_login)
    session.pop(SESSION_KEY, None)
    security.renew_session_id()
    return to_login
