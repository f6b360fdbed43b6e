"""The QA control API: reset and clock, each answering 204 No Content.

Enabled only when the app has a QA_KEY; every call carries it in the X-QA-Key header.
    POST /qa/stato                               reload accounts.json, forget everything, clock back
    POST /qa/orologio  {"secondi": N}            move the portal's clock N seconds forward
"""

from __future__ import annotations

import hmac

from flask import Blueprint, abort, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from . import store

bp = Blueprint("qa", __name__, url_prefix="/qa")


@bp.before_request
def authorise() -> ResponseReturnValue | None:
    key = current_app.config.get("QA_KEY")
    if not key:
        abort(404)
    if not hmac.compare_digest(request.headers.get("X-QA-Key", "").encode(), str(key).encode()):
        return jsonify(errore="chiave QA mancante o errata"), 403
    return None


@bp.post("/stato")
def reset() -> ResponseReturnValue:
    store().reset()
    return "", 204


@bp.post("/orologio")
def clock() -> ResponseReturnValue:
    body = request.get_json(silent=True)
    seconds = body.get("secondi") if isinstance(body, dict) else None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
        return jsonify(errore='atteso {"secondi": N} con N >= 0'), 400
    store().advance(float(seconds))
    return "", 204
