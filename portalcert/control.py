"""Clients for a target's out-of-band services: the control API, its outbox and its clock."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from portalcert.engines.base import EngineError, UnreachableError
from portalcert.engines.http import shared_ssl_context


@dataclass(frozen=True)
class Message:
    id: int
    channel: str  # "sms" | "email"
    sender: str
    to: str
    subject: str
    body: str


class ControlClient:
    """The simulator's `/_sim/` API (reset, outbox, clock, defects)."""

    def __init__(self, base_url: str, token: str, *, timeout: float = 15.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = httpx.Client(
            verify=shared_ssl_context(),
            base_url=self.base_url,
            headers={"X-Sim-Token": token},
            timeout=httpx.Timeout(timeout, connect=5.0),
        )

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._client.request(method, f"/_sim/{path}", **kwargs)
        except httpx.TransportError as exc:
            raise UnreachableError(f"cannot reach control API {self.base_url}/_sim/{path}: {exc}") from None
        if response.status_code >= 400:
            raise EngineError(
                f"control API {method} /_sim/{path} -> {response.status_code}: {response.text[:200]}"
            )
        return response.json()

    def reset(self) -> None:
        self._call("POST", "reset")

    def set_defects(self, names: list[str]) -> None:
        self._call("PUT", "defects", json={"enabled": names})

    def reached_defects(self) -> list[str]:
        """The simulator's defect switches its code consulted since the last reset (sorted names)."""
        return list(self._call("GET", "defects/reached")["reached"])

    def advance_clock(self, *, days: float = 0, hours: float = 0) -> None:
        self._call("POST", "clock", json={"advance": {"days": days, "hours": hours}})

    def messages(self, channel: str, to: str, *, after: int = 0, wait: float = 0) -> list[Message]:
        params: dict[str, str | int | float] = {"channel": channel, "to": to, "after": after}
        if wait:
            params["wait"] = wait
        data = self._call("GET", "outbox", params=params)
        return [
            Message(m["id"], m["channel"], m["sender"], m["to"], m.get("subject") or "", m["body"])
            for m in data["messages"]
        ]

    def close(self) -> None:
        self._client.close()
