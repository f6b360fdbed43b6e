"""A run's out-of-band channels: start the sinks a target asks for and say where they listen.

The addresses go to `<out>/sinks.json` (and the console), because with port 0 only the running
sink knows its port, and a vendor's test portal must be told where to deliver.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portalcert.control import SimulatorClient
from portalcert.errors import ConfigError
from portalcert.inbox import Inbox, MessageSource, SinkSource
from portalcert.sinks.relay import RemoteStore
from portalcert.sinks.smtp import SmtpSink
from portalcert.sinks.store import MessageStore, Store
from portalcert.sinks.webhook import SmsWebhookSink
from portalcert.target_messages import SIMULATOR_SOURCE, Messages

ANNOUNCEMENT = "sinks.json"


@dataclass
class Channels:
    """The running sinks of one run (if any) and how to read each channel."""

    messages: Messages
    announcement: Path | None = None  # <out>/sinks.json while the sinks listen
    store: Store = field(default_factory=MessageStore)
    addresses: dict[str, dict[str, Any]] = field(default_factory=dict)
    _stops: list[Callable[[], None]] = field(default_factory=list)

    def inbox(self, simulator: SimulatorClient | None) -> Inbox | None:
        """A fresh Inbox for one scenario, reading only what arrives from now on."""
        sources: dict[str, MessageSource] = {}
        for kind in ("sms", "email"):
            if getattr(self.messages, kind).source == SIMULATOR_SOURCE:
                if simulator is None:
                    return None
                sources[kind] = simulator
            else:
                sources[kind] = SinkSource(self.store)
        mark = self.store.mark()
        return Inbox(sources, self.messages.wait_seconds, {"sms": mark, "email": mark})

    def describe(self) -> list[str]:
        lines = []
        if "sms" in self.addresses:
            lines.append(f"SMS webhook sink: POST {self.addresses['sms']['url']}")
        if "email" in self.addresses:
            email = self.addresses["email"]
            lines.append(f"SMTP sink: {email['host']}:{email['port']}")
        return lines

    def stop(self) -> None:
        for stop in reversed(self._stops):
            stop()
        self._stops.clear()
        if self.announcement is not None:
            # Addresses of sinks that no longer listen would mislead a portal that reads them later.
            self.announcement.unlink(missing_ok=True)
            self.announcement = None


def start(messages: Messages, out_dir: Path, source: str, relay: str = "") -> Channels:
    """Start the sinks `messages` names; write their addresses to <out>/sinks.json. With `relay` (a
    worker of a parallel run) start none: read the parent's sinks through its relay instead."""
    if relay:
        remote = RemoteStore(relay)
        return Channels(messages, store=remote, _stops=[remote.close])
    store = MessageStore()
    channels = Channels(messages, store=store)
    try:
        if messages.sms.source == "webhook":
            webhook = SmsWebhookSink(
                store, host=messages.sms.host, port=messages.sms.port, path=messages.sms.path
            )
            _start(webhook.start, source, "messages.sms.listen", f"{messages.sms.host}:{messages.sms.port}")
            channels._stops.append(webhook.stop)
            channels.addresses["sms"] = {"url": webhook.url, "host": messages.sms.host, "port": webhook.port}
        if messages.email.source == "smtp":
            smtp = SmtpSink(store, host=messages.email.host, port=messages.email.port)
            _start(
                smtp.start, source, "messages.email.listen", f"{messages.email.host}:{messages.email.port}"
            )
            channels._stops.append(smtp.stop)
            channels.addresses["email"] = {"host": smtp.host, "port": smtp.port}
    except BaseException:
        channels.stop()
        raise
    if channels.addresses:
        out_dir.mkdir(parents=True, exist_ok=True)
        text = json.dumps(channels.addresses, indent=2) + "\n"
        channels.announcement = out_dir / ANNOUNCEMENT
        channels.announcement.write_text(text, encoding="utf-8")
    return channels


def _start(starter: Callable[[], None], source: str, key: str, address: str) -> None:
    try:
        starter()
    except OSError as exc:
        raise ConfigError(source, key, f"cannot listen on {address}: {exc.strerror or exc}") from None
