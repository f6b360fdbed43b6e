"""Recovering the password (username, codice fiscale and e-mail) or the username (e-mail, codice
fiscale and last name): this portal asks for more of the registration data than the document names."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from .. import faults, identifiers, security, texts
from ..delivery import NotDelivered, send_email
from ..store import Account
from . import store

bp = Blueprint("recovery", __name__)


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _page(template: str, errors: list[str], sent: bool = False) -> ResponseReturnValue:
    return render_template(template, errors=errors, sent=sent), 422 if errors else 200


def _find(matches: dict[str, str]) -> Account | None:
    """The one account whose data match every field given."""
    for account in store().accounts.values():
        person = account.person
        known = {
            "username": account.username,
            "codice_fiscale": person.fiscal_code,
            "email": person.email,
            "cognome": person.last_name,
        }
        if all(_same(known[name], value) for name, value in matches.items()):
            return account
    return None


def _typed(*names: str) -> dict[str, str] | None:
    values = {name: request.form.get(name, "") for name in names}
    if "codice_fiscale" in values:
        values["codice_fiscale"] = identifiers.compact(values["codice_fiscale"])
    return values if all(values.values()) else None


@bp.route("/recupero-password", methods=["GET", "POST"])
def password() -> ResponseReturnValue:
    if request.method == "GET":
        return _page("recupero_password.html", [])
    values = _typed("username", "codice_fiscale", "email")
    if values and faults.on("password_recovery_ignores_fiscal_code"):
        del values["codice_fiscale"]
    account = _find(values) if values else None
    if account is None:
        return _page("recupero_password.html", ["recovery_data_unknown"])
    secret = security.fresh_password()
    text = texts.MAIL_RECOVERY.format(name=account.person.first_name, password=secret)
    try:
        send_email(account.person.email, texts.MAIL_SENDER, texts.MAIL_RECOVERY_SUBJECT, text)
    except NotDelivered:
        return _page("recupero_password.html", ["delivery_failed"])
    store().set_recovery(account, secret)
    return _page("recupero_password.html", [], sent=True)


@bp.route("/recupero-nome-utente", methods=["GET", "POST"])
def username() -> ResponseReturnValue:
    if request.method == "GET":
        return _page("recupero_utente.html", [])
    values = _typed("email", "codice_fiscale", "cognome")
    account = _find(values) if values else None
    if account is None:
        return _page("recupero_utente.html", ["recovery_data_unknown"])
    text = texts.MAIL_USERNAME.format(name=account.person.first_name, username=account.username)
    try:
        send_email(account.person.email, texts.MAIL_SENDER, texts.MAIL_USERNAME_SUBJECT, text)
    except NotDelivered:
        return _page("recupero_utente.html", ["delivery_failed"])
    return _page("recupero_utente.html", [], sent=True)
