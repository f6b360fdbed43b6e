"""Engines drive a portal: `http` (server-rendered forms over real HTTP) and, later, `browser`."""

from portalcert.engines.base import Engine, EngineError, Evidence, Resource, ServerError, UnreachableError

__all__ = ["Engine", "EngineError", "Evidence", "Resource", "ServerError", "UnreachableError"]
