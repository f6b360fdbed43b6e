"""Portal requests and the control API's reset take turns: a reset never empties tables under a request.

Portal requests share the gate; a reset holds it alone. A reset that is waiting goes before newly
arriving requests, so a steady stream of requests cannot starve it. The control API (outbox polling,
clock, defects) does not pass the gate: it reads committed data only and a long poll must not hold
resets back.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from flask import Flask, current_app

_EXTENSION = "simulator.request_gate"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class RequestGate:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._requests = 0
        self._resets_waiting = 0
        self._resetting = False

    @contextlib.contextmanager
    def request(self) -> Iterator[None]:
        with self._changed:
            self._changed.wait_for(lambda: not self._resetting and not self._resets_waiting)
            self._requests += 1
        try:
            yield
        finally:
            with self._changed:
                self._requests -= 1
                self._changed.notify_all()

    @contextlib.contextmanager
    def reset(self) -> Iterator[None]:
        with self._changed:
            self._resets_waiting += 1
            try:
                self._changed.wait_for(lambda: not self._resetting and not self._requests)
            finally:
                self._resets_waiting -= 1
            self._resetting = True
        try:
            yield
        finally:
            with self._changed:
                self._resetting = False
                self._changed.notify_all()


def init_gate(app: Flask, control_prefix: str) -> None:
    """Put every request outside `control_prefix` through the gate, session loading and saving included.

    The WSGI layer, not a before_request hook: Flask opens the session before the hooks run, and a
    session row deleted between opening and saving would fail the request.
    """
    gate = RequestGate()
    app.extensions[_EXTENSION] = gate
    inner: WsgiApp = app.wsgi_app

    def gated(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if str(environ.get("PATH_INFO", "")).startswith(control_prefix):
            return inner(environ, start_response)
        with gate.request():
            return inner(environ, start_response)

    app.wsgi_app = gated  # type: ignore[method-assign]


def get_gate(app: Flask | None = None) -> RequestGate:
    gate: RequestGate = (app or current_app).extensions[_EXTENSION]
    return gate
