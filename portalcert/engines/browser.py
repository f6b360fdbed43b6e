"""The `browser` engine: drives a real browser (Chromium through Playwright's sync API).

It runs the portal's JavaScript, so it works on any portal. One browser per process
(browser_launch.HOST), one fresh context per scenario (an Engine), so cookies and storage
never leak between scenarios. Locators come from the page map in the syntax of
portalcert.locators and become Playwright locators here.

After every navigation or press, and before a read, the engine waits for what the step set off
(browser_wait): a navigation, the page's calls to the portal, its short timers, never a fixed pause
or a quiet network. A check that expects an element waits for it with Playwright's auto-waiting
(`wait_for`); absence is judged only once the page has settled.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections import deque
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar, cast

from playwright.sync_api import BrowserContext, Locator, Page, Request, Response
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from portalcert import locators, urls
from portalcert.engines import actionable, browser_devices, browser_keyboard
from portalcert.engines.base import EngineError, Evidence, Resource, ServerError, UnreachableError
from portalcert.engines.browser_devices import DESKTOP
from portalcert.engines.browser_launch import HOST
from portalcert.engines.browser_secrets import SecretRecorder
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.browser_speech import SPEECH_SCRIPT, SpeechListener
from portalcert.engines.browser_wait import PAGE_WORK_SCRIPT, PageActivity
from portalcert.engines.browser_wire import WireRecorder
from portalcert.engines.data_uri import data_resource

JOURNAL_SIZE = 50
SETTLE_SECONDS = 5.0  # the longest a step waits for the page to finish what it set off
_JOURNALLED = {"document", "xhr", "fetch"}  # the requests worth a line; images and styles are noise
_NET_ERROR = re.compile(r"net::(ERR_[A-Z_]+)")
T = TypeVar("T")


class BrowserEngine(SpeechListener, WireRecorder, SecretRecorder):
    """An `Engine` over one Playwright browser context and its page."""

    name = "browser"

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 15.0,
        settings: BrowserSettings | None = None,
        title: str = "",
    ) -> None:
        self._base_url = base_url
        self._settings = settings or BrowserSettings()
        self._timeout_ms = timeout * 1000
        self._action_ms = min(self._settings.action_seconds, timeout) * 1000
        # A page gets this long to finish what a step set off; then it is judged as it is.
        self._settle_seconds = min(SETTLE_SECONDS, timeout)
        self._journal: deque[str] = deque(maxlen=JOURNAL_SIZE)
        self._document_status = 0
        self._documents = 0  # main-frame responses so far: tells whether a press loaded a new page
        self._navigation_failure = ""
        # The page has settled and nothing happened since (no action, no request to the portal):
        # reads in a row ask the page once, not once each.
        self._idle = False
        self._tracing = False
        # Keyboard mode (browser_keyboard): controls are reached with Tab and worked with keys.
        self.keyboard_only = self._settings.keyboard_only
        self._page_watchers: list[Callable[[Page], None]] = []
        self._documents_watched = 0
        self._title = title
        self._typed_secrets = []
        self._open_context(DESKTOP)

    def _open_context(self, device: Mapping[str, Any]) -> None:
        """A fresh context and page laid out as `device` (Playwright's device descriptor options)."""
        browser = HOST.browser(self._settings)
        try:
            self._context: BrowserContext = browser.new_context(
                base_url=self._base_url, locale="it-IT", **device
            )
            self._context.set_default_timeout(self._action_ms)
            self._context.add_init_script(PAGE_WORK_SCRIPT)
            self._context.add_init_script(SPEECH_SCRIPT)
            self._context.add_init_script(actionable.LISTENER_PROBE)
            self._context.set_default_navigation_timeout(self._timeout_ms)
            if self._settings.trace:
                self._context.tracing.start(screenshots=True, snapshots=True, sources=False)
                self._context.tracing.start_chunk(title=self._title or None)
                self._tracing = True
            self._page: Page = self._context.new_page()
        except PlaywrightError as exc:
            raise EngineError(f"the browser could not open a new context: {_first_line(exc)}") from None
        self._activity = PageActivity(self._page, self._base_url)
        self._page.on("request", self._on_request)
        self._page.on("requestfinished", self._on_request_done)
        self._page.on("requestfailed", self._on_request_failed)
        self._page.on("response", self._on_response)
        self._record_wire()

    # --- device emulation (engines.base.DeviceEmulator) --------------------------------------

    def emulate(self, device: str) -> None:
        """From now on, be `device` (a Playwright device name): a new context with its screen, touch and
        user agent. Only before the first page: a person picks up the phone before visiting."""
        if self._documents:
            raise EngineError(f"emulate {device!r}: a device is chosen before the first page is opened")
        options = browser_devices.descriptor(HOST.devices(), device)
        self._stop_trace(keep=False)
        self._quietly(self._context.close)
        self._open_context(options)

    def page_width(self) -> tuple[int, int]:
        self._settle()
        return browser_devices.page_width(self._page)

    def in_view(self, selector: str) -> bool | None:
        return browser_devices.in_view(self._settled(selector), self._page)

    # --- navigation --------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return self._page.url

    def goto(self, url: str) -> None:
        target = urls.join(self._base_url, url)
        self._navigation_failure = ""
        self._idle = False
        try:
            # Parsed is enough: the rest of loading (third-party pictures...) is waited for, bounded, by
            # _settle(), so a slow analytics picture cannot fail the navigation.
            response = self._page.goto(target, wait_until="domcontentloaded")
        except PlaywrightError as exc:
            raise self._navigation_error(target, exc) from None
        self._settle()
        status = response.status if response is not None else self._document_status
        if status >= 500:
            raise ServerError(f"the portal answered {status} for {self._short(self._page.url)}")
        self._show_new_page()

    def press(self, selector: str) -> None:
        matches = self._all(selector)
        before = self._documents
        self._navigation_failure = ""
        self._idle = False
        try:
            # Like a person, on the first match. Playwright waits for it to be actionable and for a
            # navigation the click starts to commit; _settle() waits for the rest (a script's fetch).
            actionable.require_pressable(matches.first, selector, self._where(), self._action_ms)
            if self.keyboard_only:
                browser_keyboard.activate(self._page, matches.first, selector, self._where())
            else:
                matches.first.click()
        except PlaywrightTimeout:
            if not matches.count():
                raise EngineError(f"nothing to press matches {selector} on {self._where()}") from None
            raise EngineError(
                f"{selector} on {self._where()} could not be pressed within {self._action_ms / 1000:g} s "
                "(hidden, disabled or covered)"
            ) from None
        except PlaywrightError as exc:
            raise EngineError(f"cannot press {selector} on {self._where()}: {_first_line(exc)}") from None
        self._settle()
        if self._navigation_failure:
            raise UnreachableError(self._navigation_failure)
        if self._documents != before and self._document_status >= 500:
            raise ServerError(f"the portal answered {self._document_status} for {self._short(self.url)}")
        self._show_new_page()

    # --- what a person meets on each page -------------------------------------------------------

    def watch_pages(self, watcher: Callable[[Page], None]) -> None:
        """Call `watcher` with the Playwright page each time a new page has loaded and settled (an
        accessibility scan of every page a flow visits)."""
        self._page_watchers.append(watcher)

    def forget_cookies(self) -> None:
        """A new visitor in the same browser: no session carried over (one flow after another)."""
        try:
            self._context.clear_cookies()
        except PlaywrightError as exc:
            raise EngineError(f"cannot clear the browser's cookies: {_first_line(exc)}") from None

    def _show_new_page(self) -> None:
        if self._documents != self._documents_watched:
            self._documents_watched = self._documents
            for watcher in self._page_watchers:
                watcher(self._page)

    # --- form controls -----------------------------------------------------------------------

    def fill(self, selector: str, value: str) -> None:
        # One round trip in the usual case: Playwright's fill waits for the element and is strict
        # (several matches are an error); the rarer cases are sorted out from its error.
        target = self._all(selector)
        self._idle = False  # typing may set off the page's own work (a lookup as you type)
        if self.keyboard_only:
            self._by_keyboard(
                target,
                selector,
                lambda: browser_keyboard.type_into(self._page, target, selector, self._where(), value),
            )
            self._note_if_secret(target, value)
            return
        try:
            target.fill(value)
            self._note_if_secret(target, value)
            return
        except PlaywrightTimeout:
            problem = self._why_not_fillable(target, selector)
        except PlaywrightError as exc:
            message = _first_line(exc)
            if "not an <input>" in message and target.evaluate("e => e.tagName") == "SELECT":
                self.choose(selector, value)  # like the http engine: filling a <select> picks the option
                return
            if "strict mode violation" in message:
                problem = (
                    f"{selector} matches {target.count()} elements on {self._where()}; expected one field"
                )
            else:
                problem = f"cannot fill {selector} on {self._where()}: {message}"
        raise EngineError(problem)

    def _why_not_fillable(self, target: Locator, selector: str) -> str:
        if not target.count():
            return f"no field matches {selector} on {self._where()}"
        return (
            f"{selector} on {self._where()} could not be filled within {self._action_ms / 1000:g} s "
            "(hidden, disabled or read-only)"
        )

    def choose(self, selector: str, value: str) -> None:
        target = self._all(selector)
        self._idle = False
        self._wait_attached(target, selector, "nothing to choose from matches")
        # Radio buttons and checkboxes are told apart by value; a <select> picks its option.
        index = target.evaluate_all(
            """(els, value) => els.findIndex(e => e.tagName === 'SELECT'
                 ? [...e.options].some(o => o.value === value) : e.value === value)""",
            value,
        )
        if index < 0:
            found = target.evaluate_all(
                "els => els.flatMap(e => e.tagName === 'SELECT'"
                " ? [...e.options].map(o => o.value) : [e.value])"
            )
            shown = ", ".join(repr(v) for v in found) or "none"
            raise EngineError(
                f"no option with value {value!r} for {selector} on {self._where()}; options found: {shown}"
            )
        element = target.nth(index)
        if self.keyboard_only:
            self._by_keyboard(
                element,
                selector,
                lambda: browser_keyboard.pick(self._page, element, selector, self._where(), value),
            )
            return
        try:
            tag = element.evaluate("e => e.tagName")
            if tag == "SELECT":
                element.select_option(value=value)
            elif tag == "OPTION":  # an <option> matched directly: select it in its <select>
                element.locator("xpath=ancestor::select[1]").select_option(value=value)
            else:
                element.check()
        except PlaywrightError as exc:
            raise EngineError(
                f"cannot choose {value!r} for {selector} on {self._where()}: {_first_line(exc)}"
            ) from None

    # --- reading -----------------------------------------------------------------------------

    def text(self, selector: str) -> str | None:
        target = self._settled(selector)
        if not target.count():
            return None
        return _normalise(self._read(lambda: target.first.inner_text(timeout=self._action_ms)))

    def texts(self, selector: str) -> list[str]:
        target = self._settled(selector)
        return [_normalise(text) for text in self._read(target.all_inner_texts)]

    def attribute(self, selector: str, name: str) -> str | None:
        target = self._settled(selector)
        if not target.count():
            return None
        return self._read(lambda: target.first.get_attribute(name, timeout=self._action_ms))

    def count(self, selector: str) -> int:
        return self._read(self._settled(selector).count)

    def wait_for(self, selector: str, timeout: float | None = None) -> bool:
        """Whether `selector` matches within `timeout` seconds (default: the action time).

        Playwright's auto-waiting: returns as soon as the element is there, e.g. the page a
        script shows after a delayed fetch. Not there in time is an answer (False), not an error.
        """
        seconds = self._action_ms / 1000 if timeout is None else timeout
        target = self._settled(selector).first  # not a match on a page that is about to go
        try:
            target.wait_for(state="attached", timeout=max(seconds, 0.001) * 1000)
        except PlaywrightTimeout:
            return False
        except PlaywrightError as exc:
            raise EngineError(f"cannot look for {selector} on {self._where()}: {_first_line(exc)}") from None
        return True

    def fetch(self, selector: str) -> Resource:
        target = self._first(selector, "fetch")
        reference = target.evaluate(
            """e => {
                 for (const name of ['href', 'src', 'data']) {
                   const v = e.getAttribute(name);
                   if (v && v.trim()) return v.trim();
                 }
                 const source = e.querySelector('source[src]');
                 return source ? source.getAttribute('src').trim() : null;
               }"""
        )
        if not reference:
            raise EngineError(f"{selector} on {self._where()} points to nothing")
        if reference.lower().startswith("data:"):
            return data_resource(reference)
        if reference.lower().startswith("javascript:") or reference == "#":
            raise EngineError(f"{selector} on {self._where()} points to a script, not a resource")
        absolute = self._page.evaluate("ref => new URL(ref, document.baseURI).href", reference)
        try:
            # The context's request client shares the page's cookies; the page stays where it is.
            response = self._context.request.get(absolute, timeout=self._timeout_ms)
        except PlaywrightError as exc:
            raise UnreachableError(f"cannot reach {absolute}: {_first_line(exc)}") from None
        body = response.body()
        media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        self._journal.append(f"GET {self._short(absolute)} -> {response.status}")
        return Resource.of(absolute, response.status, media_type, body)

    # --- steps, evidence and lifetime ---------------------------------------------------------

    def begin_step(self, title: str) -> None:
        if self._tracing:
            self._quietly(lambda: self._context.tracing.group(title))

    def end_step(self) -> None:
        if self._tracing:
            self._quietly(self._context.tracing.group_end)

    def evidence(self) -> Evidence:
        evidence = Evidence(url=self._page.url, journal=list(self._journal))
        try:
            evidence.html = self._page.content()
        except PlaywrightError as exc:
            evidence.html = f"<!-- page content unavailable: {_first_line(exc)} -->"
        try:
            evidence.screenshot_png = self._page.screenshot(full_page=True, timeout=self._timeout_ms)
        except PlaywrightError:
            evidence.screenshot_png = None  # a crashed page has no picture; the HTML and trace remain
        evidence.trace_zip = self._stop_trace(keep=True)
        return evidence

    def close(self) -> None:
        self._stop_trace(keep=False)
        self._quietly(self._context.close)

    # --- internals ---------------------------------------------------------------------------

    def _by_keyboard(self, target: Locator, selector: str, work: Callable[[], None]) -> None:
        """Keyboard mode: the element must be there like for a mouse; reaching it is the keys' job."""
        self._wait_attached(target, selector, "no field matches")
        try:
            work()
        except PlaywrightError as exc:
            raise EngineError(f"cannot use {selector} on {self._where()}: {_first_line(exc)}") from None

    def _all(self, selector: str) -> Locator:
        try:
            parsed = locators.parse(selector)
        except locators.LocatorError as exc:
            raise EngineError(f"invalid locator {selector!r}: {exc}") from None
        return to_playwright(self._page, parsed)

    def _settled(self, selector: str) -> Locator:
        """Elements to read once the page has settled: absence is never judged at the first look
        (cheap when it has: one question to the page)."""
        self._settle()
        return self._all(selector)

    def _first(self, selector: str, doing: str) -> Locator:
        target = self._all(selector)
        self._wait_attached(target, selector, f"nothing to {doing} matches")
        return target.first

    def _wait_attached(self, target: Locator, selector: str, problem: str) -> None:
        """Give script-rendered content the action timeout to appear before calling it missing."""
        try:
            target.first.wait_for(state="attached", timeout=self._action_ms)
        except PlaywrightTimeout:
            raise EngineError(f"{problem} {selector} on {self._where()}") from None
        except PlaywrightError as exc:
            raise EngineError(f"cannot look for {selector} on {self._where()}: {_first_line(exc)}") from None

    def _read(self, read: Callable[[], T]) -> T:
        try:
            return read()
        except PlaywrightError as exc:
            raise EngineError(f"cannot read the page {self._where()}: {_first_line(exc)}") from None

    def _settle(self) -> None:
        if not self._idle:
            self._idle = self._activity.settle(self._settle_seconds)

    def _on_request(self, request: Request) -> None:
        if self._activity.started(request):
            self._idle = False

    def _on_request_done(self, request: Request) -> None:
        self._activity.ended(request)

    def _on_request_failed(self, request: Request) -> None:
        self._on_request_done(request)
        reason = _reason(request.failure or "failed")
        if request.resource_type in _JOURNALLED:
            self._journal.append(f"{request.method} {self._short(request.url)} -> failed: {reason}")
        # (a navigation replaced by another one is aborted: not a failure)
        main_document = request.is_navigation_request() and request.frame == self._page.main_frame
        if main_document and "aborted" not in reason:
            self._navigation_failure = f"cannot reach {request.url}: {reason}"

    def _on_response(self, response: Response) -> None:
        request = response.request
        if request.resource_type in _JOURNALLED:
            self._journal.append(f"{request.method} {self._short(response.url)} -> {response.status}")
        if request.is_navigation_request() and request.frame == self._page.main_frame:
            self._document_status = response.status
            self._documents += 1

    def _navigation_error(self, url: str, exc: PlaywrightError) -> EngineError:
        message = _first_line(exc)
        code = _NET_ERROR.search(message)
        if code:
            return UnreachableError(f"cannot reach {url}: {_reason(code.group(1))}")
        if isinstance(exc, PlaywrightTimeout):
            return UnreachableError(f"cannot reach {url}: no answer within {self._timeout_ms / 1000:g} s")
        return EngineError(f"cannot open {url}: {message}")

    def _stop_trace(self, *, keep: bool) -> bytes | None:
        if not self._tracing:
            return None
        self._tracing = False
        if not keep:
            self._quietly(self._context.tracing.stop_chunk)
            self._quietly(self._context.tracing.stop)
            return None
        with tempfile.TemporaryDirectory(prefix="portalcert-trace-") as folder:
            path = Path(folder) / "trace.zip"
            try:
                self._context.tracing.stop_chunk(path=path)
                self._context.tracing.stop()
                return path.read_bytes()
            except (PlaywrightError, OSError):
                return None

    def _quietly(self, action: Callable[[], object]) -> None:
        with contextlib.suppress(PlaywrightError):  # cleanup of a context whose browser went away
            action()

    def _where(self) -> str:
        url = self._page.url
        return url if url and url != "about:blank" else "(no page loaded yet)"


def to_playwright(root: Page | Locator, locator: locators.Locator) -> Locator:
    """A page-map locator as a Playwright locator: each chained part searches inside the previous."""
    current: Page | Locator = root
    for part in locator.parts:
        if part.kind == "css":
            current = current.locator(f"css={part.value}")
        elif part.kind == "text":
            current = current.get_by_text(part.value, exact=True)
        elif part.kind == "label":
            current = current.get_by_label(part.value, exact=True)
        elif part.kind == "role":
            role = cast(Any, part.value)  # one of locators.ROLES, all ARIA roles Playwright knows
            if part.name is None:
                current = current.get_by_role(role)
            else:
                current = current.get_by_role(role, name=part.name, exact=True)
        elif part.kind == "testid":
            current = current.get_by_test_id(part.value)
        else:  # pragma: no cover - locators.parse admits only the kinds above
            raise EngineError(f"unsupported locator kind {part.kind!r}")
    assert isinstance(current, Locator)
    return current


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "message", "") or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _reason(error: str) -> str:
    if "CONNECTION_REFUSED" in error:
        return "connection refused"
    if "NAME_NOT_RESOLVED" in error:
        return "host name not found"
    if "TIMED_OUT" in error:
        return "no answer in time"
    if "ABORTED" in error:
        return "aborted"
    return error.removeprefix("net::")
