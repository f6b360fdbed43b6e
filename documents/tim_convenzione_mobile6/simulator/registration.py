"""The registration wizard (/registrazione): state lives in the `registrations` row of the session.

Steps: step 1 (no row yet) -> step2 -> otp -> step3 -> success | failure. Every POST names the step
its form was rendered for; a stale form (back button, second tab) just shows the current step again.
"""

from __future__ import annotations

import secrets
from typing import Any

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import delete, select
from werkzeug.wrappers import Response

from documents.tim_convenzione_mobile6.simulator import (
    bottom_band_shown,
    bp,
    identification,
    outcome,
    personal_data,
    texts,
    usernames,
    validation,
)
from documents.tim_convenzione_mobile6.simulator import security_bugs as bugs
from documents.tim_convenzione_mobile6.simulator.models import Entity, Registration, Sim
from simulator import captcha, defects, outbox, security
from simulator.db import get_session

_STEP_OF_PAGE = {"step1": 0, "step2": 1, "otp": 1, "step3": 2, "success": 3, "failure": 3}
ANSWER = Response | str


def _current() -> Registration | None:
    row_id = getattr(session, "row_id", None)
    if row_id is None:
        return None
    return get_session().scalar(select(Registration).where(Registration.web_session_id == row_id))


def _render(template: str, step: str, reg: Registration | None = None, **context: Any) -> str:
    current = _STEP_OF_PAGE[step]
    if defects.enabled("progress_marks_previous_step"):
        current -= 1  # at step 1: no step marked
    if step == "step1":
        context["show_bottom_band"] = bottom_band_shown("entry")
    if step == "step3":
        context["print_disabled"] = defects.enabled("print_action_disabled")
    if step == "failure":
        context["retry_disabled"] = defects.enabled("retry_action_disabled")
    entity = get_session().get(Entity, reg.entity_id) if reg is not None and reg.entity_id else None
    return render_template(template, progress_current=current, reg=reg, entity=entity, **context)


def _render_step1(error: str | None = None, form: Any = None, image_version: str = "") -> str:
    captcha.current(security.persist_session())
    get_session().commit()
    return _render(
        "cm6/registration_step1.html",
        "step1",
        error=error,
        form=form or {},
        captcha_src=url_for("cm6.captcha_image") + (f"?v={image_version}" if image_version else ""),
    )


@bp.get("/registrazione")
def registration() -> ANSWER:
    reg = _current()
    if reg is None:
        return _render_step1()
    if reg.step == "step2":
        return _render("cm6/registration_step2.html", "step2", reg, form={})
    if reg.step == "otp":
        return _render("cm6/registration_otp.html", "otp", reg)
    if reg.step == "step3":
        stale = texts.OTP_WRONG if defects.enabled("step3_shows_code_error") else None
        return _render("cm6/registration_step3.html", "step3", reg, form={}, error=stale)
    # An outcome is shown once; afterwards the session may start a new registration.
    page = _render("cm6/registration_outcome.html", reg.step, reg)
    _forget(reg)
    return page


def _forget(reg: Registration) -> None:
    """Delete the registration; a GET takes no lock, so a parallel one may have deleted it already."""
    get_session().execute(delete(Registration).where(Registration.id == reg.id))
    get_session().commit()


@bp.get("/registrazione/riprova")
def registration_retry() -> Response:
    reg = _current()
    if reg is not None:
        _forget(reg)
    return redirect(url_for("cm6.registration"), 303)


@bp.get("/registrazione/captcha/immagine")
def captcha_image() -> Response:
    """The session's current code, always at this one address: a new code is a new picture here."""
    return Response(captcha.png_bytes(_current_captcha()), mimetype="image/png")


@bp.get("/registrazione/captcha/audio")
def captcha_audio() -> Response:
    if defects.enabled("captcha_audio_missing"):
        return Response("Not Found", 404)
    return Response(captcha.wav_bytes(_current_captcha()), mimetype="audio/wav")


def _current_captcha() -> str:
    """The answer of the session's current code (made and stored at first need). Like every page, the
    response is not cached (simulator/headers.py)."""
    challenge = captcha.current(security.persist_session())
    get_session().commit()
    return challenge.answer


@bp.post("/registrazione")
def registration_submit() -> ANSWER:
    reg = _current()
    action = request.form.get("azione", "prosegui")
    if action == "annulla":
        if reg is not None and not defects.enabled("cancel_keeps_registration"):
            get_session().delete(reg)
            get_session().commit()
        return redirect(url_for("cm6.home"), 303)
    step = reg.step if reg is not None else "step1"
    if request.form.get("step") != step:
        return redirect(url_for("cm6.registration"), 303)
    if reg is None:
        return _submit_step1(action)
    if step == "step2":
        return _submit_step2(reg)
    if step == "otp":
        return _submit_otp(reg, action)
    if step == "step3":
        return _submit_step3(reg)
    return redirect(url_for("cm6.registration"), 303)


# --- step 1 -----------------------------------------------------------------------------------


