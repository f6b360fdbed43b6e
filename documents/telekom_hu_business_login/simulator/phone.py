"""Belépés telefonszámmal: a 9-digit mobile number, Tovább (checked), Kérem az SMS-t, code, Belépek."""

from __future__ import annotations

import re

import phonenumbers
from flask import redirect, render_template, request, session, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from documents.telekom_hu_business_login.simulator import bp, texts
from documents.telekom_hu_business_login.simulator.login import CODE_ERRORS
from documents.telekom_hu_business_login.simulator.models import PhoneNumber
from simulator import defects, outbox, security
from simulator.db import get_session

ANSWER = Response | str
CODE_PURPOSE = "mth-phone"
SEPARATORS = re.compile(r"[\s/-]")
# The mobile prefixes an outdated list knows (the defect `mobile_prefix_list_outdated`).
OLD_MOBILE_PREFIXES = ("20", "30", "70")


def display(number: str) -> str:
    """+36 30 123 4567: how the portal shows a number for checking."""
    return f"+36 {number[:2]} {number[2:5]} {number[5:]}"


def number_refusal(digits: str) -> texts.Refusal | None:
    """Whether the typed number has the documented form: 9 digits with the mobile prefix, nothing else."""
    if not (digits.isascii() and digits.isdigit()):
        return texts.NUMBER_FORMAT
    if len(digits) == 8:
        return None if defects.enabled("mth_phone_number_8_digits_accepted") else texts.NUMBER_FORMAT
    if len(digits) > 9:
        return None if defects.enabled("mth_phone_number_length_not_capped") else texts.NUMBER_FORMAT
    if len(digits) < 9:
        return texts.NUMBER_FORMAT
    parsed = phonenumbers.parse("+36" + digits)
    mobile = phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
    if not mobile:
        return None if defects.enabled("mth_phone_number_prefix_not_checked") else texts.NUMBER_FORMAT
    if digits[:2] not in OLD_MOBILE_PREFIXES and defects.enabled("mth_mobile_prefix_list_outdated"):
        return texts.NUMBER_FORMAT
    return None


def _pending() -> PhoneNumber | None:
    number_id = session.get("mth_number_pending")
    return None if number_id is None else get_session().get(PhoneNumber, number_id)


@bp.get("/belepes/telefonszam")
def phone_login() -> str:
    return render_template("mth/phone_login.html")


@bp.post("/belepes/telefonszam")
def phone_login_submit() -> ANSWER:
    step = request.form.get("lepes", "")
    if step == "szam":
        return _number_step()
    number = _pending()
    if number is None:
        return render_template("mth/phone_login.html", error=texts.LOGIN_EXPIRED)
    if step == "sms":
        return _send_code(number)
    if step == "kod":
        return _code_step(number)
    return render_template("mth/phone_login.html", error=texts.LOGIN_EXPIRED)


def _number_step() -> str:
    typed = request.form.get("telefonszam", "")
    digits = SEPARATORS.sub("", typed)
    refusal = number_refusal(digits)
    number = (
        None if refusal else get_session().scalar(select(PhoneNumber).where(PhoneNumber.number == digits))
    )
    if refusal is None and number is None:
        refusal = texts.NUMBER_UNKNOWN
    if refusal is not None or number is None:
        return render_template("mth/phone_login.html", error=refusal, typed=typed)
    session["mth_number_pending"] = number.id
    shown = (
        number.number[2:]
        if defects.enabled("mth_number_check_page_shows_number_without_prefix")
        else number.number
    )
    return render_template("mth/phone_confirm.html", shown=display(shown) if len(shown) == 9 else shown)


def _send_code(number: PhoneNumber) -> str:
    code = security.issue_code(security.persist_session(), CODE_PURPOSE, number.number)
    if code is None:
        get_session().commit()
        return render_template("mth/phone_code.html", error=texts.TOO_MANY_CODES)
    outbox.send_sms(texts.SMS_SENDER, number.number, texts.LOGIN_SMS.format(code=code.code))
    get_session().commit()
    return render_template("mth/phone_code.html")


def _code_step(number: PhoneNumber) -> ANSWER:
    typed = request.form.get("kod", "").strip().upper()
    result = security.verify_code(security.persist_session(), CODE_PURPOSE, typed)
    if result is not security.CodeCheck.OK and not defects.enabled("mth_phone_login_code_not_checked"):
        get_session().commit()
        return render_template("mth/phone_code.html", error=CODE_ERRORS[result])
    session.clear()
    security.renew_session_id()
    session["mth_number"] = number.id
    get_session().commit()
    return redirect(url_for("telekom_hu.self_service"), 303)
