"""Registration (/registro): the fiscal id and e-mail, then either a Grandes Clientes request or the
Pequeña / Mediana Empresa self-registration's line and Telefónica mobile (its last steps: completion.py)."""

from __future__ import annotations

from typing import Any

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from documents.telefonica_mi_gestion_digital.dataset import codes
from documents.telefonica_mi_gestion_digital.simulator import bp, pages, texts
from documents.telefonica_mi_gestion_digital.simulator.lookups import (
    company_kinds,
    line_of,
    normalise_number,
    row,
)
from documents.telefonica_mi_gestion_digital.simulator.models import (
    Company,
    Interlocutor,
    RegistrationRequest,
    User,
)
from simulator import defects
from simulator.db import get_session

ANSWER = Response | str
LARGE_CLIENTS, SMALL = "grandes_clientes", "pequena_empresa"
STEP1_FIELDS = (("cif_nif", "CIF o NIF de la empresa"), ("email", "Email"))


def wizard() -> dict[str, Any]:
    state: dict[str, Any] = session.get("mgd_registration") or {}
    return state


def go(step: str, endpoint: str, **state: Any) -> Response:
    session["mgd_registration"] = {**wizard(), **state, "step": step}
    return redirect(url_for(endpoint), 303)


def restart() -> Response:
    return redirect(url_for("mgd.registration"), 303)


def the_company() -> Company | None:
    return row(Company, wizard().get("company"))


# --- step 1 ------------------------------------------------------------------------------------------


def _step1(error: str | None = None) -> str:
    return render_template("mgd/registration.html", form=request.form, error=error)


@bp.get("/registro")
def registration() -> str:
    session.pop("mgd_registration", None)
    return _step1()


@bp.post("/registro")
def registration_submit() -> ANSWER:
    fiscal_id = request.form.get("cif_nif", "").strip().upper().replace("-", "")
    email = request.form.get("email", "").strip().lower()
    for name, label in STEP1_FIELDS:
        if not request.form.get(name, "").strip():
            return _step1(texts.REQUIRED.format(label=label).with_kind(f"required-{name}"))
    if not (codes.is_fiscal_id(fiscal_id, "CIF") or codes.is_fiscal_id(fiscal_id, "NIF")):
        return _step1(texts.FISCAL_ID_INVALID)
    db = get_session()
    company = db.scalar(select(Company).where(Company.fiscal_id == fiscal_id))
    if (
        company is not None
        and company.fiscal_id_kind == "NIF"
        and defects.enabled("mgd_nif_companies_not_found")
    ):
        company = None
    if company is None:
        return _step1(texts.COMPANY_UNKNOWN)
    interlocutor = db.scalar(select(Interlocutor).where(Interlocutor.email == email))
    if not _is_interlocutor(interlocutor, company):
        return _step1(texts.NOT_INTERLOCUTOR)
    if db.scalar(select(User).where(User.email == email)) is not None and not defects.enabled(
        "mgd_registered_email_registers_again"
    ):
        return _step1(texts.ALREADY_REGISTERED)
    state = {"company": company.id, "interlocutor": interlocutor.id if interlocutor else None, "email": email}
    large = company.segment == LARGE_CLIENTS
    if large and defects.enabled("mgd_large_clients_get_instant_access"):
        large = False
    elif company.segment == SMALL and defects.enabled("mgd_small_companies_sent_to_request"):
        large = True
    if large:
        return go("request", "mgd.registration_request", **state)
    return go("line", "mgd.registration_line", **state)


def _is_interlocutor(interlocutor: Interlocutor | None, company: Company) -> bool:
    if interlocutor is not None and interlocutor.company_id == company.id:
        return True
    if defects.enabled("mgd_any_email_accepted"):
        return True
    return interlocutor is not None and defects.enabled("mgd_interlocutor_of_any_company_accepted")


# --- Grandes Clientes: the registration request ------------------------------------------------------

REQUEST_FIELDS = (("nombre", "Nombre y apellidos"), ("telefono", "Teléfono de contacto"))


def _request_page(error: str | None = None) -> str:
    fields = [(name, label, "text", request.form.get(name, "")) for name, label in REQUEST_FIELDS]
    return pages.form_page(
        "registration-request",
        "Solicitud de registro: Grandes Clientes",
        url_for("mgd.registration_request"),
        fields,
        action_label="Enviar solicitud",
        error=error,
        intro="Cumplimenta la solicitud de registro: un asesor contactará contigo para validar los datos.",
    )


