"""When the browser engine's page has done what a step set off: the engine's waiting strategy.

No fixed pause and no "network quiet" spell: analytics, long polls and delayed fetches make one
either never come or come too early. The engine waits for what a step can set off instead:

- a navigation: Playwright's click already waits for a navigation it starts to commit; the page
  also says when a script has asked to leave it (the Navigation API's `navigate` event);
- the page's own work: fetch()/XHR calls to the portal's host (counted by the page, from the moment
  a script makes them until the script has seen the answer) and timers a script has set to run
  shortly (a fetch after a `setTimeout`);
- the document: parsed (DOMContentLoaded) and loaded.

Third-party hosts (analytics, pixels), beacons and images never count; a call pending longer
than LONG_CALL_SECONDS (a long poll) stops counting, so does a page that loads for longer. The
whole wait is bounded: a page still busy after the engine's settle limit is judged as it is.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Request

from portalcert.engines.base import EngineError

LONG_CALL_SECONDS = 2.0  # a call (or a page load) pending longer is a long poll: it stops counting
SHORT_TIMER_MS = 1000  # setTimeout delays up to this: work the page is about to do
TIMER_CHAIN = 3  # timers set by timers set by timers...: past this depth a ticker, not a step's work
POLL_MS = 10
_COUNTED = {"document", "xhr", "fetch"}  # not images, styles, beacons ("ping"), websockets

# Installed in every document before its own scripts (Page.addScriptToEvaluateOnNewDocument, which
# a page's Content-Security-Policy does not block). `__portalcert.busy()` says what is still going on.
_PAGE_WORK = """((LONG, SHORT, CHAIN, POLL) => {
  if (window.__portalcert) return;
  const now = () => performance.now();
  const calls = new Map(), timers = new Map();
  let nextCall = 0, depth = 0, leaving = -1;
  const schedule = window.setTimeout.bind(window), cancel = window.clearTimeout.bind(window);
  const address = (url) => { try { return new URL(url, location.href); } catch { return null; } };
  // Done only once the script has run its own handlers of the answer: one task later.
  const track = (url) => {
    const target = address(url);
    if (!target || target.hostname !== location.hostname) return () => {};
    const id = nextCall++;
    calls.set(id, {started: now(), key: target.origin + target.pathname});
    return () => schedule(() => calls.delete(id), 0);
  };
  window.__portalcert = {
    busy(longPolls) {
      const t = now(), reasons = [];
      if (leaving >= 0 && t - leaving < LONG) reasons.push("leaving the page");
      if (document.readyState === "loading") reasons.push("parsing");
      else if (document.readyState !== "complete" && t < LONG) reasons.push("loading");
      for (const call of calls.values()) {
        if (t - call.started < LONG && !longPolls.includes(call.key)) { reasons.push("a call"); break; }
      }
      if (timers.size) reasons.push("a timer");
      return reasons.join(", ");
    },
    // Resolves with "" once nothing is going on, or with what still is after `limit` ms: one call
    // from the engine however long the page takes.
    idle(longPolls, limit) {
      const end = now() + limit;
      return new Promise((resolve) => {
        const check = () => {
          const reasons = this.busy(longPolls);
          if (!reasons || now() >= end) resolve(reasons); else schedule(check, POLL);
        };
        check();
      });
    },
  };
  if (window.navigation) {
    navigation.addEventListener("navigate", (event) => {
      if (!event.destination.sameDocument) leaving = now();
    });
  }
  if (window.fetch) {
    const fetch = window.fetch;
    window.fetch = function (resource, ...rest) {
      const done = track(resource instanceof Request ? resource.url : String(resource));
      let call;
      try { call = fetch.call(this, resource, ...rest); } catch (error) { done(); throw error; }
      // The answer is seen once its body has arrived (the script reads it after the headers).
      call.then((answer) => answer.clone().arrayBuffer()).then(done, done);
      return call;
    };
  }
  const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.__portalcertUrl = String(url);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    const done = track(this.__portalcertUrl || "");
    this.addEventListener("loadend", done, {once: true});
    try { return send.apply(this, args); } catch (error) { done(); throw error; }
  };
  window.setTimeout = function (handler, delay, ...args) {
    const level = depth + 1;
    if (typeof handler !== "function" || (Number(delay) || 0) > SHORT || level > CHAIN) {
      return schedule(handler, delay, ...args);
    }
    const id = schedule(function () {
      const outer = depth;
      depth = level;
      try { handler.apply(this, args); } finally { depth = outer; timers.delete(id); }
    }, delay);
    timers.set(id, level);
    return id;
  };
  window.clearTimeout = function (id) { timers.delete(id); return cancel(id); };
})"""
PAGE_WORK_SCRIPT = (
    f"{_PAGE_WORK}({LONG_CALL_SECONDS * 1000:.0f}, {SHORT_TIMER_MS}, {TIMER_CHAIN}, {POLL_MS});"
)

# A document without the script (about:blank before the first page) only needs to be parsed.
_IDLE = """([longPolls, limit]) => window.__portalcert
  ? window.__portalcert.idle(longPolls, limit) : (document.readyState === "loading" ? "parsing" : "")"""
# Addresses (origin + path) seen holding a call open past LONG_CALL_SECONDS: long polls. Such a
# call never counts again in this process, so only the first page that makes one pays the wait.
_LONG_POLLS: set[str] = set()


class PageActivity:
    """Requests to the portal's host in flight, seen from outside the page (Playwright's events).

    The page's own count (PAGE_WORK_SCRIPT) knows about a call the moment a script makes it; these
    events know about a document being loaded, which the leaving page cannot count.
    """

    def __init__(self, page: Page, base_url: str) -> None:
        self._page = page
        self._host = urlsplit(base_url).hostname or ""
        self._in_flight: dict[Request, float] = {}

    def started(self, request: Request) -> bool:
        """Count a request that was just sent; False for one that never counts (third party...)."""
        if request.resource_type in _COUNTED and self._first_party(request):
            self._in_flight[request] = time.monotonic()
            return True
        return False

    def ended(self, request: Request) -> None:
        self._in_flight.pop(request, None)

    def settle(self, limit_seconds: float) -> bool:
        """Wait until the page has done what the last step set off, at most `limit_seconds`; a page
        still busy then is judged as it is, like a person who has waited long enough. True: idle."""
        deadline = time.monotonic() + limit_seconds
        while (remaining := deadline - time.monotonic()) > 0:
            if self._requests_in_flight():
                self._pause()  # lets Playwright deliver the request events
                continue
            try:
                # Usually one round trip: the page answers once it is idle.
                still = self._page.evaluate(_IDLE, [sorted(_LONG_POLLS), remaining * 1000])
            except PlaywrightError as exc:
                self._check_open(exc)
                self._pause()  # the page's context is being replaced: a navigation
                continue
            if still or not self._requests_in_flight():
                return not still
        return False

    def _requests_in_flight(self) -> bool:
        now, busy = time.monotonic(), False
        for request, started in self._in_flight.items():
            key = _address(request.url)
            if now - started >= LONG_CALL_SECONDS:
                _LONG_POLLS.add(key)
            elif key not in _LONG_POLLS:
                busy = True
        return busy

    def _pause(self) -> None:
        try:
            self._page.wait_for_timeout(POLL_MS)
        except PlaywrightError as exc:
            self._check_open(exc)

    def _check_open(self, exc: PlaywrightError) -> None:
        if self._page.is_closed():
            raise EngineError(f"the browser page closed: {_first_line(exc)}") from None

    def _first_party(self, request: Request) -> bool:
        host = urlsplit(request.url).hostname
        return host in (self._host, urlsplit(self._page.url).hostname)


def _address(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path or '/'}"


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "message", "") or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