def _submit_step1(action: str) -> ANSWER:
    web_session_id = security.persist_session()
    form = request.form
    if action == "nuovo_codice":
        if defects.enabled("captcha_refresh_same_code"):
            # The page reloads the picture under a new address, but no new code is drawn.
            return _render_step1(form=form, image_version=secrets.token_hex(4))
        session[identification.REFRESHED] = True
        captcha.draw(web_session_id)
        return _render_step1(form=form)
    kind = form.get("tipo_identificativo", "")
    identifier = form.get("identificativo", "").strip().upper()
    challenge = captcha.current(web_session_id)
    error: str | None = None
    entity: Entity | None = None
    if kind not in ("cf", "piva"):
        error = texts.KIND_MISSING
    elif not identifier:
        error = texts.IDENTIFIER_MISSING
    elif not identification.captcha_right(web_session_id, challenge) and not defects.enabled(
        "captcha_not_checked"
    ):
        error = texts.CAPTCHA_WRONG
    else:
        entity, error = identification.identify_entity(kind, identifier)
    # A code is good for one attempt: failed or not, the next form shows a new one.
    session.pop(identification.REFRESHED, None)
    captcha.draw(web_session_id)
    if error is not None:
        return _render_step1(error=error, form=form)
    get_session().add(
        Registration(
            web_session_id=web_session_id,
            step="step2",
            identifier_kind=kind,
            identifier=identifier,
            entity_id=entity.id if entity is not None else None,
        )
    )
    get_session().commit()
    return redirect(url_for("cm6.registration"), 303)


# --- step 2 and OTP ---------------------------------------------------------------------------


def _submit_step2(reg: Registration) -> ANSWER:
    values = {name: request.form.get(name, "").strip() for name in personal_data.FIELDS}
    errors, sim = personal_data.check(reg.entity_id, values)
    if errors:
        return _render("cm6/registration_step2.html", "step2", reg, form=values, errors=errors)
    assert sim is not None
    if not _send_registration_code(reg, sim):
        return _render(
            "cm6/registration_step2.html", "step2", reg, form=values, errors=[texts.TOO_MANY_CODES]
        )
    reg.first_name, reg.last_name = values["nome"], values["cognome"]
    reg.contact_mobile = validation.italian_mobile(values["cellulare"])
    reg.personal_fiscal_code = validation.personal_fiscal_code(values["codice_fiscale"])
    reg.email = values["email"]
    reg.sim_id = sim.id
    reg.step = "otp"
    get_session().commit()
    return redirect(url_for("cm6.registration"), 303)


def _send_registration_code(reg: Registration, sim: Sim) -> bool:
    """Issue a code and text it to the business line; False (no SMS) when this visitor asked that
    number too many (charged to the visitor, not to the line: see security.requester_budget)."""
    budget = bugs.registration_code_budget(sim.number, security.requester_budget("registration", sim.number))
    code = security.issue_code(reg.web_session_id, "registration", sim.number, budget)
    if code is None:
        return False
    sender = "48900" if defects.enabled("otp_sms_wrong_sender") else texts.SMS_SENDER
    outbox.send_sms(sender, sim.number, texts.OTP_SMS_REGISTRATION.format(code=code.code))
    return True


def _also_accepted(typed: str, code: str) -> bool:
    """A wrong code that a defect lets through (the faithful portal accepts only the exact code)."""
    if typed == code.replace(" ", ""):
        return defects.enabled("otp_accepted_without_space")
    if typed.split(" ")[0] == code.split(" ")[0]:
        return defects.enabled("otp_checks_first_word_only")
    return False


OTP_ERRORS = {
    security.CodeCheck.WRONG: texts.OTP_WRONG,
    security.CodeCheck.EXPIRED: texts.OTP_EXPIRED,
    security.CodeCheck.LOCKED: texts.OTP_LOCKED,
    security.CodeCheck.MISSING: texts.OTP_MISSING,
}


def _submit_otp(reg: Registration, action: str) -> ANSWER:
    db = get_session()
    if action == "nuovo_otp":
        sim = db.get(Sim, reg.sim_id)
        assert sim is not None
        if not _send_registration_code(reg, sim):
            return _render("cm6/registration_otp.html", "otp", reg, error=texts.TOO_MANY_CODES)
        db.commit()
        return _render("cm6/registration_otp.html", "otp", reg, notice=texts.OTP_RESENT)
    # Only surrounding blanks are forgiven: the space between the two words is part of the code.
    typed = request.form.get("otp", "").strip()
    result = security.verify_code(reg.web_session_id, "registration", typed, _also_accepted)
    if result is not security.CodeCheck.OK:
        db.commit()  # keeps the failed-attempt count
        return _render("cm6/registration_otp.html", "otp", reg, error=OTP_ERRORS[result])
    reg.step = "step3"
    db.commit()
    return redirect(url_for("cm6.registration"), 303)


# --- step 3 and outcome -----------------------------------------------------------------------


def _submit_step3(reg: Registration) -> ANSWER:
    username = request.form.get("username", "").strip()
    if not usernames.is_valid(username):
        return _render(
            "cm6/registration_step3.html",
            "step3",
            reg,
            form={"username": username},
            error=texts.USERNAME_INVALID,
        )
    outcome.complete(reg, username)
    get_session().commit()
    return redirect(url_for("cm6.registration"), 303)
