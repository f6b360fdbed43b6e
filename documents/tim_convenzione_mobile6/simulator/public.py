"""Public area: the home page with contacts, information items and the REGISTRATI box."""

from __future__ import annotations

from flask import redirect, render_template, url_for
from werkzeug.wrappers import Response

from documents.tim_convenzione_mobile6.simulator import bottom_band_shown, bp, texts
from simulator import defects


@bp.get("/")
def home() -> str:
    contacts = texts.CONTACTS
    if defects.enabled("public_contacts_mistyped"):
        contacts = texts.MISTYPED_CONTACTS
    return render_template("cm6/home.html", contacts=contacts, show_bottom_band=bottom_band_shown("entry"))


@bp.get("/registrati")
def registration_entry() -> Response:
    """Where "Registrati Ora" and the top menu's "Registrati" lead: the start of the registration."""
    if defects.enabled("registration_links_to_home"):
        return redirect(url_for("cm6.home"), 303)
    return redirect(url_for("cm6.registration"), 303)
