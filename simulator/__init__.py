"""The reference simulator: a Flask app serving the portal of every document package (see portals)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, render_template, request

from simulator import (
    clock,
    config,
    defects,
    errors,
    fixtures,
    headers,
    housekeeping,
    noise,
    portals,
    request_gate,
    security,
)
from simulator.db import get_session, init_db
from simulator.models import JournalEntry


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    served = portals.discover()  # first: importing a portal declares its tables on the shared Base
    app = Flask(__name__, instance_relative_config=True)
    config.apply_config(app, test_config)
    config.check_fixtures(app, served)
    clock.init_clock(app)
    defects.init_defects(app, (d.name for d in defects.catalogue()))
    init_db(app)

    app.session_interface = security.DbSessionInterface()
    app.before_request(security.check_csrf)
    housekeeping.init_housekeeping(app)
    app.after_request(_record_journal)
    errors.init_errors(app)
    headers.init_headers(app)
    request_gate.init_gate(app, security.CONTROL_PREFIX)
    app.jinja_env.globals["csrf_token"] = security.csrf_token

    from simulator.control import bp as control_bp

    for portal in served:
        app.register_blueprint(portal.blueprint, url_prefix=portal.url_prefix)
    app.register_blueprint(control_bp)
    noise.init_noise(app)
    app.add_url_rule("/", "index", _index)

    _load_initial_data(app)
    return app


def _index() -> str:
    """The simulator's own home: a link to each portal (a portal lives under its URL prefix)."""
    return render_template("index.html", portals=portals.discover())


def _load_initial_data(app: Flask) -> None:
    try:
        fixtures.load_if_empty(app)
    except fixtures.FixtureError as exc:
        # Nothing was loaded (one transaction); the simulator still serves pages, and a later
        # POST /_sim/reset with a body can bring data.
        app.logger.warning("starting with an empty database: %s", exc)


def _record_journal(response: Response) -> Response:
    """Every portal request (not the control API) is journalled for the harness's evidence."""
    if not request.path.startswith(security.CONTROL_PREFIX):
        db = get_session()
        db.add(
            JournalEntry(
                method=request.method, path=request.path, status=response.status_code, at=clock.now()
            )
        )
        db.commit()
    return response
