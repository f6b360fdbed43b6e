"""Belépés üzleti felhasználóval: login id, Tovább, password, Tovább, SMS code (unless switched off)."""

from __future__ import annotations

import re
from datetime import timedelta

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response
from werkzeug.wrappers import Response as WerkzeugResponse

from documents.telekom_hu_business_login.simulator import bp, texts
from documents.telekom_hu_business_login.simulator import security_bugs as bugs
from documents.telekom_hu_business_login.simulator.models import BusinessUser, Company
from simulator import defects, outbox, security, throttle
from simulator import security_bugs as shared_bugs
from simulator.db import get_session

ANSWER = Response | str
LOGIN_ID = re.compile(r"[a-z0-9._-]{1,40}@[a-z0-9-]{1,40}")
CODE_PURPOSE = "mth-login"
CODE_ERRORS = {
    security.CodeCheck.WRONG: texts.CODE_WRONG,
    security.CodeCheck.EXPIRED: texts.CODE_EXPIRED,
    security.CodeCheck.LOCKED: texts.CODE_LOCKED,
    security.CodeCheck.MISSING: texts.CODE_EXPIRED,
}


def _login_page(error: str | None = None, login_id: str = "", notice: str | None = None) -> str:
    return render_template("mth/login.html", error=error, login_id=login_id, notice=notice)


def password_page(login_id: str, error: str | None = None) -> str:
    return render_template(
        "mth/login_password.html",
        login_id=login_id,
        error=error,
        button_label="Belépés" if defects.enabled("mth_password_step_button_labelled_belepes") else "Tovább",
        forgotten_link_away=defects.enabled("mth_forgotten_password_link_away_from_password_field"),
    )


@bp.get("/belepes")
def login() -> str:
    return _login_page()


@bp.post("/belepes")
def login_submit() -> ANSWER:
    step = request.form.get("lepes", "")
    if step == "azonosito":
        return _login_id_step()
    if step == "jelszo":
        return _password_step()
    if step == "kod":
        return _code_step()
    return _login_page(texts.LOGIN_EXPIRED)


def _login_id_step() -> str:
    login_id = request.form.get("azonosito", "").strip().lower()
    if not LOGIN_ID.fullmatch(login_id):
        return _login_page(texts.LOGIN_ID_FORMAT, login_id)
    # Unknown ids get the password page too: whether an id exists is told by nothing before the password.
    session["mth_login"] = login_id
    session.pop("mth_password_ok", None)
    return password_page(login_id)


def _password_step() -> ANSWER:
    login_id = session.get("mth_login")
    if not isinstance(login_id, str):
        return _login_page(texts.LOGIN_EXPIRED)
    password = request.form.get("jelszo", "")
    guard = throttle.PasswordGuard.for_account(f"mth:{login_id}")
    if guard.wait() > timedelta(0) and not defects.enabled("mth_login_not_throttled"):
        return password_page(login_id, texts.THROTTLED)
    db = get_session()
    user = db.scalar(select(BusinessUser).where(BusinessUser.login == login_id))
    if user is None:
        security.spend_password_check(password)  # as slow as a wrong password: no hint the id is free
    accepted = user is not None and _password_accepted(user, password)
    if user is not None and not accepted:
        bugs.slow_check_for_known_users(password)
    # An expired temporary password is refused like a wrong one (expiry is checked once it matched).
    if user is None or not accepted or bugs.temporary_password_expired(user):
        guard.failed()
        db.commit()
        return password_page(login_id, bugs.wrong_credentials(user is None))
    guard.succeeded()
    company = db.get(Company, user.company_id)
    assert company is not None
    sms_off_ignored = not company.sms_codes and defects.enabled("mth_sms_code_asked_although_switched_off")
    if not company.sms_codes and not sms_off_ignored:
        db.commit()
        return complete_login(user)
    session["mth_password_ok"] = user.id
    return send_login_code(user, first=True)


def _password_accepted(user: BusinessUser, password: str) -> bool:
    if security.password_matches(user.password_hash, password):
        return True
    previous = user.previous_password_hash
    if (
        previous is not None
        and defects.enabled("mth_temporary_password_kept_after_change")
        and security.password_matches(previous, password)
    ):
        return True
    if len(password) > 1 and defects.enabled("mth_password_extra_characters_ignored"):
        # The bug: only as many characters as the stored password has are compared.
        shorter = (password[:n] for n in range(len(password) - 1, 0, -1))
        return any(security.password_matches(user.password_hash, candidate) for candidate in shorter)
    return False