@bp.get("/registro/solicitud")
def registration_request() -> ANSWER:
    return _request_page() if wizard().get("step") == "request" else restart()


@bp.post("/registro/solicitud")
def registration_request_submit() -> ANSWER:
    state = wizard()
    if state.get("step") != "request" or state.get("interlocutor") is None:
        return restart()
    for name, label in REQUEST_FIELDS:
        if not request.form.get(name, "").strip():
            return _request_page(texts.REQUIRED.format(label=label).with_kind(f"required-{name}"))
    get_session().add(
        RegistrationRequest(
            company_id=state["company"],
            interlocutor_id=state["interlocutor"],
            contact_name=request.form["nombre"].strip(),
            contact_phone=normalise_number(request.form["telefono"]),
            status="pending",
        )
    )
    session.pop("mgd_registration", None)
    get_session().commit()
    return pages.message_page("request-sent", "Solicitud enviada", texts.REQUEST_SENT)


# --- step 2: a line of the fiscal id -------------------------------------------------------------------


def _line_page(error: str | None = None) -> str:
    return pages.form_page(
        "registration-line",
        "Tu teléfono",
        url_for("mgd.registration_line"),
        [("telefono", "Número de teléfono fijo o móvil", "tel", request.form.get("telefono", ""))],
        error=error,
    )


@bp.get("/registro/linea")
def registration_line() -> ANSWER:
    return _line_page() if wizard().get("step") == "line" else restart()


@bp.post("/registro/linea")
def registration_line_submit() -> ANSWER:
    company = the_company()
    if wizard().get("step") != "line" or company is None:
        return restart()
    number = normalise_number(request.form.get("telefono", ""))
    line = line_of(number)
    owned = line is not None and (
        line.company_id == company.id or defects.enabled("mgd_line_owner_not_checked")
    )
    if line is not None and defects.enabled(f"mgd_{line.kind}_lines_not_recognised"):
        owned = False
    if line is None or not owned:
        return _line_page(texts.LINE_NOT_OF_COMPANY.format(number=number))
    _has_fixed, has_mobile = company_kinds(company.id)
    if line.kind == "mobile":
        return go("accounts", "mgd.registration_accounts", line=number, line_kind="mobile", mobile=number)
    if has_mobile and not defects.enabled("mgd_fixed_number_skips_mobile_question"):
        return go("mobile", "mgd.registration_mobile", line=number, line_kind="fixed", mobile=None)
    return go("accounts", "mgd.registration_accounts", line=number, line_kind="fixed", mobile=None)


# --- a fixed number given: a Telefónica mobile of the same fiscal id -----------------------------------


def _mobile_page(error: str | None = None, *, chat_icon: bool = True) -> str:
    return pages.form_page(
        "registration-mobile",
        "Tu móvil Telefónica",
        url_for("mgd.registration_mobile"),
        [("movil", "Número móvil contratado con Telefónica", "tel", request.form.get("movil", ""))],
        error=error,
        chat_icon=chat_icon,
        intro=(
            "A este número móvil enviaremos un SMS con un código de acceso cada vez que accedas a"
            " Mi Gestión Digital, y también en el último paso de este proceso de registro."
        ),
    )


@bp.get("/registro/movil")
def registration_mobile() -> ANSWER:
    if wizard().get("step") != "mobile":
        return restart()
    return _mobile_page(chat_icon=not defects.enabled("mgd_chat_icon_missing_on_mobile_step"))


@bp.post("/registro/movil")
def registration_mobile_submit() -> ANSWER:
    company = the_company()
    if wizard().get("step") != "mobile" or company is None:
        return restart()
    number = normalise_number(request.form.get("movil", ""))
    line = line_of(number)
    ours = line is not None and line.kind == "mobile" and line.company_id == company.id
    if not ours and defects.enabled("mgd_mobile_owner_not_checked"):
        ours = codes.phone_kind(number) == "mobile"
    elif ours and defects.enabled("mgd_mobile_step_compares_with_step2_number"):
        ours = number == wizard().get("line")  # the bug: checked against the number of step 2
    if not ours:
        return _mobile_page(texts.MOBILE_NOT_OF_COMPANY.format(number=number))
    return go("accounts", "mgd.registration_accounts", mobile=number)
