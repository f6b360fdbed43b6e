"""Pages that never go quiet, for the browser engine's waiting: a long poll that never ends, analytics
beacons and pictures sent to another host, content that arrives after a delayed fetch.

"Another host" is the same loopback server under the name `localhost` (the pages are opened as
127.0.0.1): a different host for the browser, no other network.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from flask import Flask, jsonify, request
from markupsafe import escape
from werkzeug.wrappers import Response

DELAY_MS = 300  # the delayed fetch starts this long after the page (or the click) asked for it

# Every page: a long poll that a new one replaces only when it ends (never, during a test), and
# analytics every 100 ms to the other host name: a beacon and a picture.
NOISE = """<script>
const thirdParty = `${location.protocol}//localhost:${location.port}`;
const poll = () => fetch("/poll").then(poll, poll);
poll();
const track = () => {
  navigator.sendBeacon(`${thirdParty}/collect`, "page=" + location.pathname);
  new Image().src = `${thirdParty}/pixel.gif?t=${Date.now()}`;
};
track();
setInterval(track, 100);
</script>"""

DELAYED_PAGE = f"""<!doctype html><html><head><title>Ritardo</title>{NOISE}</head><body>
<h1>Dati</h1><p id="content"></p>
<button type="button" id="next">Avanti</button>
<script>
const later = (then) => setTimeout(() => fetch("/api/content").then((r) => r.json()).then(then), {DELAY_MS});
later((data) => {{ document.getElementById("content").textContent = data.text; }});
document.getElementById("next").addEventListener("click", () => {{
  later(() => {{ location = "/delayed/next"; }});
}});
</script></body></html>"""

NEXT_PAGE = f"""<!doctype html><html><head><title>Dopo</title>{NOISE}</head><body>
<main id="page"></main>
<script>
setTimeout(() => fetch("/api/content").then((r) => r.json()).then((data) => {{
  const page = document.getElementById("page");
  page.innerHTML = `<h1 data-page="next">Pagina successiva</h1><p id="text"></p>`;
  document.getElementById("text").textContent = data.text;
}}), {DELAY_MS});
</script></body></html>"""

FORM_PAGE = f"""<!doctype html><html><head><title>Modulo</title>{NOISE}</head><body data-page="form">
<form method="post" action="/sent"><input name="name"><button id="send">Invia</button></form>
</body></html>"""


@dataclass
class Noise:
    """What the pages' noise reached: proof the pages really were noisy while the engine worked."""

    polls_open: int = 0
    beacons: int = 0
    pictures: int = 0
    closing: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


def noisy_app(noise: Noise) -> Flask:
    app = Flask(__name__)

    @app.get("/delayed")
    def delayed() -> str:
        return DELAYED_PAGE

    @app.get("/delayed/next")
    def delayed_next() -> str:
        return NEXT_PAGE

    @app.get("/form")
    def form() -> str:
        return FORM_PAGE

    @app.post("/sent")
    def sent() -> str:
        name = escape(request.form.get("name", ""))
        return f'<!doctype html><html><head>{NOISE}</head><body data-page="sent"><p id="who">{name}</p>'

    @app.get("/api/content")
    def content() -> Response:
        return jsonify(text="Contenuto arrivato")

    @app.get("/poll")
    def poll() -> Response:
        with noise.lock:
            noise.polls_open += 1
        try:
            noise.closing.wait(60)  # until the test server stops: a poll that never answers
        finally:
            with noise.lock:
                noise.polls_open -= 1
        return Response(status=204)

    @app.post("/collect")
    def collect() -> Response:
        with noise.lock:
            noise.beacons += 1
        return Response(status=204)

    @app.get("/pixel.gif")
    def pixel() -> Response:
        with noise.lock:
            noise.pictures += 1
        return Response(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", content_type="image/gif")

    return app
