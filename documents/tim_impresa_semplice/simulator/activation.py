"""After the username e-mail: the link, the verification code (SMS, or e-mail without a mobile) and the
new password. Recupera Password goes through the same page with a link of its own."""

from __future__ import annotations

import re

from flask import abort, render_template, request, session
from sqlalchemy import select

from documents.tim_impresa_semplice.simulator import bp, links, texts
from documents.tim_impresa_semplice.simulator.models import AccessLink, Company, WebUser
from simulator import defects, outbox, security
from simulator.db import get_session

CODE_PURPOSE = "tis-access"
_SESSION_KEY = "tis_access_link"
_PASSWORD_RULE = re.compile(r"^(?=.*[A-Za-z])(?=.*\d).{8,64}$")
_CODE_ERRORS = {
    security.CodeCheck.WRONG: texts.CODE_WRONG,
    security.CodeCheck.MISSING: texts.CODE_WRONG,
    security.CodeCheck.EXPIRED: texts.CODE_EXPIRED,
    security.CodeCheck.LOCKED: texts.CODE_LOCKED,
}


@bp.get("/attivazione/<token>")
def activation(token: str) -> str:
    return _open_link(token, "activation")


@bp.get("/nuova-password/<token>")
def recovery_link(token: str) -> str:
    return _open_link(token, "recovery")


def _open_link(token: str, purpose: str) -> str:
    link = links.live(token, purpose)
    if link is None:
        return render_template("impresa/link_invalid.html", error=texts.LINK_INVALID)
    user = get_session().get(WebUser, link.user_id)
    assert user is not None  # the row cascades with its user
    session[_SESSION_KEY] = link.id
    notice: str | None
    if user.mobile:
        notice = _send_code(user, "sms")
    elif user.profile == texts.RL_PROFILE:
        # «se non hai fornito un numero di cellulare, riceverai una seconda e-mail»
        notice = None if defects.enabled("rl_without_mobile_gets_no_code") else _send_code(user, "email")
    else:
        notice = None  # «in mancanza del numero mobile, puoi farti inviare il codice di verifica via e-mail»
    get_session().commit()
    return _page(user, notice=notice)


def _page(user: WebUser, **shown: object) -> str:
    return render_template("impresa/activation.html", user=user, offer_email_code=not user.mobile, **shown)


def _send_code(user: WebUser, channel: str) -> str | texts.Refusal:
    # Codes by e-mail are counted against the user, not the address (the recipient column is short).
    recipient = user.mobile if channel == "sms" and user.mobile else f"tis-user-{user.id}"
    code = security.issue_code(security.persist_session(), CODE_PURPOSE, recipient)
    if code is None:
        return texts.TOO_MANY_CODES
    if channel == "sms" and user.mobile:
        outbox.send_sms(texts.SMS_SENDER, user.mobile, texts.CODE_SMS.format(code=code.code))
        return texts.CODE_SENT_SMS
    address = user.email
    if defects.enabled("email_code_sent_to_legal_representative"):
        company = get_session().get(Company, user.company_id)
        address = company.rl_email if company is not None else address
    body = texts.CODE_EMAIL_BODY.format(code=code.code)
    outbox.send_email(texts.EMAIL_SENDER, address, texts.CODE_SUBJECT, body)
    return texts.CODE_SENT_EMAIL


def _link_in_session() -> tuple[AccessLink, WebUser]:
    link_id = session.get(_SESSION_KEY)
    db = get_session()
    link = None if not isinstance(link_id, int) else db.get(AccessLink, link_id)
    if link is None:
        abort(400, description="nessuna attivazione in corso: apri il link ricevuto via e-mail")
    user = db.get(WebUser, link.user_id)
    assert user is not None
    return link, user


@bp.post("/attivazione")
def activation_submit() -> str:
    link, user = _link_in_session()
    db = get_session()
    still_live = db.scalar(select(AccessLink.id).where(AccessLink.id == link.id, AccessLink.used.is_(False)))
    if still_live is None and not defects.enabled("activation_link_reusable"):
        return render_template("impresa/link_invalid.html", error=texts.LINK_INVALID)
    if request.form.get("azione") == "codice_email":
        notice = _send_code(user, "email")
        db.commit()
        return (
            _page(user, notice=notice) if not isinstance(notice, texts.Refusal) else _page(user, error=notice)
        )
    typed = request.form.get("codice", "").strip().upper()
    password = request.form.get("nuova_password", "")
    confirmation = request.form.get("conferma_password", "")
    if not typed or not password or not confirmation:
        return _page(user, error=texts.FIELD_REQUIRED)
    if not defects.enabled("activation_code_not_checked"):
        checked = security.verify_code(security.persist_session(), CODE_PURPOSE, typed)
        if checked is not security.CodeCheck.OK:
            db.commit()  # the failed attempt counts
            return _page(user, error=_CODE_ERRORS[checked])
    if not _PASSWORD_RULE.match(password):
        return _page(user, error=texts.PASSWORD_WEAK)
    if password != confirmation:
        return _page(user, error=texts.PASSWORDS_DIFFER)
    user.password_hash = security.hash_password(password)
    is_rl = user.profile == texts.RL_PROFILE
    if not (is_rl and defects.enabled("legal_representative_left_inactive")):
        user.state = "active"
    if not is_rl and link.purpose == "activation" and defects.enabled("employee_activation_resets_profile"):
        user.profile = "user"
    link.used = True
    session.pop(_SESSION_KEY, None)
    db.commit()
    return render_template("impresa/activation_done.html", notice=texts.ACTIVATED)
