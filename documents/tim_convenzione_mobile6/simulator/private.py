"""Private area: home, Gestione Amministrativa -> Aggiorna i tuoi dati -> Dati personali."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec

from flask import redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from documents.tim_convenzione_mobile6.simulator import bp, signed_in_user, texts
from documents.tim_convenzione_mobile6.simulator import security_bugs as bugs
from documents.tim_convenzione_mobile6.simulator.models import User
from simulator import clock, security
from simulator.db import get_session

P = ParamSpec("P")
ANSWER = Response | str


def signed_in(view: Callable[P, ANSWER]) -> Callable[P, ANSWER]:
    """Send anonymous visitors to the login page."""

    @wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> ANSWER:
        if signed_in_user() is None:
            return redirect(url_for("cm6.login"), 303)
        return view(*args, **kwargs)

    return wrapper


@bp.get("/area-privata")
@signed_in
def private_home() -> ANSWER:
    return render_template("cm6/private_home.html")


@bp.get("/area-privata/gestione-amministrativa")
@signed_in
def administration() -> ANSWER:
    return render_template("cm6/administration.html")


@bp.get("/area-privata/aggiorna-dati")
@signed_in
def update_your_data() -> ANSWER:
    return render_template("cm6/update_your_data.html")


@bp.get("/area-privata/aggiorna-dati/dati-personali")
@signed_in
def personal_data() -> ANSWER:
    return render_template("cm6/personal_data.html")


def _strong(password: str) -> bool:
    return len(password) >= 8 and bool(re.search(r"[A-Za-z]", password)) and bool(re.search(r"\d", password))


@bp.post("/area-privata/aggiorna-dati/dati-personali")
@signed_in
def personal_data_submit() -> ANSWER:
    user = signed_in_user()
    assert isinstance(user, User)
    current = request.form.get("password_attuale", "")
    new = request.form.get("nuova_password", "")
    if not security.password_matches(user.password_hash, current):
        error = texts.PASSWORD_CURRENT_WRONG
    elif new != request.form.get("conferma_password", ""):
        error = texts.PASSWORD_MISMATCH
    elif not _strong(new):
        error = texts.PASSWORD_WEAK
    else:
        user.previous_password_hash = user.password_hash
        user.password_hash = security.hash_password(new)
        user.password_is_temporary = False
        user.password_issued_at = clock.now()
        user.recovered_password_hash = None  # a pending recovery must not reopen the account
        user.recovered_password_issued_at = None
        if not bugs.keep_session_id_at_password_change():
            security.renew_session_id()  # a re-authentication: the session gets a new id (ASVS 7.2.4)
        get_session().commit()
        return render_template("cm6/personal_data.html", notice=texts.PASSWORD_CHANGED)
    return render_template("cm6/personal_data.html", error=error)
