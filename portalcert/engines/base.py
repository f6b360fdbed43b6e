"""The seam between the task layer and whatever drives a portal.

Tasks never see an engine directly: they talk to a `Portal` (portalcert.portal), which
translates page-map names into locators and calls an `Engine`. An engine knows locators
(page-map locator strings, see portalcert.locators) and URLs, nothing about rules or documents.

Error contract, which decides FAIL versus BROKEN in the report:
- an engine raises `EngineError` (never AssertionError) when it cannot do what was asked:
  the portal is unreachable, a locator matches nothing to act on, a form cannot be submitted,
  the page needs JavaScript the engine does not run. The scenario is then BROKEN.
- a navigation answered with HTTP 5xx raises `ServerError` (an EngineError) once the page is loaded.
- reading something that is not there is not an error: `text()` returns None,
  `texts()` returns [], `count()` returns 0. Whether that violates a rule is the checks' call.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


class EngineError(Exception):
    """The engine could not perform an interaction; the scenario is BROKEN, not FAIL."""


class UnreachableError(EngineError):
    """The portal did not answer (connection refused, DNS, timeout)."""


class ServerError(EngineError):
    """The portal answered a navigation with a 5xx status: an infrastructure failure, not a verdict.

    Raised after the error page is loaded, so `evidence()` still shows what the portal sent.
    """


@dataclass(frozen=True)
class Resource:
    """What a link or a picture points to, fetched without navigating away (e.g. an audio captcha).

    `digest` (SHA-256 of the body) tells whether two fetches brought the same content, whatever
    the URLs: a portal may serve a new picture at the same address, or the same one at a new address.
    """

    url: str
    status: int
    content_type: str
    size: int
    digest: str

    @classmethod
    def of(cls, url: str, status: int, content_type: str, body: bytes) -> Resource:
        return cls(url, status, content_type, len(body), hashlib.sha256(body).hexdigest())


@dataclass(frozen=True)
class Spoken:
    """What a speaker button said with speechSynthesis (empty: nothing in time)."""

    text: str


@dataclass
class Evidence:
    """What an engine can show about the moment a scenario failed."""

    url: str = ""
    html: str = ""
    screenshot_png: bytes | None = None
    trace_zip: bytes | None = None
    journal: list[str] = field(default_factory=list)  # "GET /path -> 200" lines, newest last


@runtime_checkable
class Engine(Protocol):
    """Drives one user agent (one cookie jar / browser context) against one portal."""

    name: str

    def goto(self, url: str) -> None:
        """Navigate to an absolute URL or a path relative to the portal's base URL."""

    def fill(self, selector: str, value: str) -> None:
        """Type `value` into the (single) form control matched by `selector`."""

    def choose(self, selector: str, value: str) -> None:
        """Select the radio button / checkbox / <option> with `value` among those matched."""

    def press(self, selector: str) -> None:
        """Activate a link or button: follow the link or submit the enclosing form."""

    def text(self, selector: str) -> str | None:
        """Whitespace-normalised text of the first match, None when nothing matches."""

    def texts(self, selector: str) -> list[str]:
        """Whitespace-normalised texts of every match, in document order."""

    def attribute(self, selector: str, name: str) -> str | None:
        """Attribute `name` of the first match, None when no match or no such attribute."""

    def count(self, selector: str) -> int:
        """How many elements match `selector` on the current page."""

    def wait_for(self, selector: str, timeout: float | None = None) -> bool:
        """Whether `selector` matches, waiting up to `timeout` seconds (default: the engine's action
        time) for a page that is still changing; an engine that sees only whole pages looks once."""

    def fetch(self, selector: str) -> Resource:
        """Fetch what the matched link/button/media points to, staying on the current page."""

    @property
    def url(self) -> str:
        """The current page's absolute URL."""

    def begin_step(self, title: str) -> None:
        """A Gherkin step starts: engines that record traces open a group named `title`."""

    def end_step(self) -> None:
        """The step started last is over."""

    def evidence(self) -> Evidence:
        """Collect evidence of the current state (called on failure; ends a trace recording)."""

    def close(self) -> None:
        """Release the user agent (cookies, browser context)."""


@runtime_checkable
class Listener(Protocol):
    """An engine that hears what a page says with speechSynthesis (the browser; not the http engine)."""

    def listen(self, selector: str) -> str:
        """Press the matched speaker and return the text the page then spoke ('' when nothing)."""


@runtime_checkable
class DeviceEmulator(Protocol):
    """An engine that lays pages out as a given device would (the browser; not the http engine)."""

    def emulate(self, device: str) -> None:
        """Be `device` (a Playwright device name) from now on; chosen before the first page."""

    def page_width(self) -> tuple[int, int]:
        """(the current page's full width, the screen's width), in CSS pixels."""

    def in_view(self, selector: str) -> bool | None:
        """Whether the first match is shown within the screen's width; None when nothing matches."""


@runtime_checkable
class PageWatcher(Protocol):
    """An engine that renders pages (the browser; not the http engine): it shows each page it loads to
    watchers (an accessibility scan), and can work controls with the keyboard alone instead of a mouse
    (`keyboard_only`: Tab to reach a control, Enter / Space / arrows / typing to work it)."""

    keyboard_only: bool

    def watch_pages(self, watcher: Callable[[Any], None]) -> None:
        """Call `watcher` with the engine's page object each time a new page has loaded and settled."""

    def forget_cookies(self) -> None:
        """Drop the cookies: the next page is a new visitor's (one walk of a flow after another)."""
