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
from http.cookiejar import Cookie
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import httpx
from playwright._impl._api_structures import SetCookieParam
from playwright.sync_api import BrowserContext, Page, Request, Response
from playwright.sync_api import Cookie as BrowserCookie
from playwright.sync_api import Error as PlaywrightError

from portalcert import urls
from portalcert.engines.base import UnreachableError
from portalcert.engines.http import shared_ssl_context
from portalcert.engines.wire import Exchange, Fields, exchange_of

_BODY_READ = {"document", "xhr", "fetch"}  # what a page reads; pictures, styles and scripts are not
_FORM_TYPE = "application/x-www-form-urlencoded"
_MAX_HOPS = 20  # as a browser: a longer redirect chain is an error
_SAME_SITE: dict[str, Literal["Strict", "Lax", "None"]] = {"strict": "Strict", "lax": "Lax", "none": "None"}


@dataclass
class _Hop:
    """A request of the page on its way: its answer and body arrive later."""

    request: Request
    response: Response | None = None
    finished: bool = False
    body: str | None = None  # None: not read (a redirect, a picture, or not yet)
    exchange: Exchange | None = None  # built once, when the exchanges are first read after it finished


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
            hop.body = _body_text(hop.response)  # blocks this event's greenlet only

    def _wire_failed(self, request: Request) -> None:
        hop = self._hop_of.pop(request, None)
        if hop is not None:
            self._wire_log.remove(hop)  # no answer: nothing to show, as on the http engine

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
            if _domain_matches(host, cookie.get("domain", ""))
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
        headers = {"Referer": self._page.url} if self._page.url.startswith("http") else {}
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
        sent = self._context.cookies()
        jar = httpx.Cookies()
        for cookie in sent:
            jar.set(
                cookie.get("name", ""),
                cookie.get("value", ""),
                cookie.get("domain", ""),
                cookie.get("path", "/"),
            )
        agent = str(self._page.evaluate("navigator.userAgent"))
        headers = {"User-Agent": agent, "Referer": self._page.url}
        with httpx.Client(
            verify=shared_ssl_context(),
            follow_redirects=True,
            timeout=self._timeout_ms / 1000,
            headers=headers,
            cookies=jar,
        ) as client:

            def post(form: Fields) -> httpx.Response:
                body = urlencode(form).encode("ascii") if form else None
                kind = {"Content-Type": _FORM_TYPE} if form else {}
                return client.request(method, target, content=body, headers=kind)

            try:
                with ThreadPoolExecutor(max_workers=len(forms) or 1) as pool:
                    answers = list(pool.map(post, forms))
            except httpx.HTTPError as exc:
                raise UnreachableError(f"cannot reach {target}: {exc}") from None
            self._give_back_cookies(sent, list(client.cookies.jar))
        last: list[Exchange] = []
        for answer in answers:
            for hop in (*answer.history, answer):
                self._log_sent(exchange_of(hop))
            last.append(exchange_of(answer))
        return last

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

    def _give_back_cookies(self, sent: list[BrowserCookie], now: list[Cookie]) -> None:
        """The cookies the portal set or removed while httpx sent, made the context's own."""
        before = {(cookie.get("name"), cookie.get("value")) for cookie in sent}
        changed = [
            _cookie_param(cookie, self._origin())
            for cookie in now
            if (cookie.name, cookie.value) not in before
        ]
        if changed:
            self._context.add_cookies(changed)
        kept = {cookie.name for cookie in now}
        for cookie in sent:
            if cookie.get("name") not in kept:  # the portal removed it
                self._context.clear_cookies(
                    name=cookie.get("name"), domain=cookie.get("domain"), path=cookie.get("path")
                )

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
    if request.post_data and request.headers.get("content-type", "").startswith(_FORM_TYPE):
        form = tuple(parse_qsl(request.post_data, keep_blank_values=True))
    return Exchange(
        method=request.method,
        url=request.url,
        form=form,
        status=response.status,
        headers=headers,
        text=hop.body or "",
        seconds=_seconds(request),
    )


def _seconds(request: Request) -> float | None:
    """From sending the request to the answer's last byte (its first when the end is unknown)."""
    timing = request.timing
    end = timing["responseEnd"] if timing["responseEnd"] >= 0 else timing["responseStart"]
    if end < 0:
        return None
    return (end - max(timing["requestStart"], 0)) / 1000


def _domain_matches(host: str, domain: str) -> bool:
    domain = domain.lstrip(".").lower()
    return host.lower() == domain or host.lower().endswith("." + domain)


def _cookie_param(cookie: Cookie, origin: str) -> SetCookieParam:
    """A cookie httpx received, as the browser context takes it."""
    param: SetCookieParam = {"name": cookie.name, "value": cookie.value or ""}
    if cookie.domain_specified:
        param["domain"], param["path"] = cookie.domain, cookie.path or "/"
    else:  # host-only, as the portal set it
        param["url"] = urljoin(origin, cookie.path or "/")
    if cookie.expires is not None:
        param["expires"] = float(cookie.expires)
    param["secure"] = bool(cookie.secure)
    param["httpOnly"] = any(
        cookie.has_nonstandard_attr(name) for name in ("HttpOnly", "httponly", "httpOnly")
    )
    same_site = next(
        (cookie.get_nonstandard_attr(n) for n in ("SameSite", "samesite") if cookie.has_nonstandard_attr(n)),
        None,
    )
    if isinstance(same_site, str) and same_site.lower() in _SAME_SITE:
        param["sameSite"] = _SAME_SITE[same_site.lower()]
    return param
