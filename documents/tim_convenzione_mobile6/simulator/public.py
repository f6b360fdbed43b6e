"""Public area: the home page with contacts, information items and the REGISTRATI box."""

from __future__ import annotations

from flask import render_template

from documents.tim_convenzione_mobile6.simulator import bp, texts
from simulator import defects


@bp.get("/")
def home() -> str:
    fax = texts.WRONG_FAX if defects.enabled("public_wrong_fax") else texts.CONTACT_FAX
    return render_template("cm6/home.html", fax=fax)
