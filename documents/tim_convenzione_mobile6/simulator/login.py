"""Login (/login): credentials, then a two-word OTP by SMS to the business line; logout."""

from __future__ import annotations

from datetime import timedelta

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from documents.tim_convenzione_mobile6.simulator import bottom_band_shown, bp, texts
from documents.tim_convenzione_mobile6.simulator import security_bugs as bugs
from documents.tim_convenzione_mobile6.simulator.models import Sim, User
from documents.tim_convenzione_mobile6.simulator.registration import OTP_ERRORS
from simulator import clock, defects, outbox, security, throttle
from simulator import security_bugs as shared_bugs
from simulator.db import get_session

ANSWER = Response | str
SHORT_TEMPORARY_LIFETIME = timedelta(days=3)


def _login_page(error: str | None = None, username: str = "", password: str = "") -> str:
    return render_template(
        "cm6/login.html",
        error=error,
        username=username,
        password=password,
        show_bottom_band=bottom_band_shown("entry"),
        password_recovery_at_top=defects.enabled("password_recovery_link_at_top"),
        username_recovery_at_top=defects.enabled("username_recovery_link_at_top"),
    )


@bp.get("/login")
def login() -> str:
    return _login_page()


@bp.post("/login")
def login_submit() -> ANSWER:
    if request.form.get("fase") == "otp":
        return _submit_otp()
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    # Unknown usernames are throttled like known ones: the wait says nothing about which exist.
    guard = throttle.PasswordGuard.for_account(f"cm6:{username}")
    if guard.wait() > timedelta(0) and not defects.enabled("login_not_throttled"):
        return _login_page(texts.LOGIN_THROTTLED, username)
    db = get_session()
    user = db.scalar(select(User).where(User.username == username))
    if user is None:
        security.spend_password_check(password)  # as slow as a wrong password: no hint the name is free
    if user is None or not _password_accepted(user, password):
        if user is not None:
            bugs.slow_check_for_known_users(password)
        guard.failed()
        db.commit()
        return _login_page(bugs.wrong_credentials(user is None), username, bugs.echoed(password))
    refusal = _refusal(user)
    if refusal is not None:
        db.rollback()  # a recovered password refused (expired) is not adopted
        guard.succeeded()
        db.commit()
        return _login_page(refusal, username)
    guard.succeeded()
    sim = get_session().get(Sim, user.business_sim_id)
    assert sim is not None
    destination = user.contact_mobile if defects.enabled("login_otp_to_contact_mobile") else sim.number
    code = security.issue_code(security.persist_session(), "login", destination)
    if code is None:
        code = bugs.code_past_the_limit(destination)
    if code is None:
        return _login_page(texts.TOO_MANY_CODES, username)
    outbox.send_sms(texts.SMS_SENDER, destination, texts.OTP_SMS_LOGIN.format(code=code.code))
    session["pending_login"] = user.id
    get_session().commit()
    stale = texts.OTP_WRONG if defects.enabled("login_code_page_shows_error") else None
    return render_template("cm6/login_otp.html", error=stale)


def _password_accepted(user: User, password: str) -> bool:
    """Whether `password` opens the account; a recovered password is adopted by its first use."""
    if security.password_matches(user.password_hash, password):
        user.recovered_password_hash = None  # a recovery the user did not need stops working
        return True
    recovered = user.recovered_password_hash
    if recovered is not None and security.password_matches(recovered, password):
        adopt_recovered_password(user)
        return True
    previous = user.previous_password_hash
    if (
        previous is not None
        and defects.enabled("old_password_valid_after_change")
        and security.password_matches(previous, password)
    ):
        return True
    if defects.enabled("password_extra_characters_ignored"):
        # The bug: only as many characters as the stored password has are compared.
        return any(
            security.password_matches(user.password_hash, password[:n])
            for n in range(len(password) - 1, 0, -1)
        )
    if defects.enabled("login_accepts_another_users_password"):
        others = get_session().scalars(select(User.password_hash).where(User.id != user.id))
        return any(security.password_matches(h, password) for h in others)
    return False


def adopt_recovered_password(user: User) -> None:
    """The recovered temporary password becomes the password (with its own issue date for CM6-22)."""
    assert user.recovered_password_hash is not None and user.recovered_password_issued_at is not None
    user.previous_password_hash = user.password_hash
    user.password_hash = user.recovered_password_hash
    user.password_is_temporary = True
    user.password_issued_at = user.recovered_password_issued_at
    user.recovered_password_hash = None
    user.recovered_password_issued_at = None


def _refusal(user: User) -> str | None:
    """Why a user with the right password still may not sign in, or None."""
    if user.password_is_temporary and _temporary_password_expired(user):
        return texts.TEMPORARY_PASSWORD_EXPIRED
    if user.origin == "CM5" and defects.enabled("cm5_users_must_register_again"):
        return texts.CM5_MUST_REGISTER
    if user.origin == "CM5" and defects.enabled("cm5_users_skip_line_check"):
        return None
    sim = get_session().get(Sim, user.business_sim_id)
    if sim is None or sim.convention != "CM6":
        return texts.LINE_NOT_ACTIVE
    if sim.status == "ceased" and defects.enabled("login_ignores_ceased_sim"):
        return None
    if sim.status != "active":
        return texts.LINE_NOT_ACTIVE
    return None


def _temporary_password_expired(user: User) -> bool:
    lifetime = security.TEMPORARY_PASSWORD_LIFETIME
    if defects.enabled("temporary_password_lifetime_3_days"):
        lifetime = SHORT_TEMPORARY_LIFETIME
    expired = clock.now() - user.password_issued_at >= lifetime
    return expired and not defects.enabled("temporary_password_never_expires")


def _submit_otp() -> ANSWER:
    user_id = session.get("pending_login")
    if user_id is None:
        return _login_page(texts.LOGIN_EXPIRED)
    typed = request.form.get("otp", "").strip()
    result = security.verify_code(security.persist_session(), "login", typed)
    if result is not security.CodeCheck.OK:
        result = bugs.code_check(result, typed)
    if result is not security.CodeCheck.OK and not defects.enabled("login_code_not_checked"):
        get_session().commit()
        return render_template("cm6/login_otp.html", error=OTP_ERRORS[result])
    del session["pending_login"]
    session["user_id"] = user_id
    if not defects.enabled("session_id_kept_at_sign_in"):
        security.renew_session_id()
    user = get_session().get(User, user_id)
    if user is not None:
        throttle.trust_this_device(f"cm6:{user.username}")
        bugs.remember_username(user.username)
        bugs.keep_temporary_password(user)
    get_session().commit()
    return redirect(url_for("cm6.private_home"), 303)


@bp.post("/logout")
def logout() -> Response:
    if defects.enabled("logout_only_in_the_browser"):
        return security.logout_in_the_browser_only(redirect(url_for("cm6.home"), 303))
    session.clear()
    security.renew_session_id()  # the signed-in id dies with the sign-in
    return redirect(url_for("cm6.home"), 303)


shared_bugs.csrf_waived("cm6.logout", "logout_without_csrf_check")
