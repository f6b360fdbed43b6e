"""Signing in: username and password, then a 6-digit code by SMS to the business number; after the
first sign-in with a temporary password, a new password must be chosen before anything else."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from .. import faults, security, texts
from ..delivery import NotDelivered, send_sms
from ..store import Flow
from . import store

bp = Blueprint("signin", __name__, url_prefix="/accedi")

CODE_MINUTES = 5
CODE_TRIES = 3
SIGNED_IN = "utente"  # session key: the username, once the SMS code was right
MUST_CHANGE = "cambio_obbligatorio"  # session key: the temporary password must be replaced first


def _flow_key() -> str:
    return security.session_id() + ":accesso"


def _page(template: str, errors: list[str], **values: object) -> ResponseReturnValue:
    return render_template(template, errors=errors, **values), 422 if errors else 200


@bp.route("", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if request.method == "GET":
        return _page("accedi.html", [], username="")
    username = request.form.get("nome_utente", "").strip()
    portal = store()
    account = portal.accounts.get(username.lower())
    which = portal.which_password(account, request.form.get("password", "")) if account else ""
    if account is None or not which:
        return _page("accedi.html", ["credentials_wrong"], username=username)
    temporary = which == "own" and account.temporary_since is not None
    if temporary and portal.temporary_expired(account):
        return _page("accedi.html", ["password_expired"], username=username)
    line = portal.lines.get(account.business_number)
    if line is None or not line.active or line.convention != "CM6":
        return _page("accedi.html", ["line_not_active"], username=username)
    store().end_flow(_flow_key())
    flow = portal.flow(_flow_key())
    flow.username, flow.must_change_password = account.username, temporary
    flow.code = security.fresh_code(6)
    flow.code_until = portal.now() + timedelta(minutes=CODE_MINUTES)
    try:
        send_sms(account.business_number, texts.SMS_LOGIN_SENDER, texts.SMS_LOGIN.format(code=flow.code))
    except NotDelivered:
        return _page("accedi.html", ["delivery_failed"], username=username)
    return redirect(url_for(".code"))


def _pending() -> Flow | None:
    flow = store().flows.get(_flow_key())
    return flow if flow is not None and flow.username else None


@bp.route("/codice", methods=["GET", "POST"])
def code() -> ResponseReturnValue:
    flow = _pending()
    if flow is None:
        return redirect(url_for(".login"))
    if request.method == "GET":
        return _page("accedi_codice.html", [])
    typed = request.form.get("codice", "").strip()
    if flow.code_until is None or store().now() > flow.code_until or flow.wrong_codes >= CODE_TRIES:
        store().end_flow(_flow_key())
        return _page("accedi_codice.html", ["code_expired"])
    if typed != flow.code and not faults.on("login_code_not_checked"):
        flow.wrong_codes += 1
        return _page("accedi_codice.html", ["code_wrong"])
    store().end_flow(_flow_key())
    session[SIGNED_IN] = flow.username
    if flow.must_change_password:
        session[MUST_CHANGE] = True
        return redirect(url_for(".new_password"))
    return redirect(url_for("private.home"))


@bp.route("/nuova-password", methods=["GET", "POST"])
def new_password() -> ResponseReturnValue:
    account = store().accounts.get(str(session.get(SIGNED_IN, "")).lower())
    if account is None:
        return redirect(url_for(".login"))
    if not session.get(MUST_CHANGE):
        return redirect(url_for("private.home"))
    if request.method == "GET":
        return _page("nuova_password.html", [])
    new, again = request.form.get("nuova", ""), request.form.get("conferma", "")
    errors = password_errors(new, again)
    if errors:
        return _page("nuova_password.html", errors)
    store().set_password(account, new)
    session.pop(MUST_CHANGE)
    return redirect(url_for("private.home"))


def password_errors(new: str, again: str) -> list[str]:
    """This portal's password policy: 8 or more characters, letters and digits, typed twice."""
    strong = len(new) >= 8 and any(c.isalpha() for c in new) and any(c.isdigit() for c in new)
    if not strong:
        return ["password_weak"]
    return [] if new == again else ["password_mismatch"]


@bp.post("/esci")
def logout() -> ResponseReturnValue:
    session.pop(SIGNED_IN, None)
    session.pop(MUST_CHANGE, None)
    return redirect(url_for("public.home"))
