"""Mi Área: the first landing (terms of use, access data with the mandatory mobile, its activation) and
the home of the private area."""

from __future__ import annotations

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from documents.telefonica_mi_gestion_digital.dataset import codes
from documents.telefonica_mi_gestion_digital.simulator import bp, pages, signed_in_user, texts
from documents.telefonica_mi_gestion_digital.simulator.lookups import normalise_number
from documents.telefonica_mi_gestion_digital.simulator.models import Interlocutor, Line, User
from simulator import defects
from simulator.db import get_session

ANSWER = Response | str


def _welcome_page(user: User, error: str | None = None, mobile: str | None = None) -> str:
    shown = user.mobile or "" if mobile is None else mobile
    return pages.form_page(
        "welcome",
        "Bienvenido a Mi Área",
        url_for("mgd.welcome"),
        [("movil", "Teléfono móvil", "tel", shown)],
        action_label="Guardar",
        error=error,
        terms=True,
        intro=f"Verifica tus datos de acceso. Email: {user.email}",
        access_email=user.email,
    )


@bp.get("/mi-area/bienvenida")
def welcome() -> ANSWER:
    user = signed_in_user()
    return redirect(url_for("mgd.access"), 303) if user is None else _welcome_page(user)


@bp.post("/mi-area/bienvenida")
def welcome_submit() -> ANSWER:
    user = signed_in_user()
    if user is None:
        return redirect(url_for("mgd.access"), 303)
    typed = request.form.get("movil", "")
    mobile = normalise_number(typed)
    if request.form.get("condiciones") != "si" and not defects.enabled("mgd_terms_not_required"):
        return _welcome_page(user, texts.TERMS_REQUIRED, typed)
    refusal = _mobile_refusal(user, mobile)
    if refusal is not None:
        return _welcome_page(user, refusal, typed)
    user.terms_accepted = True
    changed = mobile != user.mobile or defects.enabled("mgd_activation_asked_for_unchanged_mobile")
    if mobile and changed:
        if defects.enabled("mgd_changed_mobile_not_activated"):
            user.mobile = mobile
        else:
            if pages.send_code("mgd-activation", "sms", mobile) is None:
                return _welcome_page(user, texts.TOO_MANY_CODES, typed)
            session["mgd_new_mobile"] = mobile
            get_session().commit()
            return redirect(url_for("mgd.mobile_activation"), 303)
    get_session().commit()
    return redirect(url_for("mgd.mi_area"), 303)


def _mobile_refusal(user: User, mobile: str) -> str | None:
    if not mobile:
        return None if defects.enabled("mgd_mobile_optional") else texts.MOBILE_REQUIRED
    kind = codes.phone_kind(mobile)
    national = codes.is_spanish(mobile) or defects.enabled("mgd_foreign_mobile_accepted")
    accepted = kind == "mobile" or (
        kind == "fixed" and defects.enabled("mgd_fixed_number_accepted_as_mobile")
    )
    if accepted and national and defects.enabled("mgd_only_company_mobiles_accepted"):
        # the bug: the mobile is looked up among the company's lines (only where it is not one of them)
        interlocutor = get_session().get(Interlocutor, user.interlocutor_id)
        line = get_session().scalar(select(Line).where(Line.number == mobile, Line.kind == "mobile"))
        accepted = (
            line is not None and interlocutor is not None and line.company_id == interlocutor.company_id
        )
    return None if national and accepted else texts.MOBILE_INVALID.format(number=mobile)


def _activation_page(error: str | None = None) -> str:
    return pages.form_page(
        "mobile-activation",
        "Activa tu móvil",
        url_for("mgd.mobile_activation"),
        [("codigo", "Código de seguridad", "text", "")],
        error=error,
        intro=texts.ACTIVATION_SENT.format(number=session.get("mgd_new_mobile", "")),
    )


@bp.get("/mi-area/activacion")
def mobile_activation() -> ANSWER:
    if signed_in_user() is None or not session.get("mgd_new_mobile"):
        return redirect(url_for("mgd.access"), 303)
    return _activation_page()


@bp.post("/mi-area/activacion")
def mobile_activation_submit() -> ANSWER:
    user = signed_in_user()
    if user is None or not session.get("mgd_new_mobile"):
        return redirect(url_for("mgd.access"), 303)
    typed = request.form.get("codigo", "")
    refusal = pages.check_code("mgd-activation", typed, "mgd_activation_code_not_checked")
    if refusal is not None:
        get_session().commit()
        return _activation_page(refusal)
    user.mobile = session.pop("mgd_new_mobile")
    get_session().commit()
    return redirect(url_for("mgd.mi_area"), 303)


@bp.get("/mi-area")
def mi_area() -> ANSWER:
    user = signed_in_user()
    if user is None:
        return redirect(url_for("mgd.access"), 303)
    if session.get("mgd_must_change"):
        return redirect(url_for("mgd.password_change"), 303)
    if not user.terms_accepted and not defects.enabled("mgd_terms_not_asked"):
        return redirect(url_for("mgd.welcome"), 303)
    notice = texts.PASSWORD_CHANGED if request.args.get("cambiada") else None
    return render_template("mgd/mi_area.html", notice=notice)
