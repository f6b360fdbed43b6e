"""Clients for a target's out-of-band services: its control API (reset, clock) and the simulator's outbox."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from portalcert.engines.base import EngineError, UnreachableError
from portalcert.engines.http import shared_ssl_context
from portalcert.report.redact import redact_url
from portalcert.target_control import Control, ControlCall, amount_values
from portalcert.urls import join

_SHOWN_BODY = 200  # characters of an error answer quoted in the message


@dataclass(frozen=True)
class Message:
    id: int
    channel: str  # "sms" | "email"
    sender: str
    to: str
    subject: str
    body: str


class ControlClient:
    """The reset, clock and back-office event calls a target file declares (portalcert.target_control),
    made over HTTP.

    Any 2xx answer is success, with or without a body; anything else, or no answer in time, is an
    EngineError naming the call, so the scenario is BROKEN with the reason.
    """

    def __init__(self, base_url: str, control: Control, *, timeout: float = 15.0) -> None:
        self._base_url = base_url
        self._control = control
        self._timeout = timeout
        self._client = httpx.Client(
            verify=shared_ssl_context(), timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0))
        )

    def reset(self) -> None:
        self._send(self._declared(self._control.reset, "reset"), {})

    def advance_clock(
        self, *, days: float = 0, hours: float = 0, minutes: float = 0, seconds: float = 0
    ) -> None:
        total = days * 86400 + hours * 3600 + minutes * 60 + seconds
        self._send(self._declared(self._control.clock, "clock"), amount_values(total))

    def set_clock(self, instant: datetime) -> None:
        """Make the portal's now `instant` (timezone-aware); sent as a UTC ISO 8601 instant."""
        if instant.tzinfo is None:
            raise ValueError("set_clock needs a timezone-aware instant")
        iso = instant.astimezone(UTC).isoformat()
        self._send(self._declared(self._control.clock_set, "clock_set"), {"iso": iso})

    def event(self, name: str, params: Mapping[str, str]) -> Mapping[str, Any]:
        """Play back-office event `name` with `params`; what the simulator answers as its result ({} for a
        vendor's API, whose answer has no agreed shape)."""
        call = self._declared(self._control.event(name), f"event {name}")
        missing = sorted(call.placeholders() - set(params))
        if missing:
            raise EngineError(
                f"control {call.name}: the call uses {', '.join('{' + m + '}' for m in missing)}, "
                f"but the scenario gives only {', '.join(sorted(params)) or 'nothing'}"
            )
        answer = self._send(call, params)
        if not call.json_values:
            return {}
        result = answer.get("result") if isinstance(answer, dict) else None
        return result if isinstance(result, dict) else {}

    def close(self) -> None:
        self._client.close()

    @staticmethod
    def _declared(call: ControlCall | None, name: str) -> ControlCall:
        if call is None:
            raise EngineError(f"control {name}: the target declares no {name} call")
        return call

    def _send(self, call: ControlCall, values: Mapping[str, str]) -> Any:
        """Make the call; the answer's JSON (None when it has none)."""
        url = join(self._base_url, call.render(call.url, values))
        what = f"control {call.name}: {call.method} {redact_url(url)}"
        headers = dict(call.headers)
        content = None
        if call.json_values:
            content = json.dumps(dict(values)).encode("utf-8")
        elif call.body is not None:
            content = call.render(call.body, values).encode("utf-8")
        if content is not None and not any(name.lower() == "content-type" for name in headers):
            headers["Content-Type"] = "application/json"
        try:
            response = self._client.request(call.method, url, headers=headers, content=content)
        except httpx.TimeoutException:
            raise UnreachableError(f"{what}: no answer within {self._timeout:g} s") from None
        except httpx.TransportError as exc:
            reason = str(exc) or type(exc).__name__
            raise UnreachableError(f"{what}: cannot reach the control API: {reason}") from None
        if not 200 <= response.status_code < 300:
            body = response.text[:_SHOWN_BODY].strip() or "(no body)"
            raise EngineError(f"{what} -> {response.status_code}: {body}")
        try:
            return response.json()
        except ValueError:
            return None


class SimulatorClient:
    """The simulator's `/_sim/` API, including what only the simulator has (outbox, defect switches)."""

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
                f"control API {method} /_sim/{path} -> {response.status_code}: {response.text[:_SHOWN_BODY]}"
            )
        return response.json()

    def reset(self) -> None:
        self._call("POST", "reset")

    def set_defects(self, names: list[str]) -> None:
        self._call("PUT", "defects", json={"enabled": names})

    def reached_defects(self) -> list[str]:
        """The simulator's defect switches its code consulted since the last reset (sorted names)."""
        return list(self._call("GET", "defects/reached")["reached"])

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
