"""A tiny Flask portal served on a real loopback socket, for the engines' tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from urllib.parse import parse_qsl

import pytest
from flask import Flask, make_response, redirect, request
from markupsafe import escape
from werkzeug.serving import make_server
from werkzeug.wrappers import Response

from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.http import HttpEngine

FORM_PAGE = """<!doctype html>
<html><head><title>Form</title></head><body>
<form id="main" action="/echo" method="post">
  <input type="hidden" name="token" value="t0k">
  <input name="name" value="">
  <input name="locked" value="x" disabled>
  <input name="ro" value="r" readonly>
  <input type="radio" name="kind" value="cf" checked><input type="radio" name="kind" value="piva">
  <input type="radio" name="other" value="z" checked>
  <input type="checkbox" name="news" value="yes">
  <input type="checkbox" name="terms" value="ok" checked>
  <input type="checkbox" name="plain">
  <select name="city"><option value="RM" selected>Roma</option><option value="MI" selected>Milano</option>
    <option>  Torino  </option><option value="NA" disabled>Napoli</option></select>
  <select name="first"><option disabled>--</option><option value="a">A</option></select>
  <textarea name="note">
hello</textarea>
  <fieldset disabled><legend><input name="in_legend" value="l"></legend>
    <input name="fenced" value="z"></fieldset>
  <input type="text" value="nameless">
  <input type="submit" name="action" value="save" data-testid="save">
  <button name="action" value="delete" data-testid="delete">Delete</button>
  <button type="button" data-testid="js-button">JS</button>
  <input type="reset" data-testid="reset">
  <input type="submit" data-testid="disabled-submit" disabled>
</form>
<input name="outside" form="main" value="o">
<input name="stray" value="s">
<button form="main" name="external" value="go" data-testid="external">Go</button>
<form action="/echo?old=1#frag" method="get"><input name="q" value="a b">
  <button data-testid="search">Search</button></form>
<form action="/echo" method="post" enctype="multipart/form-data"><input name="title" value="T">
  <input type="file" name="doc"><button data-testid="upload">Upload</button></form>
<form action="/echo" method="post"><button formmethod="get" formaction="/echo?via=button"
  name="b" value="1" data-testid="override">Override</button></form>
<form action="javascript:void(0)"><button data-testid="js-form">Go</button></form>
<button data-testid="orphan">Orphan</button>
</body></html>"""

HOME_PAGE = """<!doctype html>
<html><head><title>Home</title><script>var hidden = "script text";</script></head><body>
<h1 data-testid="page-title">  Benvenuto
   nel   portale </h1>
<ul data-testid="menu"><li>Uno</li><li>Due</li></ul>
<p data-testid="inline">Hel<b>lo</b> <!-- a comment --> there</p>
<div data-testid="box-registrati">
  <a data-testid="link-registrati-ora" class="go" href="dir/page?x=1">Registrati</a></div>
