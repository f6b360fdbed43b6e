"""The reference simulator: a Flask app implementing the portals portalcert checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, request

from simulator import clock, config, defects, fixtures, security
from simulator.db import get_session, init_db, reset_schema
from simulator.models import JournalEntry


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    config.apply_config(app, test_config)
    clock.init_clock(app)
    defects.init_defects(app)
    init_db(app)

    app.session_interface = security.DbSessionInterface()
    app.before_request(security.check_csrf)
    app.after_request(_record_journal)
    app.jinja_env.globals["csrf_token"] = security.csrf_token

    from simulator.cm6 import bp as cm6_bp
    from simulator.control import bp as control_bp

    app.register_blueprint(cm6_bp)
    app.register_blueprint(control_bp)

    _load_initial_data(app)
    return app


def _load_initial_data(app: Flask) -> None:
    try:
        fixtures.reload(app)
    except fixtures.FixtureError as exc:
        # The simulator still serves pages; a later POST /_sim/reset with a body can bring data.
        app.logger.warning("starting with an empty database: %s", exc)
        reset_schema(app)


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
