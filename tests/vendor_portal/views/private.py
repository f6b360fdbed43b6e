"""The private area: a home with the "Gestione amministrativa" menu, whose "Dati personali" item
leads straight to the password change (no intermediate pages)."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from ..store import Account
from . import store
from .signin import MUST_CHANGE, SIGNED_IN, password_errors

bp = Blueprint("private", __name__, url_prefix="/area-clienti")


def _account() -> Account | None:
    return store().accounts.get(str(session.get(SIGNED_IN, "")).lower())


@bp.before_request
def signed_in_only() -> ResponseReturnValue | None:
    if _account() is None:
        return redirect(url_for("signin.login"))
    if session.get(MUST_CHANGE):
        return redirect(url_for("signin.new_password"))
    return None


@bp.get("")
def home() -> ResponseReturnValue:
    return render_template("area_clienti.html", account=_account())


@bp.route("/dati-personali", methods=["GET", "POST"])
def personal_data() -> ResponseReturnValue:
    account = _account()
    assert account is not None  # signed_in_only
    if request.method == "GET":
        return render_template("dati_personali.html", account=account, errors=[], saved=False)
    errors = []
    if store().which_password(account, request.form.get("attuale", "")) != "own":
        errors = ["password_current_wrong"]
    else:
        errors = password_errors(request.form.get("nuova", ""), request.form.get("conferma", ""))
    if errors:
        return render_template("dati_personali.html", account=account, errors=errors, saved=False), 422
    store().set_password(account, request.form["nuova"])
    return render_template("dati_personali.html", account=account, errors=[], saved=True)
