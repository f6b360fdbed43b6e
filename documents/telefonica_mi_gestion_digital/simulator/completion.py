"""Registration, last steps (/registro/cuentas, /registro/codigo): the bank accounts the contracted lines
are paid from, then the security code that creates the user and lands in Mi Área."""

from __future__ import annotations

import secrets

from flask import redirect, request, session, url_for

from documents.telefonica_mi_gestion_digital.dataset import codes
from documents.telefonica_mi_gestion_digital.simulator import bp, pages, texts
from documents.telefonica_mi_gestion_digital.simulator.lookups import company_kinds
from documents.telefonica_mi_gestion_digital.simulator.models import Company, Interlocutor, User
from documents.telefonica_mi_gestion_digital.simulator.registration import (
    ANSWER,
    go,
    restart,
    the_company,
    wizard,
)
from simulator import clock, defects, security
from simulator.db import get_session

ACCOUNT_LABELS = {
    "fixed": ("cuenta_fijo", "Cuenta bancaria de las líneas fijas (IBAN)", "fijas"),
    "mobile": ("cuenta_movil", "Cuenta bancaria de las líneas móviles (IBAN)", "móviles"),
}


# --- bank accounts by contracted products ---------------------------------------------------------------


def _kinds_asked(company: Company) -> list[str]:
    has_fixed, has_mobile = company_kinds(company.id)
    if has_fixed and has_mobile:
        return ["fixed"] if defects.enabled("mgd_one_account_for_fixed_and_mobile") else ["fixed", "mobile"]
    if has_fixed:
        return ["fixed", "mobile"] if defects.enabled("mgd_fixed_only_asked_mobile_account") else ["fixed"]
    return ["fixed", "mobile"] if defects.enabled("mgd_mobile_only_asked_fixed_account") else ["mobile"]


def _accounts_page(company: Company, error: str | None = None) -> str:
    fields = []
    for kind in _kinds_asked(company):
        name, label, _words = ACCOUNT_LABELS[kind]
        fields.append((name, label, "text", request.form.get(name, "")))
    return pages.form_page(
        "registration-accounts",
        "Cuentas bancarias",
        url_for("mgd.registration_accounts"),
        fields,
        error=error,
        intro="Introduce el número de cuenta bancaria donde tengas domiciliados los pagos de tus líneas.",
    )


@bp.get("/registro/cuentas")
def registration_accounts() -> ANSWER:
    company = the_company()
    if wizard().get("step") != "accounts" or company is None:
        return restart()
    return _accounts_page(company)


@bp.post("/registro/cuentas")
def registration_accounts_submit() -> ANSWER:
    company = the_company()
    if wizard().get("step") != "accounts" or company is None:
        return restart()
    for kind in _kinds_asked(company):
        refusal = _account_refusal(company, kind)
        if refusal is not None:
            return _accounts_page(company, refusal)
    state = wizard()
    mobile = state.get("mobile")
    channel, to = ("sms", mobile) if mobile else ("email", state["email"])
    if (
        state.get("line_kind") == "fixed"
        and mobile
        and defects.enabled("mgd_registration_code_to_fixed_number")
    ):
        to = state["line"]
    if not mobile and defects.enabled("mgd_fixed_only_code_by_sms"):
        channel, to = "sms", state["line"]
    if mobile and not company_kinds(company.id)[0] and defects.enabled("mgd_mobile_only_code_by_email"):
        channel, to = "email", state["email"]
    if pages.send_code("mgd-registration", channel, to) is None:
        return _accounts_page(company, texts.TOO_MANY_CODES)
    return go("code", "mgd.registration_code", channel=channel, to=to)


def _account_refusal(company: Company, kind: str) -> str | None:
    name, label, words = ACCOUNT_LABELS[kind]
    typed = request.form.get(name, "").strip().upper()
    if " " in typed and defects.enabled("mgd_iban_with_spaces_refused"):
        return texts.IBAN_INVALID.format(iban=typed)
    typed = typed.replace(" ", "")  # IBANs are printed in groups of four
    if not typed:
        return texts.REQUIRED.format(label=label).with_kind(f"required-{name}")
    expected = getattr(company, f"{kind}_account") or ""
    if (
        typed != expected
        and typed[4:] == expected[4:]
        and defects.enabled("mgd_iban_compared_without_check_digits")
    ):
        return None  # the bug: only the 20 digits of the account (CCC) are validated and compared
    if not codes.is_spanish_iban(typed):
        return texts.IBAN_INVALID.format(iban=typed)
    if typed == expected or defects.enabled("mgd_iban_not_matched"):
        return None
    ours = typed in (company.fixed_account, company.mobile_account)
    if ours and defects.enabled("mgd_iban_match_ignores_line_kind"):
        return None
    return texts.IBAN_NOT_MATCHING.format(iban=typed, kind=words)


# --- the security code, and the new user ---------------------------------------------------------------


def _code_page(error: str | None = None) -> str:
    state = wizard()
    sent = texts.CODE_SENT_SMS if state.get("channel") == "sms" else texts.CODE_SENT_EMAIL
    return pages.form_page(
        "registration-code",
        "Código de seguridad",
        url_for("mgd.registration_code"),
        [("codigo", "Código de seguridad", "text", "")],
        error=error,
        intro=sent.format(to=state.get("to")),
    )


@bp.get("/registro/codigo")
def registration_code() -> ANSWER:
    return _code_page() if wizard().get("step") == "code" else restart()


@bp.post("/registro/codigo")
def registration_code_submit() -> ANSWER:
    state = wizard()
    if state.get("step") != "code" or state.get("interlocutor") is None:
        return restart()
    typed = request.form.get("codigo", "")
    refusal = pages.check_code("mgd-registration", typed, "mgd_registration_code_not_checked")
    if refusal is not None:
        get_session().commit()  # the failed attempt counts
        return _code_page(refusal)
    db = get_session()
    interlocutor = db.get(Interlocutor, state["interlocutor"])
    assert interlocutor is not None
    user = User(
        id=f"usr-{secrets.token_hex(6)}",
        interlocutor_id=interlocutor.id,
        email=interlocutor.email,
        password_hash="",
        password_is_temporary=True,
        temporary_password_sent_at=clock.now(),
        mobile=state.get("mobile"),
        terms_accepted=False,
    )
    password = security.temporary_password()
    if not defects.enabled("mgd_no_temporary_password_email"):
        password = pages.send_temporary_password(interlocutor.first_name, interlocutor.email)
    user.password_hash = security.hash_password(password)
    db.add(user)
    session.pop("mgd_registration", None)
    session["mgd_user"] = user.id
    security.renew_session_id()
    db.commit()
    if defects.enabled("mgd_terms_not_asked"):
        return redirect(url_for("mgd.mi_area"), 303)
    return redirect(url_for("mgd.welcome"), 303)
