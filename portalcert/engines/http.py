"""The `http` engine: drives a portal with plain HTTP and a parsed DOM, running no JavaScript.

It works the way mechanize does: `fill` and `choose` edit the parsed page, `press` follows a
link or serialises the form as a browser would (see html_forms) and sends it. One httpx.Client
is one user agent: it keeps the cookies and follows redirects like a browser (a 302/303 after
a POST becomes a GET). Anything the engine cannot do without JavaScript is an EngineError, so
the scenario is reported BROKEN rather than FAIL.
"""

from __future__ import annotations

import codecs
import functools
import ssl
import warnings
from collections import deque
from types import TracebackType
from urllib.parse import urljoin

import certifi
import httpx
import soupsieve
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.dammit import EncodingDetector

from portalcert import locators, urls
from portalcert.engines import actionable, html_locate
from portalcert.engines import html_forms as forms
from portalcert.engines.base import EngineError, Evidence, Resource, ServerError
from portalcert.engines.data_uri import data_resource
from portalcert.engines.html_text import visible_text
from portalcert.engines.http_requests import HttpRequests
from portalcert.engines.wire import Exchange

JOURNAL_SIZE = 50
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@functools.cache
def shared_ssl_context() -> ssl.SSLContext:
    """One TLS context per process: building one costs ~50 ms, and every scenario gets a new engine."""
    return ssl.create_default_context(cafile=certifi.where())


