"""Gestione Utenze: the Rappresentante Legale registers employees (Aggiungi, Aggiorna, Registra)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, redirect, render_template, request, url_for
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from documents.tim_impresa_semplice.simulator import accounts, bp, texts, validation
from documents.tim_impresa_semplice.simulator.area import require_user
from documents.tim_impresa_semplice.simulator.models import Contract, Line, Referente, WebUser
from simulator import clock, defects
from simulator.db import get_session

ANSWER = Response | str
_STATE_LABELS = {
    "saved": texts.STATE_TO_REGISTER,
    "registered": texts.STATE_REGISTERED,
    "active": texts.STATE_ACTIVE,
}


_MIXED_UP = {
    "full": ("profile_full_saved_as_light", "light"),
    "light": ("profile_light_saved_as_full", "full"),
    "user": ("utilizzatore_saved_as_amministratore", "light"),
}


@dataclass(frozen=True)
class LineRow:
    number: str
    state: str
    username: str
    profile: str


def _legal_representative() -> WebUser:
    user = require_user()
    if user.profile != texts.RL_PROFILE:
        abort(403, description="funzione riservata al Rappresentante Legale")
    return user


def _mobile_lines(company_id: str) -> list[Line]:
    query = (
        select(Line)
        .join(Contract, Contract.id == Line.contract_id)
        .where(Contract.company_id == company_id, Line.kind == "mobile")
        .order_by(Contract.id, Line.number)
    )
    lines = list(get_session().scalars(query))
    if defects.enabled("user_admin_lists_first_contract_only") and lines:
        lines = [line for line in lines if line.contract_id == lines[0].contract_id]
    return lines


def _rows(company_id: str) -> tuple[list[LineRow], list[WebUser]]:
    db = get_session()
    users = list(
        db.scalars(
            select(WebUser)
            .where(WebUser.company_id == company_id, WebUser.profile != texts.RL_PROFILE)
            .order_by(WebUser.id)
        )
    )
    by_line = {user.line_id: user for user in users if user.line_id}
    unassociated = "Non registrato" if defects.enabled("line_state_mislabelled") else texts.STATE_TO_REGISTER
    rows = []
    for line in _mobile_lines(company_id):
        user = by_line.get(line.id)
        if user is None:
            rows.append(LineRow(line.number, unassociated, "", ""))
        else:
            label = _STATE_LABELS[user.state]
            rows.append(LineRow(line.number, label, user.username, texts.PROFILE_LABELS[user.profile]))
    return rows, users


def _page(**shown: object) -> str:
    rl = _legal_representative()
    rows, users = _rows(rl.company_id)
    return render_template("impresa/user_admin.html", rows=rows, users=users, states=_STATE_LABELS, **shown)


@bp.get("/gestione-utenze")
def user_admin() -> str:
    return _page()


def _profile(raw: str) -> str | None:
    if raw not in texts.PROFILES:
        return None
    # Each a mix-up of the form's options with what is stored.
    mixed_up = _MIXED_UP.get(raw)
    if mixed_up is not None and defects.enabled(mixed_up[0]):
        return mixed_up[1]
    return raw


def _check_details(form: dict[str, str], *, needs_mobile: bool) -> texts.Refusal | None:
    if (
        not form["email"]
        or not form["username"]
        or not form["profilo"]
        or (needs_mobile and not form["cellulare"])
    ):
        return texts.FIELD_REQUIRED
    if form["cellulare"] and validation.italian_mobile(form["cellulare"]) is None:
        return texts.MOBILE_INVALID
    if not validation.email(form["email"]):
        return texts.EMAIL_INVALID
    if not validation.username(form["username"]):
        return texts.USERNAME_INVALID
    if _profile(form["profilo"]) is None:
        return texts.PROFILE_INVALID
    taken = get_session().scalar(
        select(WebUser.id).where(func.lower(WebUser.username) == form["username"].lower())
    )
    return texts.USERNAME_TAKEN if taken is not None else None


def _form(*names: str) -> dict[str, str]:
    return {name: request.form.get(name, "").strip() for name in names}


@bp.get("/gestione-utenze/aggiungi")
def add_user() -> str:
    _legal_representative()
    return render_template("impresa/add_user.html", form={}, profiles=texts.PROFILES)


@bp.post("/gestione-utenze/aggiungi")
def add_user_submit() -> ANSWER:
    """Aggiungi e Registra sends the username e-mail at once; Aggiungi Utente only saves."""
    rl = _legal_representative()
    form = _form("cellulare", "email", "username", "profilo")
    action = request.form.get("azione", "")
    if action not in ("registra", "salva"):
        abort(400, description="azione sconosciuta")
    # The guide lists the mobile among what the RL types; an employee without one gets the code by e-mail.
    refusal = _check_details(form, needs_mobile=False)
    if refusal is not None:
        return render_template("impresa/add_user.html", form=form, profiles=texts.PROFILES, error=refusal)
    profile = _profile(form["profilo"])
    assert profile is not None
    user = WebUser(
        company_id=rl.company_id,
        username=form["username"],
        email=form["email"],
        mobile=validation.italian_mobile(form["cellulare"]) if form["cellulare"] else None,
        profile=profile,
        state="saved",
        password_hash=None,
        line_id=None,
        created_at=clock.now(),
    )
    db = get_session()
    db.add(user)
    db.flush()
    if action == "registra":
        registers = not defects.enabled("aggiungi_e_registra_only_saves")
    else:
        registers = defects.enabled("aggiungi_utente_sends_email")
    if registers:
        accounts.register(user)
    db.commit()
    return _page(notice=texts.USER_REGISTERED if action == "registra" else texts.USER_SAVED)


def _line_of_company(number: str, company_id: str) -> Line:
    line = get_session().scalar(
        select(Line)
        .join(Contract, Contract.id == Line.contract_id)
        .where(Line.number == number, Line.kind == "mobile", Contract.company_id == company_id)
    )
    if line is None:
        abort(404, description="numero non trovato tra le linee dell'Azienda")
    return line


def _user_of_line(line: Line) -> WebUser | None:
    return get_session().scalar(select(WebUser).where(WebUser.line_id == line.id))


@bp.post("/gestione-utenze/linee")
def lines_submit() -> ANSWER:
    """The selected number, and Aggiorna or Registra."""
    rl = _legal_representative()
    number = request.form.get("numero", "").strip()
    action = request.form.get("azione", "")
    if not number or action not in ("aggiorna", "registra"):
        return _page(error=texts.FIELD_REQUIRED)
    line = _line_of_company(number, rl.company_id)
    user = _user_of_line(line)
    if action == "aggiorna":
        return redirect(url_for("impresa.update_line", number=line.number), 303)
    if user is None or user.state != "saved":
        return _page(error=texts.LINE_NOT_ASSOCIATED if user is None else texts.ALREADY_REGISTERED)
    if not defects.enabled("registra_of_line_sends_nothing"):
        accounts.register(user)
    else:
        user.state = "registered"
    get_session().commit()
    return _page(notice=texts.USER_REGISTERED)


def _prefill(line: Line) -> dict[str, str]:
    """«queste informazioni sono già presenti se il numero mobile è associato ad un Referente»"""
    referente = get_session().scalar(select(Referente).where(Referente.line_id == line.id))
    if referente is None or defects.enabled("aggiorna_not_prefilled"):
        return {}
    return {"email": referente.email, "username": referente.email, "profilo": referente.profile}


@bp.get("/gestione-utenze/linee/<number>")
def update_line(number: str) -> str:
    rl = _legal_representative()
    line = _line_of_company(number, rl.company_id)
    if _user_of_line(line) is not None:
        return _page(error=texts.LINE_TAKEN)
    return render_template(
        "impresa/update_line.html", number=line.number, form=_prefill(line), profiles=texts.PROFILES
    )


@bp.post("/gestione-utenze/linee/<number>")
def update_line_submit(number: str) -> ANSWER:
    rl = _legal_representative()
    line = _line_of_company(number, rl.company_id)
    if _user_of_line(line) is not None:
        return _page(error=texts.LINE_TAKEN)
    form = _form("email", "username", "profilo")
    form["cellulare"] = line.number
    refusal = _check_details(form, needs_mobile=True)
    if refusal is not None:
        return render_template(
            "impresa/update_line.html", number=line.number, form=form, profiles=texts.PROFILES, error=refusal
        )
    profile = _profile(form["profilo"])
    assert profile is not None
    db = get_session()
    db.add(
        WebUser(
            company_id=rl.company_id,
            username=form["username"],
            email=form["email"],
            mobile=line.number,
            profile=profile,
            state="saved",
            password_hash=None,
            line_id=line.id,
            created_at=clock.now(),
        )
    )
    db.commit()
    return _page(notice=texts.LINE_UPDATED)


@bp.post("/gestione-utenze/utenze")
def users_submit() -> ANSWER:
    """The selected web user, and Registra (a saved one) or Reinvia (the username e-mail, again)."""
    rl = _legal_representative()
    username = request.form.get("utente", "").strip()
    action = request.form.get("azione", "")
    if not username or action not in ("registra", "reinvia"):
        return _page(error=texts.FIELD_REQUIRED)
    db = get_session()
    user = db.scalar(
        select(WebUser).where(
            func.lower(WebUser.username) == username.lower(),
            WebUser.company_id == rl.company_id,
            WebUser.profile != texts.RL_PROFILE,
        )
    )
    if user is None:
        abort(404, description="utente non trovato")
    if action == "registra":
        if user.state != "saved":
            return _page(error=texts.ALREADY_REGISTERED)
        if defects.enabled("registra_of_saved_user_sends_nothing"):
            user.state = "registered"
        else:
            accounts.register(user)
        db.commit()
        return _page(notice=texts.USER_REGISTERED)
    if user.state != "registered":
        return _page(error=texts.ALREADY_ACTIVE if user.state == "active" else texts.SAVE_FIRST)
    # «Se non trovi la e-mail, chiedi il reinvio al Rappresentante Legale della tua Azienda.»
    accounts.send_username(user, rl.email if defects.enabled("resend_to_employee_goes_to_rl") else None)
    db.commit()
    return _page(notice=texts.EMAIL_RESENT)
