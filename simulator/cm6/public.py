"""Public area: the home page with contacts, information items and the REGISTRATI box."""

from __future__ import annotations

from flask import render_template

from simulator import defects
from simulator.cm6 import bp, texts


@bp.get("/")
def home() -> str:
    fax = texts.WRONG_FAX if defects.enabled("public_wrong_fax") else texts.CONTACT_FAX
    return render_template("cm6/home.html", fax=fax)
