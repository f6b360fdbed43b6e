"""A target's `messages:` section: where SMS and e-mails arrive (the simulator's outbox or the built-in
sinks a portal sends to) and the patterns that pick values out of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from portalcert.target_documents import compile_patterns
from portalcert.yamlsource import Node

SIMULATOR_SOURCE = "simulator"  # a channel read from the control API's outbox
CHANNEL_SOURCES = {"sms": ("webhook", SIMULATOR_SOURCE), "email": ("smtp", SIMULATOR_SOURCE)}


@dataclass(frozen=True)
class Channel:
    """Where one kind of message (SMS or e-mail) arrives.

    "simulator": the control API's outbox; "webhook": the built-in SMS sink, an HTTP endpoint
    the portal's SMS gateway posts to; "smtp": the built-in SMTP sink the portal sends mail to.
    """

    source: str
    host: str = "127.0.0.1"
    port: int = 0  # 0: any free port, announced in <out>/sinks.json
    path: str = "/sms"  # webhook only


@dataclass(frozen=True)
class Messages:
    """Where one-time codes and e-mails arrive, and how to pick values out of them."""

    sms: Channel
    email: Channel
    wait_seconds: float
    patterns: dict[str, re.Pattern[str]]

    @property
    def uses_outbox(self) -> bool:
        return SIMULATOR_SOURCE in (self.sms.source, self.email.source)


def _channel(kind: str, node: Node, default_source: str) -> Channel:
    if node.value is None:
        if not default_source:
            raise node.fail(
                f"say where {kind} messages arrive (source: {' or '.join(CHANNEL_SOURCES[kind])})"
            )
        return Channel(default_source)
    node.reject_unknown({"source", "listen", "path"} if kind == "sms" else {"source", "listen"})
    source = node.child("source")
    name = source.string()
    if name not in CHANNEL_SOURCES[kind]:
        raise source.fail(f"unknown {kind} source {name!r} (available: {', '.join(CHANNEL_SOURCES[kind])})")
    if name == SIMULATOR_SOURCE:
        return Channel(name)
    listen = node.child("listen")
    host, port = _listen_address(listen)
    path = node.child("path").string(required=False, default="/sms") if kind == "sms" else ""
    if kind == "sms" and not path.startswith("/"):
        raise node.child("path").fail("must start with '/'")
    return Channel(name, host, port, path)


def _listen_address(node: Node) -> tuple[str, int]:
    """`host:port` a sink binds; port 0 picks a free one (announced in <out>/sinks.json)."""
    text = node.string(required=False, default="127.0.0.1:0")
    host, colon, port = text.rpartition(":")
    if not colon or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise node.fail(f"expected host:port (e.g. 127.0.0.1:2525), got {text!r}")
    return host.strip("[]"), int(port)


def parse(node: Node) -> Messages:
    """The target's `messages:` section."""
    node.reject_unknown({"source", "sms", "email", "wait_seconds", "patterns"})
    default = ""
    source = node.child("source")
    if source.value is not None:
        if source.string() != SIMULATOR_SOURCE:
            raise source.fail(
                "only 'simulator' can serve both channels; give sms and email sources of their own instead"
            )
        default = SIMULATOR_SOURCE
    patterns = compile_patterns(node.child("patterns"))
    return Messages(
        sms=_channel("sms", node.child("sms"), default),
        email=_channel("email", node.child("email"), default),
        wait_seconds=node.child("wait_seconds").number(default=5.0),
        patterns=patterns,
    )
