"""Noisy pages (config NOISY_PAGES, `portalcert serve --noisy`): what real portals carry besides content.

Not a defect: the portal still complies. With the switch on, every portal page loads noise.js, which
keeps a long poll open, sends analytics (beacons and pictures) to another host name, and marks the
page as which page it is (`data-page`, what page maps recognise) only after a delayed fetch. It shows
that the browser engine waits for what a step expects rather than for a quiet network
(tests/test_noisy_simulator.py). Browser engine only: the http engine runs no script.

The "other host" is this server under its other loopback name (127.0.0.1 <-> localhost): another
host for the browser, no other network. Routes live under the control prefix, so neither the
request gate (a reset waits for requests in flight, and a long poll is always in flight), nor
sessions, CSRF or the journal see them.
"""

from __future__ import annotations

import time

from flask import Blueprint, Flask, Response, current_app, jsonify, request

POLL_SECONDS = 10.0  # a long poll is answered (204) after this long; the page then polls again
_PIXEL = (  # a transparent 1x1 GIF
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)

bp = Blueprint("noise", __name__, url_prefix="/_sim/noise", static_folder="noise_static")


def init_noise(app: Flask) -> None:
    if app.config["NOISY_PAGES"]:
        app.register_blueprint(bp)
        app.jinja_env.globals["noise_third_party"] = third_party_origin


def third_party_origin() -> str:
    """This server under its other loopback host name, as the page's analytics provider."""
    host, _, port = request.host.rpartition(":")
    other = "localhost" if host != "localhost" else "127.0.0.1"
    return f"{request.scheme}://{other}:{port}" if port.isdigit() else f"{request.scheme}://{other}"


def policy_sources() -> dict[str, str]:
    """What the Content-Security-Policy must also allow for noisy pages: calls to this server and
    analytics to the other host name (scripts stay same-origin files)."""
    if not current_app.config.get("NOISY_PAGES"):
        return {}
    other = third_party_origin()
    return {"connect-src": f"'self' {other}", "img-src": f"'self' {other}"}


@bp.get("/poll")
def poll() -> Response:
    time.sleep(POLL_SECONDS)  # in a daemon thread of the threaded server: never blocks a stop
    return Response(status=204)


@bp.get("/ready")
def ready() -> Response:
    return jsonify(ready=True)


@bp.route("/collect", methods=["GET", "POST"])
def collect() -> Response:
    return Response(status=204)


@bp.get("/pixel.gif")
def pixel() -> Response:
    return Response(_PIXEL, content_type="image/gif")
