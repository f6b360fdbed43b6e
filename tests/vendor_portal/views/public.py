"""The public area: home page with the Convenzione's contacts and the REGISTRATI box."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

bp = Blueprint("public", __name__)


@bp.get("/")
def home() -> ResponseReturnValue:
    return render_template("home.html")


@bp.get("/contatti")
def contacts() -> ResponseReturnValue:
    return render_template("contatti.html")


@bp.get("/novita")
def news() -> ResponseReturnValue:
    return render_template("novita.html")