def send_login_code(user: BusinessUser, *, first: bool) -> str:
    """A new login code by SMS to the user's mobile; an earlier one stops working (issue_code)."""
    code = security.issue_code(security.persist_session(), CODE_PURPOSE, user.mobile)
    if code is None:
        code = bugs.code_past_the_limit(CODE_PURPOSE, user.mobile)
    if code is None:
        get_session().commit()
        return render_template("mth/login_code.html", error=texts.TOO_MANY_CODES)
    outbox.send_sms(texts.SMS_SENDER, user.mobile, texts.LOGIN_SMS.format(code=code.code))
    # Kept (server side) only for the defect `resend_keeps_old_code`: the codes a resend replaced.
    session["mth_sent_codes"] = [*session.get("mth_sent_codes", [])[-4:], code.code]
    get_session().commit()
    notice = None if first else texts.CODE_SENT_AGAIN
    return render_template("mth/login_code.html", notice=notice, prefilled=bugs.prefilled(code.code))


@bp.post("/belepes/sms-ujra")
def resend_code() -> ANSWER:
    """Nem kaptam meg az SMS-t: a new code replaces the one sent before."""
    user_id = session.get("mth_password_ok")
    user = None if user_id is None else get_session().get(BusinessUser, user_id)
    if user is None:
        return _login_page(texts.LOGIN_EXPIRED)
    if defects.enabled("mth_resend_sends_nothing"):
        return render_template("mth/login_code.html", notice=texts.CODE_SENT_AGAIN)
    return send_login_code(user, first=False)


def _code_step() -> ANSWER:
    user_id = session.get("mth_password_ok")
    user = None if user_id is None else get_session().get(BusinessUser, user_id)
    if user is None:
        return _login_page(texts.LOGIN_EXPIRED)
    typed = request.form.get("kod", "").strip().upper()
    result = security.verify_code(security.persist_session(), CODE_PURPOSE, typed, _replaced_code_accepted)
    if result is not security.CodeCheck.OK:
        result = bugs.code_check(result, CODE_PURPOSE, typed)
    if result is not security.CodeCheck.OK and not defects.enabled("mth_login_code_not_checked"):
        get_session().commit()
        return render_template("mth/login_code.html", error=CODE_ERRORS[result])
    return complete_login(user)


def _replaced_code_accepted(typed: str, _live: str) -> bool:
    return bool(defects.enabled("mth_resend_keeps_old_code") and typed in session.get("mth_sent_codes", []))


def complete_login(user: BusinessUser) -> Response:
    """Signed in: a temporary password must be changed first; then the optional Telekom fiók prompt."""
    session.clear()
    if not defects.enabled("mth_session_id_kept_at_sign_in"):
        security.renew_session_id()
    session["mth_user"] = user.id
    bugs.remember_login_id(user.login)
    if user.password_is_temporary:
        user.temporary_password_used = True
    throttle.trust_this_device(f"mth:{user.login}")
    get_session().commit()
    if user.password_is_temporary and not _change_skipped(user):
        return redirect(url_for("telekom_hu.password_change"), 303)
    return after_password_settled(user)


def _change_skipped(user: BusinessUser) -> bool:
    return not user.is_admin and defects.enabled("mth_temporary_password_change_not_forced")


def after_password_settled(user: BusinessUser) -> Response:
    if prompt_kind(user) is not None:
        return redirect(url_for("telekom_hu.telekom_fiok_prompt"), 303)
    return redirect(url_for("telekom_hu.self_service"), 303)


def prompt_kind(user: BusinessUser) -> str | None:
    """Which Telekom fiók prompt follows the login: create one, complete one, or none."""
    if user.telekom_fiok == "none":
        return None if defects.enabled("mth_telekom_fiok_prompt_missing_without_fiok") else "create"
    if user.telekom_fiok == "incomplete":
        return "create" if defects.enabled("mth_telekom_fiok_prompt_create_for_incomplete") else "complete"
    return None


@bp.post("/kilepes")
def logout() -> WerkzeugResponse:
    home = redirect(url_for("telekom_hu.home"), 303)
    if defects.enabled("mth_logout_only_in_the_browser"):
        return security.logout_in_the_browser_only(home)
    session.clear()
    security.renew_session_id()
    return home


shared_bugs.csrf_waived("telekom_hu.logout", "mth_logout_without_csrf_check")