class HttpEngine(HttpRequests):
    """An `Engine` over httpx + BeautifulSoup/lxml; locators are evaluated by html_locate."""

    name = "http"

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 15.0,
        connect_timeout: float = 5.0,
        user_agent: str = "portalcert-http/0.1",
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._base_url = base_url
        self._timeout = httpx.Timeout(timeout, connect=min(connect_timeout, timeout))
        self._client = httpx.Client(
            verify=shared_ssl_context(),
            follow_redirects=True,
            timeout=self._timeout,
            headers={"User-Agent": user_agent, "Accept": _ACCEPT},
            transport=transport,
        )
        self._journal: deque[str] = deque(maxlen=JOURNAL_SIZE)
        self._exchanges: list[Exchange] = []  # every hop, for the checks that read HTTP (wire.Wire)
        self._typed_secrets: list[str] = []  # what went into password fields (wire.Wire)
        self._url = ""
        self._status = 0
        self._html = ""
        self._charset = "utf-8"
        self._doc = _parse("")

    # --- navigation --------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return self._url

    @property
    def status(self) -> int:
        """HTTP status of the current page (0 before the first page); 5xx pages load normally."""
        return self._status

    def goto(self, url: str) -> None:
        # Under the base URL's path (portalcert.urls), unlike a link on a page.
        self._load(self._request("GET", urls.join(self._base_url, url)))

    def press(self, selector: str) -> None:
        matches = self._select(selector)
        if not matches:
            raise EngineError(f"nothing to press matches {selector} on {self._where()}")
        target = actionable.activated(matches[0])  # like a click, which lands on the first match
        if target.name in ("a", "area") and target.has_attr("href"):
            self._follow(selector, target)
        elif forms.is_submit_button(target):
            self._submit(selector, target)
        elif forms.needs_script(target) or actionable.scripted_role(target):
            raise self._needs_js(selector, target)
        else:
            raise EngineError(
                f"{selector} matches {forms.describe(target)} on {self._where()}, "
                "which is neither a link nor a submit button"
            )

    def _follow(self, selector: str, link: Tag) -> None:
        href = (forms.attr(link, "href") or "").strip()
        if href == "#" or href.lower().startswith("javascript:"):
            raise self._needs_js(selector, link)
        if href.startswith("#"):  # same-document anchor: the browser only scrolls
            self._url = self._url.split("#", 1)[0] + href
            return
        self._load(self._request("GET", urljoin(self._document_base(), href), referer=self._url))

    def _submit(self, selector: str, button: Tag) -> None:
        if forms.is_disabled(button):
            raise EngineError(f"{selector} matches a disabled button on {self._where()}")
        try:
            submission = forms.submission(
                button, self._doc, document_url=self._url, base_url=self._document_base()
            )
        except forms.FormError as exc:
            raise EngineError(f"cannot press {selector} on {self._where()}: {exc}") from exc
        request = forms.encode(submission, self._charset)
        response = self._request(
            request.method,
            request.url,
            body=request.body,
            content_type=request.content_type,
            referer=self._url,
        )
        self._load(response)

    # --- form controls -----------------------------------------------------------------------

    def fill(self, selector: str, value: str) -> None:
        matches = self._select(selector)
        if not matches:
            raise EngineError(f"no field matches {selector} on {self._where()}")
        fields = [tag for tag in matches if forms.is_form_field(tag)]
        if not fields:
            first = matches[0]
            reason = forms.why_not_fillable(first)
            raise EngineError(f"{selector} matches {forms.describe(first)} on {self._where()}: {reason}")
        if len(fields) > 1:
            raise EngineError(f"{selector} matches {len(fields)} fields on {self._where()}; expected one")
        field = fields[0]
        problem = forms.fill_problem(field)
        if problem:
            raise EngineError(
                f"{selector} matches a {problem} field {forms.describe(field)} on {self._where()}; "
                "if a page script makes it fillable, the step needs JavaScript (engine: browser)"
            )
        if field.name == "select":
            self._check_by_value(selector, field.select("option"), value)
            return
        forms.set_text(field, value)
        if field.name == "input" and forms.input_type(field) == "password":
            self._typed_secrets.append(value)

    def choose(self, selector: str, value: str) -> None:
        matches = self._select(selector)
        if not matches:
            raise EngineError(f"nothing to choose from matches {selector} on {self._where()}")
        options = forms.choices(matches)
        if not options:
            raise EngineError(
                f"{selector} matches {forms.describe(matches[0])} on {self._where()}, which has no options"
            )
        self._check_by_value(selector, options, value)

    def _check_by_value(self, selector: str, options: list[Tag], value: str) -> None:
        chosen = next((option for option in options if forms.choice_value(option) == value), None)
        if chosen is None:
            found = ", ".join(repr(forms.choice_value(option)) for option in options) or "none"
            raise EngineError(
                f"no option with value {value!r} for {selector} on {self._where()}; options found: {found}"
            )
        if forms.is_disabled(chosen):
            raise EngineError(f"option {value!r} of {selector} is disabled on {self._where()}")
        forms.check(chosen, self._doc)

    # --- reading -----------------------------------------------------------------------------

    def text(self, selector: str) -> str | None:
        matches = self._select(selector)
        return visible_text(matches[0]) if matches else None

    def texts(self, selector: str) -> list[str]:
        return [visible_text(tag) for tag in self._select(selector)]

    def attribute(self, selector: str, name: str) -> str | None:
        matches = self._select(selector)
        return forms.attr(matches[0], name.lower()) if matches else None

    def count(self, selector: str) -> int:
        return len(self._select(selector))

    def wait_for(self, selector: str, timeout: float | None = None) -> bool:
        return self.count(selector) > 0  # a parsed page does not change by itself: nothing to wait for

    def fetch(self, selector: str) -> Resource:
        matches = self._select(selector)
        if not matches:
            raise EngineError(f"nothing to fetch matches {selector} on {self._where()}")
        reference = _reference(matches[0])
        if reference is None:
            raise EngineError(
                f"{selector} matches {forms.describe(matches[0])} on {self._where()}, which points to nothing"
            )
        if reference.lower().startswith("data:"):
            return data_resource(reference)
        if reference.lower().startswith("javascript:") or reference == "#":
            raise self._needs_js(selector, matches[0])
        # Same client, so same cookies; the current page is left untouched.
        response = self._request("GET", urljoin(self._document_base(), reference), referer=self._url)
        media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        return Resource.of(str(response.url), response.status_code, media_type, response.content)

    # --- evidence and lifetime ---------------------------------------------------------------

    def begin_step(self, title: str) -> None:
        """No trace to group steps in: the journal already shows each request."""

    def end_step(self) -> None:
        """Nothing to close."""

    def evidence(self) -> Evidence:
        return Evidence(url=self._url, html=self._html, journal=list(self._journal))

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpEngine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # --- internals ---------------------------------------------------------------------------

    def _load(self, response: httpx.Response) -> None:
        """Make `response` the current page."""
        self._url = str(response.url)
        self._status = response.status_code
        media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type and not (media_type.startswith("text/") or "html" in media_type or "xml" in media_type):
            self._html, self._charset = "", "utf-8"  # e.g. a PDF: nothing to read or fill
        else:
            self._charset = _charset(response)
            self._html = response.content.decode(self._charset, errors="replace")
        self._doc = _parse(self._html)
        if response.status_code >= 500:
            raise ServerError(f"the portal answered {response.status_code} for {self._short(self._url)}")

    def _select(self, selector: str) -> list[Tag]:
        try:
            return html_locate.select(self._doc, locators.parse(selector))
        except locators.LocatorError as exc:
            raise EngineError(str(exc)) from exc
        except soupsieve.SelectorSyntaxError as exc:
            first_line = str(exc).splitlines()[0]
            raise EngineError(f"invalid CSS selector {selector!r}: {first_line}") from exc

    def _document_base(self) -> str:
        """Where relative links resolve from: <base href> if the page has one, else the page URL."""
        base = self._doc.find("base", href=True)
        href = forms.attr(base, "href") if isinstance(base, Tag) else None
        return urljoin(self._url, href.strip()) if href else self._url or self._base_url

    def _where(self) -> str:
        return self._url or "(no page loaded yet)"

    def _needs_js(self, selector: str, tag: Tag) -> EngineError:
        return EngineError(
            f"pressing {selector} ({forms.describe(tag)}) on {self._where()} needs JavaScript, "
            "which the http engine does not run"
        )


def _parse(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        # A short body such as "ok" makes bs4 warn that it looks like a file name; it is a page.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        doc = BeautifulSoup(html, "lxml", multi_valued_attributes=None)
    forms.normalise_parsed(doc)
    return doc


def _charset(response: httpx.Response) -> str:
    """The page's declared charset (header, then <meta>), else UTF-8; forms are encoded in it too."""
    declared = response.charset_encoding or EncodingDetector.find_declared_encoding(
        response.content, is_html=True
    )
    try:
        name = codecs.lookup(declared).name if declared else "utf-8"
    except LookupError:
        return "utf-8"
    return "cp1252" if name == "iso8859-1" else name  # browsers read latin-1 as windows-1252


def _reference(tag: Tag) -> str | None:
    """The URL an element points to: href of links, src/data of media, or a media's first <source>."""
    for name in ("href", "src", "data"):
        value = forms.attr(tag, name)
        if value is not None and value.strip():
            return value.strip()
    if tag.name in ("audio", "video", "picture"):
        source = tag.find("source", src=True)
        if isinstance(source, Tag):
            return (forms.attr(source, "src") or "").strip() or None
    return None
