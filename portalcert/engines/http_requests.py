"""The http engine's requests: one user agent sending them, journalling each hop and recording it for
the checks that read HTTP (wire.Wire: exchanges, cookies, replays, requests sent at once)."""

from __future__ import annotations

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import httpx

from portalcert import urls
from portalcert.engines.base import EngineError, UnreachableError
from portalcert.engines.wire import Exchange, Fields, exchange_of


class HttpRequests:
    """Sending, journalling and recording requests; the http engine's part that is not about pages."""

    _client: httpx.Client
    _timeout: httpx.Timeout
    _base_url: str
    _url: str  # the current page's, the Referer of what is sent
    _journal: deque[str]
    _exchanges: list[Exchange]  # every hop, for the checks that read HTTP (wire.Wire)
    _typed_secrets: list[str]  # what went into password fields (wire.Wire)

    def _request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        content_type: str | None = None,
        referer: str = "",
    ) -> httpx.Response:
        """Send one request (following redirects); journal every hop; map transport failures."""
        headers = {"Content-Type": content_type} if content_type else {}
        if referer:
            headers["Referer"] = referer
        try:
            response = self._client.request(method, url, content=body, headers=headers)
        except httpx.UnsupportedProtocol as exc:
            raise EngineError(f"cannot request {url}: unsupported URL scheme") from exc
        except httpx.TooManyRedirects as exc:
            self._journal.append(f"{method} {self._short(url)} -> too many redirects")
            raise EngineError(f"too many redirects starting from {url}") from exc
        except (httpx.TransportError, httpx.DecodingError) as exc:
            failed = _request_url(exc, url)
            reason = self._reason(exc)
            self._journal.append(f"{method} {self._short(failed)} -> failed: {reason}")
            raise UnreachableError(f"cannot reach {failed}: {reason}") from exc
        except httpx.InvalidURL as exc:
            raise EngineError(f"invalid URL {url!r}: {exc}") from exc
        for hop in (*response.history, response):
            target = self._short(str(hop.request.url))
            self._journal.append(f"{hop.request.method} {target} -> {hop.status_code}")
            self._exchanges.append(exchange_of(hop))
        return response

    # --- wire.Wire ---------------------------------------------------------------------------

    def exchanges(self) -> list[Exchange]:
        return list(self._exchanges)

    def cookies(self) -> dict[str, str]:
        return {cookie.name: cookie.value or "" for cookie in self._client.cookies.jar}

    def restore_cookies(self, cookies: dict[str, str]) -> None:
        self._client.cookies.clear()
        for name, value in cookies.items():
            self._client.cookies.set(name, value, domain=urlsplit(self._base_url).hostname or "")

    def send(self, method: str, url: str, form: Fields = ()) -> Exchange:
        body = urlencode(form).encode("ascii") if form else None
        kind = "application/x-www-form-urlencoded" if form else None
        target = url if "://" in url else urls.join(self._base_url, url)  # as goto: under the base path
        response = self._request(method, target, body=body, content_type=kind, referer=self._url)
        return exchange_of(response)

    def send_together(self, method: str, url: str, forms: list[Fields]) -> list[Exchange]:
        # httpx.Client is safe to share between threads; each request takes its own connection.
        with ThreadPoolExecutor(max_workers=len(forms) or 1) as pool:
            return list(pool.map(lambda form: self.send(method, url, form), forms))

    def typed_secrets(self) -> list[str]:
        return list(self._typed_secrets)

    def _reason(self, exc: Exception) -> str:
        if isinstance(exc, httpx.ConnectTimeout):
            return f"no connection within {self._timeout.connect:g} s"
        if isinstance(exc, httpx.TimeoutException):
            return f"no answer within {self._timeout.read:g} s"
        detail = " ".join(str(exc).split()) or type(exc).__name__
        lowered = detail.lower()
        if "refused" in lowered:
            return "connection refused"
        if any(hint in lowered for hint in ("name or service", "nodename", "name resolution", "getaddrinfo")):
            return f"host name not found ({detail})"
        if isinstance(exc, httpx.RemoteProtocolError):
            return f"protocol error: {detail}"
        return detail

    def _short(self, url: str) -> str:
        """Journal form of a URL: path and query on the portal's own origin, absolute elsewhere."""
        parts, base = urlsplit(url), urlsplit(self._base_url)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            return url
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _request_url(exc: httpx.HTTPError, fallback: str) -> str:
    try:
        return str(exc.request.url)
    except RuntimeError:  # httpx raises when an error carries no request
        return fallback
