"""Control API routes. Disabled (404) unless CONTROL_TOKEN is configured."""

from __future__ import annotations

import hmac
import json
import math
import re
import time
from datetime import datetime, timedelta
from typing import Any

from flask import Response, abort, current_app, jsonify, request
from sqlalchemy import select

from simulator import clock, defects, fixtures, request_gate
from simulator.control import bp
from simulator.db import get_database
from simulator.models import JournalEntry, OutboxMessage

MAX_WAIT_SECONDS = 30.0
POLL_INTERVAL = 0.05
MAX_MESSAGE_ID = 2**63 - 1  # SQLite's largest integer
MAX_ADVANCE = timedelta(days=3650)
_ADVANCE_UNITS = {"days": 86400.0, "hours": 3600.0, "minutes": 60.0, "seconds": 1.0}


def error(status: int, message: str) -> Response:
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
        return error(401, "missing X-Sim-Token header")
    if not hmac.compare_digest(sent.encode(), str(expected).encode()):
        return error(403, "wrong X-Sim-Token")
    return None


@bp.get("/health")
def health() -> Response:
    return jsonify({"status": "ok"})


def json_body() -> object:
    """The request's JSON body, None when there is none; 415 or 400 (with the reason) when it is not JSON."""
    raw = request.get_data(cache=True)
    if not raw:
        return None
    if not request.is_json:
        abort(error(415, f"the body must be JSON (Content-Type: application/json), not {request.mimetype!r}"))
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        abort(error(400, "the body is not UTF-8 text"))
    except json.JSONDecodeError as exc:
        abort(error(400, f"the body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"))
    except RecursionError:
        abort(error(400, "the body is not valid JSON: nested too deeply"))


@bp.post("/reset")
def reset() -> Response:
    body = json_body()
    given = (body or {}).get("fixtures", {}) if isinstance(body, dict | None) else None
    if not isinstance(given, dict) or not all(isinstance(data, dict) for data in given.values()):
        return error(400, 'expected {"fixtures": {"<document id>": {data set}}} or no body')
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    # Alone: portal requests in flight finish first, later ones wait until the tables are reloaded.
    with request_gate.get_gate(app).reset():
        try:
            fixtures.reload(app, given)
        except fixtures.FixtureError as exc:
            # The request's data is at fault (400), or a configured file is (409: the simulator's state).
            return error(400 if exc.document is None or exc.document in given else 409, str(exc))
    defects.defect_set().clear_reached()
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


def _seconds_arg(name: str, high: float) -> float:
    """A query parameter that is a finite number of seconds between 0 and `high` (0 when absent)."""
    raw = request.args.get(name)
    if raw is None:
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= high:
        abort(error(400, f"{name} must be a number of seconds between 0 and {high:g}"))
    return value


def _id_arg(name: str) -> int:
    """A query parameter that is a message or journal id: a non-negative integer (0 when absent)."""
    raw = request.args.get(name)
    if raw is None:
        return 0
    if not re.fullmatch(r"[0-9]+", raw) or int(raw) > MAX_MESSAGE_ID:
        abort(error(400, f"{name} must be a non-negative integer id"))
    return int(raw)


@bp.get("/outbox")
def outbox() -> Response:
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if channel := request.args.get("channel"):
        query = query.where(OutboxMessage.channel == channel)
    if to := request.args.get("to"):
        query = query.where(OutboxMessage.to == to)
    query = query.where(OutboxMessage.id > _id_arg("after"))
    wait = _seconds_arg("wait", MAX_WAIT_SECONDS)
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
def move_clock() -> Response:
    body = json_body()
    if isinstance(body, dict) and set(body) == {"set"}:
        return _set_clock(body["set"])
    advance = body.get("advance") if isinstance(body, dict) and set(body) == {"advance"} else None
    if not isinstance(advance, dict) or set(advance) - set(_ADVANCE_UNITS):
        return error(
            400,
            'expected {"advance": {"days": n, "hours": n, "minutes": n, "seconds": n}} '
            'or {"set": "<ISO 8601 instant with its UTC offset>"}',
        )
    seconds = 0.0
    for unit, value in advance.items():
        amount = _advance_amount(value)
        if amount is None:
            return error(400, f"advance.{unit} must be a finite non-negative number")
        seconds += amount * _ADVANCE_UNITS[unit]
    if seconds > MAX_ADVANCE.total_seconds():
        return error(400, f"advance must total at most {MAX_ADVANCE.days} days")
    try:
        clock.get_clock().advance(timedelta(seconds=seconds))
    except ValueError as exc:
        return error(400, f"advance: {exc}")
    return _clock_json()


def _set_clock(value: object) -> Response:
    """Move the clock so that now is the instant `value` (ISO 8601 with a UTC offset)."""
    try:
        instant = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        instant = None
    if instant is None or instant.tzinfo is None:
        return error(
            400, "set must be an ISO 8601 instant with its UTC offset, e.g. 2026-12-04T17:59:00+01:00"
        )
    try:
        clock.get_clock().set(instant)
    except ValueError as exc:
        return error(400, f"set: {exc}")
    return _clock_json()


def _advance_amount(value: object) -> float | None:
    """A JSON number that is finite and not negative (booleans and strings are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        amount = float(value)
    except OverflowError:  # an integer beyond float range
        return None
    return amount if math.isfinite(amount) and amount >= 0 else None


def _defects_json() -> Response:
    active = defects.defect_set()
    return jsonify(
        {
            "defects": [
                {"name": d.name, "rule": d.rule, "description": d.description, "enabled": d.name in active}
                for d in defects.catalogue()
            ]
        }
    )


@bp.get("/defects")
def get_defects() -> Response:
    return _defects_json()


@bp.put("/defects")
def put_defects() -> Response:
    body = json_body()
    names = body.get("enabled") if isinstance(body, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return error(400, 'expected {"enabled": [names]}')
    try:
        defects.defect_set().replace(names)
    except defects.UnknownDefectError as exc:
        return error(400, f"unknown defect: {exc.name}")
    return _defects_json()


@bp.get("/defects/reached")
def reached_defects() -> Response:
    """The switches the portals' code consulted (on or off) since the last reset."""
    return jsonify({"reached": defects.defect_set().reached()})


@bp.get("/journal")
def journal() -> Response:
    after = _id_arg("after")
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
