"""The run's message store, read by worker processes over loopback HTTP.

A portal delivers SMS and e-mail to one address, so with `--workers N` only the parent listens (its
sinks fill its `MessageStore`) and each worker reads through a `RemoteStore`. Leases keep workers on
different accounts, so a worker's scenario finds only messages to its own recipients.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from portalcert.control import Message
from portalcert.engines.base import UnreachableError
from portalcert.sinks.lifecycle import BackgroundServer
from portalcert.sinks.store import MessageStore

MAX_WAIT = 120.0  # a reader never holds a server thread longer than this


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        try:
            if url.path == "/mark":
                self._answer(200, {"mark": self.server.store.mark()})
            elif url.path == "/find":
                found = self.server.store.find(
                    query["channel"][0],
                    query.get("to", []),
                    after=int(query.get("after", ["0"])[0]),
                    wait=min(float(query.get("wait", ["0"])[0]), MAX_WAIT),
                )
                self._answer(200, {"message": asdict(found) if found else None})
            else:
                self._answer(404, {"error": f"no such path {url.path}"})
        except (KeyError, ValueError) as exc:
            self._answer(400, {"error": f"bad query: {exc}"})

    def _answer(self, status: int, payload: dict[str, Any]) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a run's console is for its progress."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, store: MessageStore) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.store = store


class StoreRelay(BackgroundServer):
    """Serves `store` to worker processes on 127.0.0.1 (a free port)."""

    def __init__(self, store: MessageStore) -> None:
        self.store = store
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("message relay not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> None:
        self._server = _Server(self.store)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None


class RemoteStore:
    """A `Store` (portalcert.sinks.store) read from the parent's relay: a worker's sink."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._client = httpx.Client(base_url=url, timeout=httpx.Timeout(10.0, connect=5.0))

    def _get(
        self, path: str, params: list[tuple[str, str | int | float | bool | None]], wait: float = 0.0
    ) -> Any:
        try:
            response = self._client.get(path, params=params, timeout=wait + 10.0)
        except httpx.TransportError as exc:
            raise UnreachableError(f"the run's message relay {self.url} is unreachable: {exc}") from None
        if response.status_code != 200:
            raise UnreachableError(
                f"the run's message relay answered {response.status_code}: {response.text}"
            )
        return response.json()

    def mark(self) -> int:
        return int(self._get("/mark", [])["mark"])

    def find(self, channel: str, recipients: list[str], *, after: int, wait: float) -> Message | None:
        if not recipients:
            return None
        params: list[tuple[str, str | int | float | bool | None]] = [
            ("channel", channel),
            ("after", after),
            ("wait", wait),
        ]
        params += [("to", recipient) for recipient in recipients]
        found = self._get("/find", params, wait)["message"]
        return Message(**found) if found else None

    def close(self) -> None:
        self._client.close()
