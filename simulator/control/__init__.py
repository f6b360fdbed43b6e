"""The control API under /_sim/: reset, outbox, clock, defects, journal (JSON, token protected)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("control", __name__, url_prefix="/_sim")

from simulator.control import events, views  # noqa: E402, F401  (they register their routes on bp)