<a class="go" href="/form">Second</a>
<a data-testid="js-link" href="javascript:openWindow()">JS</a>
<a data-testid="hash-link" href="#">Hash</a>
<a data-testid="anchor" href="#bottom">Anchor</a>
<div data-testid="clicky" onclick="go()">Click me</div>
<span data-testid="plain">Plain</span>
<img data-testid="pixel" src="data:image/png;base64,iVBORw0KGgo=" alt="pixel">
<img data-testid="text-data" src="data:,Hello%2C%20World">
<a data-testid="asset" href="/asset.wav">Listen</a>
<a data-testid="private" href="/private.wav">Private</a>
<audio data-testid="audio"><source src="/asset.wav" type="audio/wav"></audio>
<a data-testid="dead" href="http://127.0.0.1:9/gone">Dead</a>
</body></html>"""


def create_app() -> Flask:
    app = Flask(__name__)

    @app.get("/")
    def home() -> str:
        return HOME_PAGE

    @app.get("/dir/page")
    def dir_page() -> str:
        return f'<p data-testid="where">page x={escape(request.args.get("x", ""))}</p><a href="sibling">S</a>'

    @app.get("/dir/sibling")
    def sibling() -> str:
        return '<p data-testid="where">sibling</p>'

    @app.get("/form")
    def form() -> str:
        return FORM_PAGE

    @app.route("/echo", methods=["GET", "POST"])
    def echo() -> str:
        # Raw body/query for urlencoded forms (order and escaping matter), parsed parts for multipart.
        if request.mimetype == "multipart/form-data":
            raw = ""
            fields = list(request.form.items(multi=True))
            fields += [(k, f"file:{f.filename}") for k, f in request.files.items(multi=True)]
        else:
            raw = (request.query_string if request.method == "GET" else request.get_data()).decode()
            fields = parse_qsl(raw, keep_blank_values=True)
        items = "".join(f'<li data-testid="field">{escape(k)}={escape(v)}</li>' for k, v in fields)
        return (
            f'<p data-testid="method">{request.method}</p><p data-testid="ctype">{request.mimetype}</p>'
            f'<pre data-testid="raw">{escape(raw)}</pre><ul>{items}</ul>'
            f'<p data-testid="referer">{escape(request.headers.get("Referer", ""))}</p>'
        )

    @app.get("/register")
    def register_form() -> str:
        code = escape(request.args.get("code", "303"))
        return (
            '<form method="post" action="/register"><input name="user">'
            f'<input type="hidden" name="code" value="{code}"><button data-testid="send">Send</button></form>'
        )

    @app.post("/register")
    def register() -> Response:
        response = redirect(f"/done?user={request.form['user']}", code=int(request.form["code"]))
        response.set_cookie("session", "s-" + request.form["user"])
        return response

    @app.get("/done")  # GET only: a 405 would show a redirect that stayed a POST
    def done() -> str:
        return f'<p data-testid="done">done {escape(request.args["user"])}</p>'

    @app.get("/login-cookie")
    def login_cookie() -> Response:
        response = redirect("/whoami", code=302)
        response.set_cookie("session", "abc123")
        return response

    @app.get("/two-cookies")  # one header field per cookie: a wire shows each apart
    def two_cookies() -> Response:
        response = make_response("<p>two cookies</p>")
        response.set_cookie("first", "1")
        response.set_cookie("second", "2")
        return response

    @app.get("/whoami")
    def whoami() -> str:
        return (
            f'<p data-testid="cookie">{escape(request.cookies.get("session", "none"))}</p>'
            f'<p data-testid="agent">{escape(request.headers.get("User-Agent", ""))}</p>'
        )

    @app.get("/asset.wav")
    def asset() -> Response:
        return Response(b"RIFF" + b"\0" * 1230, content_type="audio/wav; codecs=1")

    @app.get("/private.wav")
    def private() -> Response:
        if request.cookies.get("session") != "abc123":
            return Response(b"no", status=403, content_type="text/plain")
        return Response(b"\1" * 10, content_type="audio/wav")

    @app.get("/boom")
    def boom() -> Response:
        return make_response('<p data-testid="error">Errore interno</p>', 500)

    @app.get("/failing-form")
    def failing_form() -> str:
        return '<form method="post" action="/explode"><input name="x"><button id="go">Invia</button></form>'

    @app.post("/explode")
    def explode() -> Response:
        return make_response("<p id='oops'>Errore del server</p>", 503)

    @app.get("/slow")
    def slow() -> str:
        time.sleep(2)
        return "late"

    @app.get("/latin1")
    def latin1() -> Response:
        html = '<form method="get" action="/echo"><input name="city" value="Forlì"><button>Go</button></form>'
        return Response(html.encode("latin-1"), content_type="text/html; charset=iso-8859-1")

    return app


@contextmanager
def _serving(app: Flask) -> Iterator[str]:
    """`app` on a free loopback port for the duration of the block; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def serving() -> Callable[[Flask], AbstractContextManager[str]]:
    """Serve a test app of one's own: `with serving(app) as url: ...`."""
    return _serving


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    with _serving(create_app()) as url:
        yield url


@pytest.fixture(scope="session")
def browser_settings() -> BrowserSettings:
    """Browser engines in these tests: actions wait up to 5 s for their element (a busy CI machine needs
    it); only the test of that limit sets a short one of its own."""
    return BrowserSettings(action_seconds=5.0)


@pytest.fixture
def engine(server_url: str) -> Iterator[HttpEngine]:
    with HttpEngine(server_url + "/") as http_engine:
        yield http_engine
