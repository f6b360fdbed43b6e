"""An HTTP endpoint that files SMS posted by a gateway webhook in a `MessageStore` (channel "sms").

A vendor points its test portal's SMS gateway at `url`, so the suite can read the codes the
portal texts out. Two body shapes are understood: our own JSON (`{"to", "text", "from"}` or a
list of them) and the form fields Twilio-like gateways post (`To`, `From`, `Body`).
"""

from __future__ import annotations

import json
import logging
import socket
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from portalcert.sinks.lifecycle import BackgroundServer
from portalcert.sinks.store import MessageStore

MAX_BODY = 64 * 1024
_DRAIN_LIMIT = 1024 * 1024  # read and drop oversized bodies up to this, so the client sees the 413
_JSON_TYPES = ("application/json", "text/json")
_FORM_TYPE = "application/x-www-form-urlencoded"

log = logging.getLogger(__name__)


class BadRequest(Exception):
    """A request the sink refuses; `status` and the message become the JSON error answer."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


# Field names per body shape: (to, text, from); the first spelling is the one errors mention.
_JSON_FIELDS = (("to",), ("text", "body"), ("from",))
_FORM_FIELDS = (("To", "to"), ("Body", "body", "text"), ("From", "from"))


def _text_field(record: dict[str, Any], names: tuple[str, ...], *, required: bool) -> str:
    for name in names:
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise BadRequest(f"'{name}' must be a string")
        return str(value)
    if required:
        raise BadRequest(f"missing '{names[0]}'")
    return ""


def _records(
    content_type: str, body: str, charset: str
) -> tuple[list[dict[str, Any]], tuple[tuple[str, ...], ...]]:
    if content_type in _JSON_TYPES or content_type.endswith("+json"):
        try:
            data = json.loads(body)
        except json.JSONDecodeError as exc:
            raise BadRequest(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
        records = data if isinstance(data, list) else [data]
        if not records:
            raise BadRequest("empty list: no messages")
        if not all(isinstance(record, dict) for record in records):
            raise BadRequest("expected a JSON object or a list of objects")
        return records, _JSON_FIELDS
    if content_type == _FORM_TYPE:
        try:  # percent-escapes are bytes in the declared charset too
            fields = parse_qs(body, keep_blank_values=True, encoding=charset, errors="strict")
        except UnicodeDecodeError:
            raise BadRequest(f"form fields are not valid {charset}") from None
        return [{name: values[0] for name, values in fields.items()}], _FORM_FIELDS
    raise BadRequest(
        f"unsupported content type {content_type or '(none)'!r}: send application/json or {_FORM_TYPE}",
        status=415,
    )


def parse_sms(content_type: str, body: str, charset: str = "utf-8") -> list[tuple[str, str, str]]:
    """(to, sender, text) of each SMS in a webhook body; raises `BadRequest` naming the problem.

    Every record is checked before anything is stored, so a bad list stores nothing.
    """
    if not body.strip():
        raise BadRequest("empty body")
    records, (to_names, text_names, from_names) = _records(content_type, body, charset)
    messages = []
    for record in records:
        to = _text_field(record, to_names, required=True).strip()
        if not to:
            raise BadRequest(f"empty '{to_names[0]}'")
        text = _text_field(record, text_names, required=True)
        messages.append((to, _text_field(record, from_names, required=False).strip(), text))
    return messages


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a stuck client must not keep the interpreter alive

    def __init__(self, address: tuple[str, int], store: MessageStore, sms_path: str) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.store = store
        self.sms_path = sms_path
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind resolves socket.getfqdn(host), a DNS lookup that can stall for
        # seconds on a sandboxed machine; the name is only used for CGI, so skip it.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The default prints a traceback to stderr; a client hanging up early is not news.
        log.debug("SMS sink: error serving %s", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "portalcert-sms-sink"

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the suite's own output is the place to report what arrived."""

    def _answer(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _on_path(self) -> bool:
        path = urlsplit(self.path).path
        return path in (self.server.sms_path, self.server.sms_path.rstrip("/") + "/")

    def _refuse(self) -> None:
        if not self._on_path():
            self._answer(404, {"error": f"not found: {urlsplit(self.path).path}"})
        else:
            self._answer(405, {"error": f"method {self.command} not allowed"}, {"Allow": "POST"})

    do_GET = do_HEAD = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _refuse

    def do_POST(self) -> None:
        if not self._on_path():
            self._refuse()
            return
        try:
            body = self._read_body()
            content_type = self.headers.get_content_type() if "Content-Type" in self.headers else ""
            sms = parse_sms(content_type, body, self.headers.get_content_charset() or "utf-8")
        except BadRequest as exc:
            self._answer(exc.status, {"error": str(exc)})
            return
        store = self.server.store
        ids = [store.add("sms", sender=sender, to=to, body=text).id for to, sender, text in sms]
        self._answer(201, {"stored": ids})

    def _read_body(self) -> str:
        raw = self._read_chunked() if "Transfer-Encoding" in self.headers else self._read_sized()
        charset = self.headers.get_content_charset() or "utf-8"
        try:
            return raw.decode(charset)
        except LookupError:
            raise BadRequest(f"unknown charset {charset!r}") from None
        except UnicodeDecodeError:
            raise BadRequest(f"body is not valid {charset}") from None

    def _read_sized(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            raise BadRequest("invalid Content-Length")
        if length > MAX_BODY:
            self._drain(length)
            raise BadRequest(f"body of {length} bytes exceeds the {MAX_BODY} byte limit", status=413)
        return self.rfile.read(length)

    def _read_chunked(self) -> bytes:
        # Clients that stream a body of unknown length (Go's net/http, Node) send it chunked.
        if self.headers.get("Transfer-Encoding", "").strip().lower() != "chunked":
            self.close_connection = True
            raise BadRequest(f"unsupported Transfer-Encoding {self.headers['Transfer-Encoding']!r}")
        data = bytearray()
        while True:
            try:
                size = int(self.rfile.readline(1024).split(b";")[0], 16)
            except ValueError:
                self.close_connection = True
                raise BadRequest("malformed chunked body") from None
            if size == 0:
                while self.rfile.readline(1024).strip():  # optional trailers, up to the blank line
                    pass
                return bytes(data)
            if len(data) + size > MAX_BODY:
                self.close_connection = True
                raise BadRequest(f"body exceeds the {MAX_BODY} byte limit", status=413)
            data += self.rfile.read(size)
            self.rfile.readline(1024)  # the CRLF closing the chunk

    def _drain(self, length: int) -> None:
        # Closing with unread data makes the kernel reset the connection, and the client would
        # see a broken pipe instead of the 413; so read what is reasonable, then hang up.
        self.close_connection = True
        remaining = length if length <= _DRAIN_LIMIT else 0
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)


class SmsWebhookSink(BackgroundServer):
    """Accepts SMS webhooks on `POST http://host:port<path>` (port 0 picks a free one) into `store`."""

    def __init__(
        self, store: MessageStore, host: str = "127.0.0.1", port: int = 0, path: str = "/sms"
    ) -> None:
        self.store = store
        self.host = host
        self.path = path if path.startswith("/") else f"/{path}"
        self._requested_port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The bound port once started (the requested one before)."""
        return self._requested_port if self._server is None else int(self._server.server_address[1])

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.path}"

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("SMS webhook sink already started")
        server = _Server((self.host, self._requested_port), self.store, self.path)
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.02},  # how quickly stop() returns; idle cost is negligible
            name=f"sms-sink-{self.port}",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and release the port; safe to call twice or before `start`."""
        if self._server is not None and self._thread is not None:
            self._server.shutdown()
            self._thread.join()
        if self._server is not None:
            self._server.server_close()
        self._thread = None
