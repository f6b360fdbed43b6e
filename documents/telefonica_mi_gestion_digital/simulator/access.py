"""The access page (/): e-mail and password, then the channel of the one-time code, the code, and the
forced change of a temporary password; sign-out."""

from __future__ import annotations

from datetime import timedelta

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from documents.telefonica_mi_gestion_digital.simulator import (
    bp,
    pages,
    passwords,
    temporary,
    texts,
)
from documents.telefonica_mi_gestion_digital.simulator import security_bugs as bugs
from documents.telefonica_mi_gestion_digital.simulator.lookups import row
from documents.telefonica_mi_gestion_digital.simulator.models import Interlocutor, RegistrationRequest, User
from simulator import defects, security, throttle
from simulator.db import get_session

ANSWER = Response | str


def access_page(
    error: str | None = None,
    notice: str | None = None,
    email: str = "",
    *,
    chat_icon: bool = True,
    password: str = "",
) -> str:
    return render_template(
        "mgd/access.html", error=error, notice=notice, email=email, chat_icon=chat_icon, password=password
    )


@bp.get("/")
def access() -> str:
    return access_page(chat_icon=not defects.enabled("mgd_chat_icon_missing_on_access_page"))


@bp.get("/alta")
def registrate() -> Response:
    """Where "Regístrate" leads: the start of the registration."""
    if defects.enabled("mgd_registrate_leads_to_access_page"):
        return redirect(url_for("mgd.access"), 303)
    return redirect(url_for("mgd.registration"), 303)


@bp.post("/acceso")
def sign_in() -> ANSWER:
    email = request.form.get("email", "").strip().lower()
    password = request.form.get("password", "")
    guard = throttle.PasswordGuard.for_account(f"mgd:{email}")
    if guard.wait() > timedelta(0) and not defects.enabled("mgd_login_not_throttled"):
        return access_page(texts.LOGIN_THROTTLED, email=email)
    db = get_session()
    user = db.scalar(select(User).where(User.email == email))
    pending = _pending_request(email)  # looked up for every e-mail: unknown ones take no extra queries
    if user is None:
        security.spend_password_check(password)  # as slow as a wrong password
        if pending:
            return access_page(texts.PENDING_VALIDATION, email=email)
    if user is None or not _password_accepted(user, password):
        if user is not None:
            bugs.slow_check_for_known_users(password)
        guard.failed()
        db.commit()
        return access_page(_wrong_credentials(user is None), email=email, password=bugs.echoed(password))
    guard.succeeded()
    db.commit()
    if temporary.expired(user):
        return access_page(texts.TEMPORARY_PASSWORD_EXPIRED, email=email)
    session["mgd_pending_login"] = user.id
    db.commit()
    return redirect(url_for("mgd.login_channel"), 303)


def _wrong_credentials(unknown_email: bool) -> str:
    if unknown_email and defects.enabled("mgd_login_tells_unknown_email"):
        return texts.LOGIN_UNKNOWN_EMAIL
    return texts.CREDENTIALS_WRONG


def _pending_request(email: str) -> bool:
    db = get_session()
    interlocutor = db.scalar(select(Interlocutor).where(Interlocutor.email == email))
    if interlocutor is None:
        return False
    pending = select(RegistrationRequest).where(
        RegistrationRequest.interlocutor_id == interlocutor.id, RegistrationRequest.status == "pending"
    )
    return db.scalar(pending) is not None


def _password_accepted(user: User, password: str) -> bool:
    if security.password_matches(user.password_hash, password):
        return True
    return user.password_is_temporary and defects.enabled("mgd_temporary_password_not_checked")


def _pending_user() -> User | None:
    return row(User, session.get("mgd_pending_login"))


def _channel_page(error: str | None = None) -> str:
    return pages.form_page(
        "login-channel",
        "Código de seguridad de un solo uso",
        url_for("mgd.login_channel"),
        [],
        action_label="Enviar código",
        error=error,
        channels=True,
    )


