"""Registration in four steps: the entity (and the graphic code), the person and SIM (and the SMS
code), the username, the outcome. Where the visitor is lives in the Store, keyed by the session."""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import Blueprint, Response, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from .. import captcha, faults, identifiers, security, texts
from ..delivery import NotDelivered, send_email, send_sms
from ..store import Account, Flow, Person
from . import store

bp = Blueprint("registration", __name__, url_prefix="/registrazione")

CODE_MINUTES = 10
CODE_WORDS = ("ORSO", "LAGO", "NEVE", "VENTO", "PINO", "FARO", "ROCCA", "GELO", "LUNA", "VELA", "FIUME")
PERSON_FIELDS = ("nome", "cognome", "cellulare", "codice_fiscale", "email", "numero_aziendale")


def _flow() -> Flow:
    return store().flow(security.session_id() + ":registrazione")


def _step(number: int, template: str, errors: list[str], **values: object) -> ResponseReturnValue:
    status = 422 if errors else 200
    return render_template(template, step=number, errors=errors, **values), status


def _not_reached(flow: Flow, step: int) -> ResponseReturnValue | None:
    """A step opened before the earlier ones were done goes back to the start."""
    return None if flow.step >= step else redirect(url_for(".identify"))


@bp.route("", methods=["GET", "POST"])
def identify() -> ResponseReturnValue:
    flow = _flow()
    if request.method == "GET":
        flow.step, flow.outcome = 1, ""
        flow.captcha = captcha.new_code()
        return _step(1, "reg_ente.html", [], kind="codice-fiscale", identifier="")
    kind = request.form.get("tipo", "")
    identifier = identifiers.compact(request.form.get("identificativo", ""))
    errors = _entity_errors(flow, kind, identifier, request.form.get("codice_grafico", ""))
    flow.captcha = captcha.new_code()  # a code is good for one try
    if errors:
        return _step(1, "reg_ente.html", errors, kind=kind, identifier=identifier)
    flow.step = 2
    return redirect(url_for(".person"))


def _entity_errors(flow: Flow, kind: str, identifier: str, typed_captcha: str) -> list[str]:
    if not captcha.matches(flow.captcha, typed_captcha):
        return ["captcha_wrong"]
    entities = store().entities.values()
    if kind == "partita-iva":
        if not identifiers.is_vat_number(identifier):
            return ["vat_number_invalid"]
        entity = next((e for e in entities if e.partita_iva == identifier), None)
    else:
        if len(identifier) == 16 and identifiers.is_personal_fiscal_code(identifier):
            return ["personal_fiscal_code"]
        if not identifiers.is_entity_fiscal_code(identifier):
            return ["fiscal_code_invalid"]
        entity = next((e for e in entities if e.codice_fiscale == identifier), None)
    if entity is None or "CM6" not in entity.conventions:
        return ["entity_outside_convention"]
    flow.entity = entity.id
    return []


@bp.get("/codice-grafico.svg")
def captcha_picture() -> ResponseReturnValue:
    flow = _flow()
    flow.captcha = flow.captcha or captcha.new_code()
    answer = Response(captcha.picture(flow.captcha), mimetype="image/svg+xml")
    answer.headers["Cache-Control"] = "no-store"
    return answer


@bp.get("/codice-grafico/lettura")
def captcha_reading() -> ResponseReturnValue:
    flow = _flow()
    answer = jsonify(testo=captcha.reading(flow.captcha) if flow.captcha else "")
    answer.headers["Cache-Control"] = "no-store"
    return answer


@bp.get("/codice-grafico/nuovo")
def captcha_renew() -> ResponseReturnValue:
    _flow().captcha = captcha.new_code()
    return _step(1, "reg_ente.html", [], kind=request.args.get("tipo", "codice-fiscale"), identifier="")


