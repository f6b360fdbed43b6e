"""Borealis Telecom - Area Clienti PA: a second CM6 test portal, written apart from the simulator.

`create_app(config)` builds the Flask app (one blueprint per area, in views/); `serve(app)` runs it
on a free loopback port. State lives in memory (store.py), loaded from accounts.json at start and
by the QA API's reset when that API is enabled (config QA_KEY). See README.md.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException
from werkzeug.serving import WSGIRequestHandler, make_server

from . import security, texts
from .faults import FAULTS
from .store import Store
from .views import private, public, qa, recovery, registration, signin

HERE = Path(__file__).resolve().parent
DEFAULTS: dict[str, Any] = {
    "ACCOUNTS_FILE": str(HERE / "accounts.json"),
    "SINKS_FILE": None,  # JSON a portalcert run writes: {"sms": {"url"}, "email": {"host", "port"}}
    "SMS_GATEWAY_URL": None,
    "SMTP_RELAY": None,  # "host:port"
    "QA_KEY": None,  # None: no QA API (no reset, no clock), as in production
    "CAPTCHA_TEST_VALUE": "",  # the QA environment's value every captcha accepts
    "FAULTS": (),
    "PASSWORD_HASH_METHOD": "scrypt",
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config["SECRET_KEY"] = secrets.token_hex(32)
    app.config.update(config or {})
    unknown = set(app.config["FAULTS"]) - set(FAULTS)
    if unknown:
        raise ValueError(f"unknown faults: {', '.join(sorted(unknown))}")
    store = Store(Path(app.config["ACCOUNTS_FILE"]), app.config["PASSWORD_HASH_METHOD"])
    store.reset()
    app.extensions["borealis"] = store
    app.before_request(security.check_csrf)
    for blueprint in (public.bp, registration.bp, signin.bp, recovery.bp, private.bp, qa.bp):
        app.register_blueprint(blueprint)

    @app.context_processor
    def page_globals() -> dict[str, Any]:
        return {"csrf_field": security.CSRF_FIELD, "csrf_token": security.csrf_token, "texts": texts}

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        return render_template("errore.html", error=error), error.code or 500

    return app


class _QuietHandler(WSGIRequestHandler):
    """No access log: a run makes hundreds of requests, and its own journal says what it did."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


def serve(app: Flask) -> tuple[str, Callable[[], None]]:
    """Serve `app` on a free loopback port in a background thread: (base URL, stop)."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="borealis-portal", daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        thread.join(timeout=5)

    return f"http://127.0.0.1:{server.server_port}", stop
