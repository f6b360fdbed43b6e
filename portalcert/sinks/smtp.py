"""An SMTP server that accepts every message and files it in a `MessageStore` (channel "email").

A vendor points its test portal's mail relay here, so the suite can read the codes the portal
mails out. aiosmtpd's `Controller` is not used: its readiness check connects to the configured
port, which cannot work with port 0. Instead the socket is bound in the caller's thread (bind
errors surface in `start()`, the real port is known at once) and served by an asyncio loop of our
own on a daemon thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import socket
import threading
import warnings
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from html.parser import HTMLParser
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult

from portalcert.sinks.lifecycle import BackgroundServer
from portalcert.sinks.store import MessageStore

log = logging.getLogger(__name__)

_START_TIMEOUT = 5.0
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "footer", "form"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre"}
    | {"section", "table", "tbody", "tfoot", "thead", "tr", "ul"}
)
_CELL_TAGS = frozenset({"td", "th"})  # cells of one row stay on one line: "Codice 123456"
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "template"})
_SPACES = re.compile(r"\s+")


class _TextExtractor(HTMLParser):
    """Visible text of an HTML mail; block elements become line breaks, inline ones join text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities arrive already unescaped in handle_data
        self._parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n")
        elif tag in _CELL_TAGS:
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(self._skipping - 1, 0)
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:  # source line breaks are just spaces; only tags break lines
            self._parts.append(_SPACES.sub(" ", data))

    def text(self) -> str:
        lines = (_SPACES.sub(" ", line).strip() for line in "".join(self._parts).split("\n"))
        return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> str:
    """Plain text of an HTML-only mail, so codes can be read the same way as from text/plain."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return extractor.text()


@dataclass(frozen=True)
class ParsedMail:
    sender: str
    subject: str
    body: str


def _part_text(part: MIMEPart) -> str:
    try:
        content = part.get_content()
        if isinstance(content, str):
            return content
    except Exception as exc:  # unknown charset, broken transfer encoding, ...
        log.debug("falling back to a lenient decode of a mail part: %s", exc)
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    try:
        return payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know: UTF-8 is the likeliest truth
        return payload.decode("utf-8", errors="replace")


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message[name]
    except Exception:  # the header parser has raised on hostile input before; keep going
        log.debug("unreadable %s header", name, exc_info=True)
        return ""
    return "" if value is None else str(value).strip()


def parse_mail(raw: bytes, envelope_sender: str = "") -> ParsedMail:
    """Sender, subject and readable body of one RFC 5322 message; lenient with malformed input."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)  # guaranteed by policy.default
    sender = _header(message, "From") or envelope_sender
    part = message.get_body(preferencelist=("plain", "html"))
    body = ""
    if part is not None:
        body = _part_text(part)
        if part.get_content_subtype() == "html":
            body = html_to_text(body)
    body = body.replace("\r\n", "\n").strip()
    return ParsedMail(sender=sender, subject=_header(message, "Subject"), body=body)


class _StoreHandler:
    """aiosmtpd handler: one stored message per envelope recipient, then 250."""

    def __init__(self, store: MessageStore) -> None:
        self._store = store

    async def handle_DATA(self, server: SMTP, session: Any, envelope: Any) -> str:
        raw: bytes = envelope.original_content or b""
        try:
            mail = parse_mail(raw, envelope.mail_from or "")
        except Exception:
            log.warning("SMTP sink could not parse a message", exc_info=True)
            return "554 5.6.0 Message could not be parsed"
        for recipient in envelope.rcpt_tos:
            self._store.add("email", sender=mail.sender, to=recipient, subject=mail.subject, body=mail.body)
        return "250 OK"


# aiosmtpd itself sets its deprecated Session.login_data on every login; nothing to fix on our side.
warnings.filterwarnings("ignore", message="Session.login_data is deprecated", category=DeprecationWarning)


def _accept_any_login(
    server: SMTP, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    """Any credentials will do: portals set up with a relay login must not fail on the sink."""
    return AuthResult(success=True)


class SmtpSink(BackgroundServer):
    """Accepts mail for anyone on `host:port` (port 0 picks a free one) into `store`."""

    def __init__(self, store: MessageStore, host: str = "127.0.0.1", port: int = 0) -> None:
        self.store = store
        self.host = host
        self._requested_port = port
        self._bound_port: int | None = None
        self._sock: socket.socket | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._handler = _StoreHandler(store)

    @property
    def port(self) -> int:
        """The bound port once started (the requested one before)."""
        return self._requested_port if self._bound_port is None else self._bound_port

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def _factory(self) -> SMTP:
        assert self._loop is not None
        # A fixed hostname: the default socket.getfqdn() can stall for seconds on a DNS lookup.
        return SMTP(
            self._handler,
            hostname="portalcert-sink",
            ident="portalcert SMTP sink",
            enable_SMTPUTF8=True,
            authenticator=_accept_any_login,
            auth_require_tls=False,  # test traffic on a loopback or lab network; no TLS offered
            loop=self._loop,
        )

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("SMTP sink already started")
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        self._sock = socket.create_server((self.host, self._requested_port), family=family)
        self._bound_port = int(self._sock.getsockname()[1])
        self._loop = asyncio.new_event_loop()
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(
            target=self._run, args=(ready, failure), name=f"smtp-sink-{self.port}", daemon=True
        )
        self._thread.start()
        if not ready.wait(_START_TIMEOUT) or failure:
            self.stop()
            if failure:
                raise RuntimeError(f"SMTP sink failed to start: {failure[0]}") from failure[0]
            raise TimeoutError("SMTP sink did not start in time")

    def _run(self, ready: threading.Event, failure: list[BaseException]) -> None:
        assert self._loop is not None
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._serve(ready))
        except BaseException as exc:
            failure.append(exc)
            ready.set()
        finally:
            self._loop.close()

    async def _serve(self, ready: threading.Event) -> None:
        assert self._loop is not None and self._sock is not None
        self._stopping = asyncio.Event()
        server = await self._loop.create_server(self._factory, sock=self._sock)
        ready.set()
        await self._stopping.wait()
        server.close()
        # Open sessions would otherwise outlive the loop; aiosmtpd closes its writer on cancel.
        sessions = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in sessions:
            task.cancel()
        await asyncio.gather(*sessions, return_exceptions=True)
        await server.wait_closed()

    def stop(self) -> None:
        """Stop serving and release the port; safe to call twice or before `start`."""
        thread, loop, stopping = self._thread, self._loop, self._stopping
        if thread is not None and loop is not None:
            if stopping is not None and not loop.is_closed():
                with contextlib.suppress(RuntimeError):  # the loop closed since the check
                    loop.call_soon_threadsafe(stopping.set)
            thread.join(_START_TIMEOUT)
        if self._sock is not None:
            self._sock.close()  # the server closed it already unless start() failed half-way
        self._sock = None
        self._thread = self._loop = self._stopping = None
