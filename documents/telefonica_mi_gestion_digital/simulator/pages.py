"""Rendering the portal's pages: one-form pages of the flows, message pages, the codes they send."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from flask import render_template

from documents.telefonica_mi_gestion_digital.simulator import texts
from simulator import defects, outbox, security
from simulator.models import OneTimeCode

Field = tuple[str, str, str, str]  # name, label, input type, value


def form_page(
    page: str,
    title: str,
    action: str,
    fields: Sequence[Field],
    *,
    action_label: str = "Continuar",
    error: str | None = None,
    **extra: Any,
) -> str:
    return render_template(
        "mgd/simple_form.html",
        page=page,
        title=title,
        action=action,
        fields=fields,
        action_label=action_label,
        error=error,
        **extra,
    )


def message_page(page: str, title: str, message: str, **extra: Any) -> str:
    return render_template("mgd/message.html", page=page, title=title, message=message, **extra)


def send_code(
    purpose: str,
    channel: str,
    to: str,
    past_the_limit: Callable[[str], OneTimeCode | None] | None = None,
) -> str | None:
    """Issue a security code for this session and send it by `channel` ('sms' or 'email') to `to`;
    None when the number or address already had its share of codes (nothing is sent), unless
    `past_the_limit` (a defect's) issues one after all."""
    code = security.issue_code(security.persist_session(), purpose, to)
    if code is None and past_the_limit is not None:
        code = past_the_limit(to)
    if code is None:
        return None
    if channel == "sms":
        outbox.send_sms(texts.SMS_SENDER, to, texts.SECURITY_CODE_SMS.format(code=code.code))
    else:
        outbox.send_email(
            texts.EMAIL_SENDER,
            to,
            texts.SECURITY_CODE_SUBJECT,
            texts.SECURITY_CODE_BODY.format(code=code.code),
        )
    return code.code


CODE_REFUSALS = {
    security.CodeCheck.WRONG: texts.CODE_WRONG,
    security.CodeCheck.EXPIRED: texts.CODE_EXPIRED,
    security.CodeCheck.LOCKED: texts.CODE_LOCKED,
    security.CodeCheck.MISSING: texts.CODE_EXPIRED,
}


def check_code(
    purpose: str,
    typed: str,
    unchecked_defect: str,
    relent: Callable[[security.CodeCheck, str], security.CodeCheck] | None = None,
) -> str | None:
    """None when the typed code is this session's live code for `purpose` (it is used up), else the
    refusal; the defect `unchecked_defect` lets a wrong code through, and `relent` (a defect's) may
    accept a refused one after all."""
    result = security.verify_code(security.persist_session(), purpose, typed.strip())
    if result is not security.CodeCheck.OK and relent is not None:
        result = relent(result, typed.strip())
    if result is security.CodeCheck.OK or defects.enabled(unchecked_defect):
        return None
    return CODE_REFUSALS[result]


def send_temporary_password(name: str, email: str) -> str:
    """A new temporary password, mailed to the user; its hash is the caller's to store."""
    password = security.temporary_password()
    body = texts.TEMPORARY_PASSWORD_BODY.format(name=name, password=password)
    outbox.send_email(texts.EMAIL_SENDER, email, texts.TEMPORARY_PASSWORD_SUBJECT, body)
    return password
