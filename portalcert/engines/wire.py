"""What an engine that speaks HTTP itself shows of it: the exchanges behind the pages, and sending one
again. Checks of a portal's security read headers and cookies, and replay a form without its token or
many times at once, which no click can do. Both engines have it (the http engine from its own client, the
browser engine from what its context sends: browser_wire.py); the scenarios that need it are tagged
`@needs:wire`, NOT_APPLICABLE on an engine without it (factory.shows_wire).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable
from urllib.parse import parse_qsl

import httpx

Fields = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Exchange:
    """One request and its answer (one hop of a redirect chain)."""

    method: str
    url: str
    form: Fields  # the request's form fields (urlencoded bodies), in order
    status: int
    headers: tuple[tuple[str, str], ...]  # the answer's header fields, repeated ones kept apart
    text: str  # the answer's body as text
    seconds: float | None  # how long the answer took; None: the transport did not time it

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)

    def all_headers(self, name: str) -> list[str]:
        return [value for key, value in self.headers if key.lower() == name.lower()]

    def without(self, field: str) -> Fields:
        return tuple((key, value) for key, value in self.form if key != field)

    def replacing(self, field: str, value: str) -> Fields:
        return tuple((key, value if key == field else old) for key, old in self.form)


def exchange_of(response: httpx.Response) -> Exchange:
    request = response.request
    form: Fields = ()
    if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        form = tuple(parse_qsl(request.content.decode("ascii", "replace"), keep_blank_values=True))
    return Exchange(
        method=request.method,
        url=str(request.url),
        form=form,
        status=response.status_code,
        headers=tuple(response.headers.multi_items()),
        text=response.text if response.is_stream_consumed or response.is_closed else "",
        seconds=_elapsed(response),
    )


def _elapsed(response: httpx.Response) -> float | None:
    """httpx times the answers of a network transport; a test's MockTransport answers untimed."""
    try:
        return response.elapsed.total_seconds()
    except RuntimeError:
        return None


@runtime_checkable
class Wire(Protocol):
    """An engine's HTTP exchanges, and requests sent as its user agent (its cookies) off the page."""

    def exchanges(self) -> list[Exchange]:
        """Every hop since the engine opened, oldest first."""

    def cookies(self) -> dict[str, str]:
        """The cookies the user agent holds, by name."""

    def restore_cookies(self, cookies: dict[str, str]) -> None:
        """Hold exactly these cookies (e.g. an old session's) from now on."""

    def send(self, method: str, url: str, form: Fields = ()) -> Exchange:
        """Send one request (following redirects) without changing the current page; its last hop."""

    def send_together(self, method: str, url: str, forms: list[Fields]) -> list[Exchange]:
        """Send one request per form at the same time; their last hops, in the order of `forms`."""

    def typed_secrets(self) -> list[str]:
        """Every value typed into a password field (`<input type=password>`, whatever its name) since
        the engine opened, oldest first: what a page or an address must not show again."""
