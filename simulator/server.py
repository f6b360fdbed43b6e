"""Run an app on a free loopback port in a background thread (harness and tests)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from flask import Flask
from werkzeug.serving import make_server


def start_in_thread(app: Flask) -> tuple[str, Callable[[], None]]:
    """Serve `app` on 127.0.0.1 (port chosen by the OS); returns the base URL and a stop function."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # shutdown() waits for the serve loop's next poll: 0.5 s by default, at the end of every run.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="simulator-server", daemon=True
    )
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return f"http://127.0.0.1:{server.server_port}", stop
