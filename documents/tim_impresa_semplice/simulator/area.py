"""The signed-in Area Clienti: home and Visualizza PROFILO E DATI AZIENDA."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for
from werkzeug.wrappers import Response

from documents.tim_impresa_semplice.simulator import bp, signed_in_user, texts
from documents.tim_impresa_semplice.simulator.models import Company, WebUser
from simulator import defects
from simulator.db import get_session


def require_user() -> WebUser:
    user = signed_in_user()
    if user is None:
        abort(403, description="accedi all'Area Clienti")
    return user


def user_admin_link(user: WebUser) -> str | None:
    """Where Gestione Utenze in «Visualizza PROFILO E DATI AZIENDA > Gestione Utenze» leads. What other
    profiles may do is not in the guide: only the Rappresentante Legale gets it here."""
    if user.profile != texts.RL_PROFILE:
        return None
    if defects.enabled("user_admin_link_leads_home"):
        return url_for("impresa.private_home")
    return url_for("impresa.user_admin")


@bp.get("/area-clienti")
def private_home() -> Response | str:
    user = signed_in_user()
    if user is None:
        return redirect(url_for("impresa.login"), 303)
    return render_template(
        "impresa/private_home.html",
        user=user,
        profile=texts.PROFILE_LABELS[user.profile],
    )


@bp.get("/profilo")
def profile() -> str:
    user = require_user()
    company = get_session().get(Company, user.company_id)
    return render_template(
        "impresa/profile.html",
        user=user,
        company=company,
        profile=texts.PROFILE_LABELS[user.profile],
        user_admin_link=user_admin_link(user),
    )
