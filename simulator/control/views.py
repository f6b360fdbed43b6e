"""Control API routes. Disabled (404) unless CONTROL_TOKEN is configured."""

from __future__ import annotations

import hmac
import time
from datetime import timedelta
from typing import Any

from flask import Response, abort, current_app, jsonify, request
from sqlalchemy import select

from simulator import clock, defects, fixtures
from simulator.control import bp
from simulator.db import get_database
from simulator.models import JournalEntry, OutboxMessage

MAX_WAIT_SECONDS = 30.0
POLL_INTERVAL = 0.05


def _error(status: int, message: str) -> Response:
    response = jsonify({"error": message})
    response.status_code = status
    return response


@bp.before_request
def _require_token() -> Response | None:
    expected: str | None = current_app.config.get("CONTROL_TOKEN")
    if not expected:
        abort(404)  # a simulator without a token must not even reveal that the API exists
    sent = request.headers.get("X-Sim-Token")
    if sent is None:
        return _error(401, "missing X-Sim-Token header")
    if not hmac.compare_digest(sent.encode(), str(expected).encode()):
        return _error(403, "wrong X-Sim-Token")
    return None


@bp.get("/health")
def health() -> Response:
    return jsonify({"status": "ok"})


@bp.post("/reset")
def reset() -> Response:
    body = request.get_json(silent=True) or {}
    data = body.get("fixtures") if isinstance(body, dict) else None
    try:
        fixtures.reload(current_app._get_current_object(), data)  # type: ignore[attr-defined]
    except fixtures.FixtureError as exc:
        return _error(400 if data is not None else 409, str(exc))
    return jsonify({"status": "ok"})


def _message_json(m: OutboxMessage) -> dict[str, Any]:
    return {
        "id": m.id,
        "channel": m.channel,
        "sender": m.sender,
        "to": m.to,
        "subject": m.subject,
        "body": m.body,
        "sent_at": m.sent_at.isoformat(),
    }


def _number_arg(name: str, default: float) -> float:
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        return float(raw)
    except ValueError:
        abort(_error(400, f"{name} must be a number"))


@bp.get("/outbox")
def outbox() -> Response:
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if channel := request.args.get("channel"):
        query = query.where(OutboxMessage.channel == channel)
    if to := request.args.get("to"):
        query = query.where(OutboxMessage.to == to)
    query = query.where(OutboxMessage.id > int(_number_arg("after", 0)))
    wait = min(max(_number_arg("wait", 0), 0.0), MAX_WAIT_SECONDS)
    deadline = time.monotonic() + wait
    database = get_database()
    while True:
        # A fresh session per poll: it sees other requests' commits and holds no lock while sleeping.
        with database.session() as db:
            messages = [_message_json(m) for m in db.scalars(query)]
        if messages or time.monotonic() >= deadline:
            return jsonify({"messages": messages})
        time.sleep(POLL_INTERVAL)


def _clock_json() -> Response:
    c = clock.get_clock()
    return jsonify({"now": c.now().isoformat(), "offset_seconds": c.offset_seconds})


@bp.get("/clock")
def get_clock() -> Response:
    return _clock_json()


@bp.post("/clock")
def advance_clock() -> Response:
    body = request.get_json(silent=True)
    advance = body.get("advance") if isinstance(body, dict) else None
    if not isinstance(advance, dict) or set(advance) - {"days", "hours", "minutes", "seconds"}:
        return _error(400, 'expected {"advance": {"days": n, "hours": n, "minutes": n, "seconds": n}}')
    try:
        delta = timedelta(**{k: float(v) for k, v in advance.items()})
    except (TypeError, ValueError):
        return _error(400, "advance values must be numbers")
    clock.get_clock().advance(delta)
    return _clock_json()


def _defects_json() -> Response:
    active = defects.defect_set()
    return jsonify(
        {
            "defects": [
                {"name": d.name, "rule": d.rule, "description": d.description, "enabled": d.name in active}
                for d in defects.CATALOGUE
            ]
        }
    )


@bp.get("/defects")
def get_defects() -> Response:
    return _defects_json()


@bp.put("/defects")
def put_defects() -> Response:
    body = request.get_json(silent=True)
    names = body.get("enabled") if isinstance(body, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return _error(400, 'expected {"enabled": [names]}')
    try:
        defects.defect_set().replace(names)
    except defects.UnknownDefectError as exc:
        return _error(400, f"unknown defect: {exc.name}")
    return _defects_json()


@bp.get("/journal")
def journal() -> Response:
    after = int(_number_arg("after", 0))
    with get_database().session() as db:
        entries = db.scalars(select(JournalEntry).where(JournalEntry.id > after).order_by(JournalEntry.id))
        return jsonify(
            {
                "entries": [
                    {
                        "id": e.id,
                        "method": e.method,
                        "path": e.path,
                        "status": e.status,
                        "at": e.at.isoformat(),
                    }
                    for e in entries
                ]
            }
        )
