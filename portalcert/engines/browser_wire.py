"""The browser engine's HTTP exchanges (wire.Wire): what the security baseline reads and replays.

Every request the context makes to the portal's own origin is recorded when it starts (so the record
keeps the order the browser sent them in, each redirect hop its own request) and completed by its
answer. The header fields are asked of the browser only when a check reads the exchanges; a body
must be read when its request finishes (the browser forgets it once the page moves on), so only the
portal's documents and script calls with a textual answer are read, in the event's own greenlet,
never holding up the step. `send` goes through the context's request client, which shares the
page's cookie jar; `send_together` through httpx threads (see there).
"""

from __future__ import annotations

import codecs
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import httpx
from playwright.sync_api import BrowserContext, Page, Request, Response
from playwright.sync_api import Error as PlaywrightError

from portalcert import urls
from portalcert.engines import browser_cookies
from portalcert.engines.base import EngineError, UnreachableError
from portalcert.engines.http import shared_ssl_context
from portalcert.engines.wire import Exchange, Fields, exchange_of

_BODY_READ = {"document", "xhr", "fetch"}  # what a page reads; pictures, styles and scripts are not
_FORM_TYPE = "application/x-www-form-urlencoded"
_MAX_HOPS = 20  # as a browser: a longer redirect chain is an error


@dataclass
class _Hop:
    """A request of the page on its way: its answer and body arrive later."""

    request: Request
    response: Response | None = None
    finished: bool = False
    reads_body: bool = False  # a document or script call with a textual answer (not a redirect)
    body: str | None = None  # once read
    exchange: Exchange | None = None  # built once, when the exchanges are first read after it finished

    def text(self, response: Response) -> str:
        """The body, read now if its event's greenlet has not got it yet (the browser answers both
        from the one reading)."""
        if self.reads_body and self.body is None:
            self.body = _body_text(response)
        return self.body or ""


