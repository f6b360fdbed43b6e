"""Engine construction by name; the browser engine joins here later."""

from __future__ import annotations

from portalcert.engines.base import Engine
from portalcert.errors import ConfigError

ENGINES = ("http",)


def make_engine(name: str, base_url: str, *, timeout: float) -> Engine:
    if name == "http":
        from portalcert.engines.http import HttpEngine

        return HttpEngine(base_url, timeout=timeout)
    raise ConfigError("--engine", "", f"unknown engine {name!r} (available: {', '.join(ENGINES)})")
