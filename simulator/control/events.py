"""Back-office events under /_sim/events/<name>: what an order system or an operator's staff does
outside the portal's pages (a purchase, an advisor's validation), offered by each document's portal."""

from __future__ import annotations

from flask import Response, current_app, jsonify

from simulator import request_gate
from simulator.control import bp
from simulator.control.views import error, json_body
from simulator.db import get_session
from simulator.portals import EventRefused, event_handler


@bp.post("/events/<name>")
def event(name: str) -> Response:
    handler = event_handler(name)
    if handler is None:
        return error(404, f"no portal offers the back-office event {name!r}")
    params = json_body()
    if params is None:
        params = {}
    if not isinstance(params, dict):
        return error(400, "the body must be a JSON object of the event's parameters")
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    # Like a portal request: never alongside a reset.
    with request_gate.get_gate(app).request():
        db = get_session()
        try:
            result = handler(db, params)
        except EventRefused as exc:
            db.rollback()
            return error(400, f"event {name}: {exc}")
        db.commit()
    return jsonify({"event": name, "result": dict(result or {})})
