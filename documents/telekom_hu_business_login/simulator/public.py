"""Public pages: telekom.hu's home with the Belépés button at the top right, and the residential login."""

from __future__ import annotations

from flask import redirect, render_template, url_for
from werkzeug.wrappers import Response

from documents.telekom_hu_business_login.simulator import bp
from simulator import defects


@bp.get("/")
def home() -> str:
    return render_template("mth/home.html", belepes_in_footer=defects.enabled("mth_belepes_button_in_footer"))


@bp.get("/belepes-inditas")
def belepes() -> Response:
    """Where the Belépés button leads: the login of the self-service (telekom.hu/belepes)."""
    if defects.enabled("mth_belepes_leads_to_residential_login"):
        return redirect(url_for("telekom_hu.residential_login"), 303)
    return redirect(url_for("telekom_hu.login"), 303)


@bp.get("/lakossagi-belepes")
def residential_login() -> str:
    return render_template("mth/residential_login.html")
