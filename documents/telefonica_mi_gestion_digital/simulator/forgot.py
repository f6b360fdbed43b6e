"""'He olvidado mi contraseña' (/olvido): a new password, validated by a code sent to the e-mail or the
mobile, as the user chooses."""

from __future__ import annotations

from flask import redirect, request, session, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from documents.telefonica_mi_gestion_digital.simulator import bp, pages, passwords, texts
from documents.telefonica_mi_gestion_digital.simulator.access import access_page
from documents.telefonica_mi_gestion_digital.simulator.lookups import row
from documents.telefonica_mi_gestion_digital.simulator.models import User
from simulator import defects, security
from simulator.db import get_session

ANSWER = Response | str
# The session's mark for an e-mail nobody uses: its code page is shown as for a user, and no code works.
NOBODY = "-"


def _forgot_page(error: str | None = None, *, first_visit: bool = False) -> str:
    return pages.form_page(
        "forgot",
        "He olvidado mi contraseña",
        url_for("mgd.forgot"),
        [("email", "Email", "email", request.form.get("email", ""))],
        error=error,
        channels=True,
        # The page as first served: where a bug of its template would show.
        chat_icon=not (first_visit and defects.enabled("mgd_chat_icon_missing_on_forgot_page")),
        desktop_only=first_visit and defects.enabled("mgd_fixed_desktop_layout"),
    )


@bp.get("/olvido")
def forgot() -> str:
    return _forgot_page(first_visit=True)


@bp.post("/olvido")
def forgot_submit() -> ANSWER:
    email = request.form.get("email", "").strip().lower()
    channel = request.form.get("canal", "")
    user = get_session().scalar(select(User).where(User.email == email))
    if user is None and defects.enabled("mgd_forgot_tells_unknown_email"):
        return _forgot_page(texts.FORGOT_UNKNOWN)
    if channel not in ("email", "sms") or (user is not None and channel == "sms" and not user.mobile):
        return _forgot_page(texts.CHANNEL_REQUIRED)
    if user is None:  # answered as for a user, so that the answer tells no stranger who has an account
        session["mgd_forgot"] = NOBODY
        return redirect(url_for("mgd.forgot_code"), 303)
    if channel == "sms" and defects.enabled("mgd_forgot_sms_sent_to_email"):
        channel = "email"
    elif channel == "email" and defects.enabled("mgd_forgot_email_sent_by_sms"):
        channel = "sms"
    to = user.mobile if channel == "sms" else user.email
    assert to is not None
    if pages.send_code("mgd-forgot", channel, to) is None:
        return _forgot_page(texts.TOO_MANY_CODES)
    session["mgd_forgot"] = user.id
    if defects.enabled("mgd_forgot_replaces_password_at_once"):
        user.password_hash = security.hash_password(security.temporary_password())
    get_session().commit()
    return redirect(url_for("mgd.forgot_code"), 303)


def _code_page(error: str | None = None) -> str:
    return pages.form_page(
        "forgot-code",
        "Nueva contraseña",
        url_for("mgd.forgot_code"),
        [
            ("codigo", "Código de seguridad", "text", ""),
            ("nueva", "Nueva contraseña", "password", ""),
            ("repetir", "Repite la nueva contraseña", "password", ""),
        ],
        action_label="Cambiar contraseña",
        error=error,
        intro=texts.PASSWORD_RULE,
    )


@bp.get("/olvido/codigo")
def forgot_code() -> ANSWER:
    return _code_page() if session.get("mgd_forgot") else redirect(url_for("mgd.forgot"), 303)


@bp.post("/olvido/codigo")
def forgot_code_submit() -> ANSWER:
    if session.get("mgd_forgot") == NOBODY:
        return _code_page(texts.CODE_WRONG)
    user = row(User, session.get("mgd_forgot"))
    if user is None:
        return redirect(url_for("mgd.forgot"), 303)
    typed = request.form.get("codigo", "")
    refusal = pages.check_code("mgd-forgot", typed, "mgd_forgot_code_not_checked")
    if refusal is None:
        refusal = passwords.refusal(request.form.get("nueva", ""), request.form.get("repetir", ""))
    if refusal is not None:
        get_session().commit()
        return _code_page(refusal)
    user.password_hash = security.hash_password(request.form["nueva"])
    user.password_is_temporary = False
    del session["mgd_forgot"]
    get_session().commit()
    return access_page(notice=texts.PASSWORD_CHANGED, email=user.email)