class WireRecorder:
    """Mixed into the browser engine: its requests to the portal as `Exchange` records (wire.Wire)."""

    _base_url: str
    _context: BrowserContext
    _page: Page
    _timeout_ms: float
    _journal: deque[str]
    _wire_log: list[_Hop | Exchange]
    _hop_of: dict[Request, _Hop]

    def _record_wire(self) -> None:
        """Record the new context's requests to the portal from now on."""
        self._wire_log, self._hop_of = [], {}
        self._context.on("request", self._wire_request)
        self._context.on("response", self._wire_response)
        self._context.on("requestfinished", self._wire_finished)
        self._context.on("requestfailed", self._wire_failed)

    def _wire_request(self, request: Request) -> None:
        if self._on_portal(request.url):
            hop = _Hop(request)
            self._wire_log.append(hop)
            self._hop_of[request] = hop

    def _wire_response(self, response: Response) -> None:
        hop = self._hop_of.get(response.request)
        if hop is not None:
            hop.response = response

    def _wire_finished(self, request: Request) -> None:
        hop = self._hop_of.pop(request, None)
        if hop is None:
            return
        hop.finished = True
        if hop.response is not None and _has_readable_body(request, hop.response):
            hop.reads_body = True
            body = _body_text(hop.response)  # blocks this event's greenlet only, not the step
            hop.body = body if hop.body is None else hop.body

    def _wire_failed(self, request: Request) -> None:
        hop = self._hop_of.pop(request, None)
        if hop is None:
            return
        if hop.response is None:
            self._wire_log.remove(hop)  # no answer: nothing to show, as on the http engine
        else:
            hop.finished = True  # answered, then cut off (the page moved on): its header fields remain

    # --- wire.Wire ---------------------------------------------------------------------------

    def exchanges(self) -> list[Exchange]:
        done: list[Exchange] = []
        for entry in self._wire_log:
            if isinstance(entry, Exchange):
                done.append(entry)
            elif entry.finished and entry.response is not None:
                if entry.exchange is None:
                    entry.exchange = _page_exchange(entry, entry.response)
                done.append(entry.exchange)
        return done

    def cookies(self) -> dict[str, str]:
        host = urlsplit(self._base_url).hostname or ""
        return {
            cookie.get("name", ""): cookie.get("value", "")
            for cookie in self._context.cookies()
            if browser_cookies.domain_matches(host, cookie.get("domain", ""))
        }

    def restore_cookies(self, cookies: dict[str, str]) -> None:
        self._context.clear_cookies()
        origin = self._origin() + "/"
        self._context.add_cookies(
            [{"name": name, "value": value, "url": origin} for name, value in cookies.items()]
        )

    def send(self, method: str, url: str, form: Fields = ()) -> Exchange:
        target = self._absolute(url)
        body = urlencode(form) if form else None
        headers = self._referer()
        if body is not None:
            headers["Content-Type"] = _FORM_TYPE
        for _ in range(_MAX_HOPS):
            hop = self._fetch(method, target, form, body, headers)
            location = hop.header("location")
            if not (300 <= hop.status < 400 and location):
                return hop
            target = urljoin(target, location)
            if hop.status in (301, 302, 303) and method != "HEAD":  # as a browser: the form becomes a GET
                method, form, body = "GET", (), None
                headers.pop("Content-Type", None)
        raise UnreachableError(f"too many redirects starting from {url}")

    def send_together(self, method: str, url: str, forms: list[Fields]) -> list[Exchange]:
        # Playwright's sync API serves one call at a time on this thread, so its request client cannot
        # send several at once. httpx threads can: one shared client carrying the context's cookies and
        # user agent, each request on its own connection; the cookies the portal set come back to the
        # context afterwards, so the page goes on as the same user agent.
        target = self._absolute(url)
        try:
            sent = self._context.cookies()
            agent = str(self._page.evaluate("navigator.userAgent"))
        except PlaywrightError as exc:
            raise EngineError(f"cannot send as the browser: {str(exc).splitlines()[0]}") from None
        headers = {"User-Agent": agent, **self._referer()}
        timeout = self._timeout_ms / 1000
        jar = browser_cookies.jar_of(sent)
        with httpx.Client(
            verify=shared_ssl_context(), timeout=timeout, headers=headers, cookies=jar
        ) as client:

            def send_one(form: Fields) -> httpx.Response:
                body = urlencode(form).encode("ascii") if form else None
                kind = {"Content-Type": _FORM_TYPE} if form else {}
                return client.request(method, target, content=body, headers=kind, follow_redirects=True)

            try:
                with ThreadPoolExecutor(max_workers=len(forms) or 1) as pool:
                    answers = list(pool.map(send_one, forms))
            except httpx.HTTPError as exc:
                raise UnreachableError(f"cannot reach {target}: {exc}") from None
            browser_cookies.give_back(self._context, sent, list(client.cookies.jar), self._origin())
        for answer in answers:
            for hop in (*answer.history, answer):
                self._log_sent(exchange_of(hop))
        return [exchange_of(answer) for answer in answers]

    # --- internals ---------------------------------------------------------------------------

    def _fetch(
        self, method: str, url: str, form: Fields, body: str | None, headers: dict[str, str]
    ) -> Exchange:
        """One request through the context's request client (its cookies, its user agent), unfollowed."""
        started = time.perf_counter()
        try:
            response = self._context.request.fetch(
                url, method=method, data=body, headers=headers, max_redirects=0, timeout=self._timeout_ms
            )
            seconds = time.perf_counter() - started
            kind = response.headers.get("content-type", "")
            text = _decoded(response.body(), kind) if _is_text(kind) else ""
            fields = tuple((item["name"], item["value"]) for item in response.headers_array)
            status = response.status
            response.dispose()
        except PlaywrightError as exc:
            raise UnreachableError(f"cannot reach {url}: {str(exc).splitlines()[0]}") from None
        exchange = Exchange(method, url, form, status, fields, text, seconds)
        self._log_sent(exchange)
        return exchange

    def _log_sent(self, exchange: Exchange) -> None:
        self._wire_log.append(exchange)
        self._journal.append(f"{exchange.method} {self._short(exchange.url)} -> {exchange.status} (sent)")

    def _referer(self) -> dict[str, str]:
        """The page the user agent is on, as a browser names it when it sends from there."""
        return {"Referer": self._page.url} if self._page.url.startswith("http") else {}

    def _absolute(self, url: str) -> str:
        return url if "://" in url else urls.join(self._base_url, url)  # as goto: under the base path

    def _origin(self) -> str:
        parts = urlsplit(self._base_url)
        return f"{parts.scheme}://{parts.netloc}"

    def _on_portal(self, url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self._origin()

    def _short(self, url: str) -> str:
        """Journal form of a URL: path and query on the portal's own origin, absolute elsewhere."""
        if not self._on_portal(url):
            return url
        parts = urlsplit(url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _has_readable_body(request: Request, response: Response) -> bool:
    redirected = 300 <= response.status < 400
    return (
        not redirected
        and request.resource_type in _BODY_READ
        and _is_text(response.headers.get("content-type", ""))
    )


def _is_text(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type.startswith("text/") or any(kind in media_type for kind in ("html", "xml", "json"))


def _body_text(response: Response) -> str:
    try:
        return _decoded(response.body(), response.headers.get("content-type", ""))
    except PlaywrightError:  # the page went away before its body was read
        return ""


def _decoded(body: bytes, content_type: str) -> str:
    charset = next(
        (
            p.split("=", 1)[1].strip().strip('"')
            for p in content_type.split(";")[1:]
            if p.strip().lower().startswith("charset=")
        ),
        "utf-8",
    )
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    return body.decode(charset, errors="replace")


def _page_exchange(hop: _Hop, response: Response) -> Exchange:
    request = hop.request
    try:
        headers = tuple((item["name"], item["value"]) for item in response.headers_array())
    except PlaywrightError:  # the browser no longer has the raw fields: those it reported at once
        headers = tuple(response.headers.items())
    form: Fields = ()
    # (the type first: a multipart body need not be text)
    if request.headers.get("content-type", "").startswith(_FORM_TYPE) and request.post_data:
        form = tuple(parse_qsl(request.post_data, keep_blank_values=True))
    return Exchange(
        method=request.method,
        url=request.url,
        form=form,
        status=response.status,
        headers=headers,
        text=hop.text(response),
        seconds=_seconds(request),
    )


def _seconds(request: Request) -> float | None:
    """From sending the request to the answer's first byte: the portal's work, without the time the
    browser's own processes take to pass the body on (noise on a busy machine); the last byte when the
    first is unknown."""
    timing = request.timing
    answered = timing["responseStart"] if timing["responseStart"] >= 0 else timing["responseEnd"]
    if answered < 0:
        return None
    return (answered - max(timing["requestStart"], 0)) / 1000