@bp.get("/acceso/canal")
def login_channel() -> ANSWER:
    return _channel_page() if _pending_user() else redirect(url_for("mgd.access"), 303)


@bp.post("/acceso/canal")
def login_channel_submit() -> ANSWER:
    user = _pending_user()
    if user is None:
        return pages_expired()
    channel = request.form.get("canal", "")
    if channel not in ("email", "sms") or (channel == "sms" and not user.mobile):
        return _channel_page(texts.CHANNEL_REQUIRED)
    if channel == "sms" and defects.enabled("mgd_sms_choice_sends_email"):
        channel = "email"
    elif channel == "email" and defects.enabled("mgd_email_choice_sends_sms") and user.mobile:
        channel = "sms"
    to = user.mobile if channel == "sms" else user.email
    assert to is not None
    if pages.send_code(bugs.LOGIN, channel, to, bugs.code_past_the_limit) is None:
        return _channel_page(texts.TOO_MANY_CODES)
    get_session().commit()
    return redirect(url_for("mgd.login_code"), 303)


def pages_expired() -> str:
    return access_page(texts.SESSION_EXPIRED)


def _code_page(error: str | None = None) -> str:
    return pages.form_page(
        "login-code",
        "Código de seguridad",
        url_for("mgd.login_code"),
        [("codigo", "Código de seguridad", "text", "")],
        action_label="Acceder",
        error=error,
    )


@bp.get("/acceso/codigo")
def login_code() -> ANSWER:
    return _code_page() if _pending_user() else redirect(url_for("mgd.access"), 303)


@bp.post("/acceso/codigo")
def login_code_submit() -> ANSWER:
    user = _pending_user()
    if user is None:
        return pages_expired()
    typed = request.form.get("codigo", "")
    refusal = pages.check_code(bugs.LOGIN, typed, "mgd_login_code_not_checked", bugs.code_check)
    if refusal is not None:
        get_session().commit()
        return _code_page(refusal)
    del session["mgd_pending_login"]
    temporary.used_to_sign_in(user)
    bugs.remember_email(user.email)
    session["mgd_user"] = user.id
    if not defects.enabled("mgd_session_id_kept_at_sign_in"):
        security.renew_session_id()
    throttle.trust_this_device(f"mgd:{user.email}")
    get_session().commit()
    if must_change_password(user):
        session["mgd_must_change"] = True
        return redirect(url_for("mgd.password_change"), 303)
    return redirect(url_for("mgd.mi_area"), 303)


def must_change_password(user: User) -> bool:
    return user.password_is_temporary and not defects.enabled("mgd_temporary_password_change_skipped")


def _change_page(error: str | None = None) -> str:
    return pages.form_page(
        "password-change",
        "Cambia tu contraseña temporal",
        url_for("mgd.password_change"),
        [
            ("nueva", "Nueva contraseña", "password", ""),
            ("repetir", "Repite la nueva contraseña", "password", ""),
        ],
        action_label="Cambiar contraseña",
        error=error,
        intro=texts.PASSWORD_RULE,
    )


@bp.get("/acceso/cambio-contrasena")
def password_change() -> ANSWER:
    return _change_page() if session.get("mgd_user") else redirect(url_for("mgd.access"), 303)


@bp.post("/acceso/cambio-contrasena")
def password_change_submit() -> ANSWER:
    user = row(User, session.get("mgd_user"))
    if user is None:
        return pages_expired()
    new = request.form.get("nueva", "")
    refusal = passwords.refusal(new, request.form.get("repetir", ""))
    if refusal is not None:
        return _change_page(refusal)
    user.password_hash = security.hash_password(new)
    user.password_is_temporary = False
    session.pop("mgd_must_change", None)
    get_session().commit()
    return redirect(url_for("mgd.mi_area", cambiada=1), 303)


@bp.post("/salir")
def logout() -> Response:
    if defects.enabled("mgd_logout_only_in_the_browser"):
        return security.logout_in_the_browser_only(redirect(url_for("mgd.access"), 303))
    session.clear()
    security.renew_session_id()
    return redirect(url_for("mgd.access"), 303)