@bp.route("/dati", methods=["GET", "POST"])
def person() -> ResponseReturnValue:
    flow = _flow()
    if (redirected := _not_reached(flow, 2)) is not None:
        return redirected
    if request.method == "GET":
        return _step(2, "reg_dati.html", [], values={})
    values = {name: request.form.get(name, "").strip() for name in PERSON_FIELDS}
    errors = _person_errors(flow, values)
    if errors:
        return _step(2, "reg_dati.html", errors, values=values)
    flow.person = Person(
        values["nome"],
        values["cognome"],
        identifiers.compact(values["codice_fiscale"]),
        values["email"],
        identifiers.national(values["cellulare"]),
    )
    flow.business_number = identifiers.national(values["numero_aziendale"])
    flow.code = " ".join(secrets.choice(CODE_WORDS) for _ in range(2))
    flow.code_until = store().now() + timedelta(minutes=CODE_MINUTES)
    sender = "Borealis" if faults.on("registration_sms_from_portal_name") else texts.SMS_REGISTRATION_SENDER
    try:
        send_sms(flow.business_number, sender, texts.SMS_REGISTRATION.format(code=flow.code))
    except NotDelivered:
        return _step(2, "reg_dati.html", ["delivery_failed"], values=values)
    flow.step = 3
    return redirect(url_for(".code"))


def _person_errors(flow: Flow, values: dict[str, str]) -> list[str]:
    missing = [f"required:{name}" for name in PERSON_FIELDS if not values[name]]
    if missing:
        return missing
    errors = []
    if not identifiers.is_personal_fiscal_code(identifiers.compact(values["codice_fiscale"])):
        errors.append("personal_fiscal_code_invalid")
    if not identifiers.is_email(values["email"]):
        errors.append("email_invalid")
    if not identifiers.is_italian_mobile(values["cellulare"]):
        errors.append("contact_mobile_invalid")
    if errors:
        return errors
    line = store().lines.get(identifiers.national(values["numero_aziendale"]))
    if line is None or line.convention != "CM6":
        return ["sim_outside_convention"]
    if line.entity != flow.entity and not faults.on("sim_of_other_entity_accepted"):
        return ["sim_other_entity"]
    return [] if line.active else ["sim_not_active"]


@bp.route("/verifica", methods=["GET", "POST"])
def code() -> ResponseReturnValue:
    flow = _flow()
    if (redirected := _not_reached(flow, 3)) is not None:
        return redirected
    if request.method == "GET":
        return _step(2, "reg_verifica.html", [])
    typed = request.form.get("codice", "")
    if flow.code_until is None or store().now() > flow.code_until:
        return _step(2, "reg_verifica.html", ["code_expired"])
    if typed != flow.code:  # every character, the space included
        return _step(2, "reg_verifica.html", ["code_wrong"])
    flow.step = 4
    return redirect(url_for(".username"))


@bp.route("/nome-utente", methods=["GET", "POST"])
def username() -> ResponseReturnValue:
    flow = _flow()
    if (redirected := _not_reached(flow, 4)) is not None:
        return redirected
    if request.method == "GET":
        return _step(3, "reg_utente.html", [], username="")
    chosen = request.form.get("nome_utente", "")
    if not identifiers.USERNAME.match(chosen):
        return _step(3, "reg_utente.html", ["username_invalid"], username=chosen)
    portal = store()
    with portal.lock:
        if chosen.lower() in portal.accounts:
            return _step(3, "reg_utente.html", ["username_taken"], username=chosen)
        if portal.holder_of(flow.business_number) is not None:
            flow.outcome, flow.step = "line_already_registered", 5
            return redirect(url_for(".outcome"))
        assert flow.person is not None  # set with step 2
        password = security.fresh_password()
        account = Account(chosen, portal.hash(password), flow.person, flow.business_number, portal.now())
        mail = texts.MAIL_REGISTRATION.format(name=flow.person.first_name, username=chosen, password=password)
        try:
            send_email(flow.person.email, texts.MAIL_SENDER, texts.MAIL_REGISTRATION_SUBJECT, mail)
        except NotDelivered:
            return _step(3, "reg_utente.html", ["delivery_failed"], username=chosen)
        portal.accounts[chosen.lower()] = account
    flow.outcome, flow.step = "ok", 5
    return redirect(url_for(".outcome"))


@bp.get("/esito")
def outcome() -> ResponseReturnValue:
    flow = _flow()
    if (redirected := _not_reached(flow, 5)) is not None:
        return redirected
    return _step(4, "reg_esito.html", [], outcome=flow.outcome)


@bp.post("/annulla")
def cancel() -> ResponseReturnValue:
    store().end_flow(security.session_id() + ":registrazione")
    return redirect(url_for("public.home"))
