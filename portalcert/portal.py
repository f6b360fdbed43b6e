"""A portal as the task layer sees it: logical pages, fields and actions, engine-agnostic.

The Portal is also where two rules of a deserved verdict are enforced:
- a Then step only observes: open, fill, choose and press raise `ActingInThen` inside a Then;
- every page-map entry it evaluates is recorded (did it ever match? did a check rely on its
  absence?), so a verdict resting on a locator that never matched can be set aside after the run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TypeVar
from urllib.parse import quote

from portalcert.checks import ActingInThen
from portalcert.engines.base import DeviceEmulator, Engine, EngineError, Listener, Resource, Spoken
from portalcert.interstitials import InterstitialPasser
from portalcert.locator_ledger import FILLABLE, ScenarioLocators
from portalcert.pagemap import COMMON, Interstitial, PageMap, Readable

THEN = "then"
T = TypeVar("T")
_URL_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill_url(key: str, template: str, params: Mapping[str, str]) -> str:
    """A page-map url with each {name} replaced by params[name], URL-quoted (EngineError names a
    missing one: the page map asks for a value the scenario does not give)."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            given = ", ".join(sorted(params)) or "none"
            raise EngineError(f"page map `{key}` ({template}) needs {{{name}}}; the scenario gives {given}")
        return quote(params[name], safe="")

    return _URL_PLACEHOLDER.sub(value, template)


class Portal:
    """Resolves page-map names to locators and drives an Engine with them."""

    def __init__(self, engine: Engine, pagemap: PageMap, locators: ScenarioLocators | None = None) -> None:
        self.engine = engine
        self.map = pagemap
        self.locators = locators or ScenarioLocators()
        # behave's step_type of the running step ("given", "when", "then"; And/But inherit it),
        # set by hooks.before_step.
        self.step_type = ""
        self._describing = False
        self.interstitials = InterstitialPasser(engine, pagemap, self.locators)

    # -- navigation -------------------------------------------------------------------
    def open(self, page: str, params: Mapping[str, str] | None = None) -> None:
        """Type the page's address, its {placeholders} filled from `params` (URL-quoted): how a user
        reaches a function by its URL, or tries another company's ids."""
        self._may_act("open", f"pages.{page}")
        self.locators.lookups.open.add(page)
        url = self.map.page(page).url
        if not url:
            raise EngineError(f"page {page!r} has no url in the page map and cannot be opened directly")
        self.engine.goto(fill_url(f"pages.{page}.url", url, params or {}))
        self._through_interstitials()

    def follow(self, url: str) -> None:
        """Go to an absolute http(s) address read from a message (an activation link in an e-mail)."""
        self._may_act("follow", "a link from a message")
        if not url.lower().startswith(("http://", "https://")):
            raise EngineError(f"cannot follow {url!r}: a link from a message must be an http(s) address")
        self.engine.goto(url)
        self._through_interstitials()

    def go_to(self, page: str, route: Sequence[str]) -> None:
        """Reach `page` by clicks: the page map's `path` for it when it gives one, else `route`, the
        document's own way ("<page>.<action>" or "common.<action>" steps). Only the page reached is
        recognised, by the caller; the contract records the route as needed unless a path replaces it."""
        self.locators.lookups.routes.setdefault(page, list(route))
        path = self.map.page(page).path
        for step in path or route:
            on, _, action = step.partition(".")
            if path:
                self.press(None if on == COMMON else on, action)
            else:
                with self.locators.unrecorded():  # the contract has the route, needed only without a path
                    self.press(None if on == COMMON else on, action)

    def current_page(self) -> str | None:
        """The first page-map page whose recognition locator is present, if any (an interstitial that
        counts as a page is that page; in a Given or When, the others are passed first).

        Only a match is recorded: trying every page's locator on one page says nothing about the others.
        """
        stop = self._through_interstitials()
        if stop is not None and stop.counts_as:
            return stop.counts_as
        for name, spec in self.map.pages.items():
            if self.engine.count(spec.recognise):
                self.locators.saw(f"pages.{name}.recognise", spec.recognise, matched=True)
                return name
        return None

    def is_on(self, page: str) -> bool:
        """Whether the portal shows `page` now, once the page has settled."""
        self.locators.lookups.pages.add(page)
        stop = self._through_interstitials()
        if stop is not None and stop.counts_as == page:
            return True
        shown = self._count(f"pages.{page}.recognise", self.map.page(page).recognise) > 0
        if not shown:
            self._no_interstitial_hides_it(stop)
        return shown

    def _through_interstitials(self) -> Interstitial | None:
        """The interstitial shown now, after passing what can be passed (never in a Then: it only looks)."""
        if self.step_type == THEN:
            return self.interstitials.shown() if self.map.interstitials else None
        return self.interstitials.pass_all()

    def arrives_on(self, page: str) -> bool:
        """Whether the portal shows `page`, giving a page that is still changing (a script's
        delayed fetch, then the next page) the engine's action time to show it: for a check that
        expects to be there. Not there by then is the same absence as `is_on`'s."""
        self.locators.lookups.pages.add(page)
        stop = self._through_interstitials()
        if stop is not None and stop.counts_as == page:
            return True
        key, selector = f"pages.{page}.recognise", self.map.page(page).recognise
        found = self.engine.wait_for(selector)
        self._saw(key, selector, matched=found)
        if not found:
            self._no_interstitial_hides_it(stop)
        return found

    def _no_interstitial_hides_it(self, shown: Interstitial | None) -> None:
        """On a page the map cannot name, "not on the page" also rests on each interstitial not being
        shown: one whose locator is a typo would be that unnamed page. Recorded as absences, so the
        verdict is set aside when such a locator matched nothing in the whole run. A page the map
        recognises (or an interstitial seen) says where the portal is: then nothing is hidden."""
        if not self.map.interstitials or shown is not None:
            return
        if any(self.engine.count(spec.recognise) for spec in self.map.pages.values()):
            return
        for name, stop in self.map.interstitials.items():
            self._saw(f"interstitials.{name}.recognise", stop.recognise, matched=False)

    # -- interaction ------------------------------------------------------------------
    def fill(self, page: str, field: str, value: str) -> None:
        key, selector = self._field(page, field)
        self._act("fill", key, selector, lambda: self.engine.fill(selector, value))

    def fill_form(self, page: str, values: Mapping[str, str], required: Collection[str]) -> None:
        """Fill a form from what the task can offer (the account's data): every field of `values` the
        page map has on `page`, in order. A required field the map lacks is a ConfigError, as in `fill`;
        the others are filled only when the portal asks for them (the map names them)."""
        unknown = set(required) - set(values)
        if unknown:  # a task's mistake: it requires what it does not offer
            raise ValueError(f"fill_form: required {sorted(unknown)} not among the values offered")
        for name, value in values.items():
            self.locators.lookups.add(FILLABLE, page, name)
            if name in required:
                self.fill(page, name, value)
            elif self.map.has_field(page, name):
                self._fill_offered(page, name, value)

    def _fill_offered(self, page: str, name: str, value: str) -> None:
        """Fill a field the task offered and the page map has (not recorded as needed by the rule)."""
        key, selector = self.map.key("fields", page, name), self.map.field(page, name).selector
        self._act("fill", key, selector, lambda: self.engine.fill(selector, value))

    def choose(self, page: str, field: str, option: str) -> None:
        key, selector = self._field(page, field)
        value = self.map.field(page, field).options.get(option, option)
        self._act("choose in", key, selector, lambda: self.engine.choose(selector, value))

    def press(self, page: str | None, action: str) -> None:
        key, selector = self._action(page, action)
        self._act("press", key, selector, lambda: self.engine.press(selector))
        self._through_interstitials()

    def offers(self, page: str | None, action: str) -> bool:
        """The page offers the action: it is there and not disabled (`disabled`, `aria-disabled`)."""
        key, selector = self._action(page, action)
        if self._count(key, selector) == 0:
            return False
        disabled = self.engine.attribute(selector, "disabled") is not None
        return not disabled and self.engine.attribute(selector, "aria-disabled") != "true"

    def offers_within(self, page: str | None, area: str, action: str) -> bool:
        """The action is offered inside a readable area of the page ("the bottom of the login window").

        When both the area and the action are found on the page but not one inside the other, that is
        seen, not inferred: it rests on no absence (a typo in either would have found nothing).
        """
        if not (self.shows(page, area) and self.offers(page, action)):
            return False
        inside = f"{self.map.readable(page, area).selector} >> {self.map.action(page, action)}"
        return self.engine.count(inside) > 0

    def fetch(self, page: str | None, action: str) -> Resource:
        """Fetch what an action points to without leaving the page: an observation, allowed in a Then."""
        key, selector = self._action(page, action)
        resource = self._located(key, selector, lambda: self.engine.fetch(selector))
        self.locators.saw(key, selector, matched=True)
        return resource

    def listen(self, page: str | None, action: str) -> Resource | Spoken:
        """What an audio action gives, staying on the page: the file it links, or for an action the
        page map marks `speaks: true`, what the page says with speechSynthesis when it is pressed.
        An observation like `fetch` (allowed in a Then): a speaker changes nothing on the portal."""
        if not self.map.speaks(page, action):
            return self.fetch(page, action)
        key, selector = self._action(page, action)
        listener = self.engine
        if not isinstance(listener, Listener):
            raise EngineError(f"`{key}` speaks: it needs the browser engine (speechSynthesis)")
        said = self._located(key, selector, lambda: listener.listen(selector))
        self.locators.saw(key, selector, matched=True)
        return Spoken(said)

    # -- devices (an engine that emulates them: the browser) ------------------------------
    def emulate(self, device: str) -> None:
        """Visit as `device` from now on (a Playwright device name: "iPhone 8"); acting, so not in a Then."""
        self._may_act("emulate", f"device {device!r}")
        self._emulator().emulate(device)

    def page_width(self) -> tuple[int, int]:
        """(the page's full width, the screen's width): a wider page scrolls sideways."""
        return self._emulator().page_width()

    def in_view(self, page: str | None, name: str) -> bool:
        """Whether the action (or, on `page`, the field) `name` is shown within the screen's width."""
        if page is not None and self.map.has_field(page, name):
            key, selector = self._field(page, name)
        else:
            key, selector = self._action(page, name)
        shown = self._emulator().in_view(selector)
        self._saw(key, selector, matched=shown is not None)
        return bool(shown)

    def _emulator(self) -> DeviceEmulator:
        if not isinstance(self.engine, DeviceEmulator):
            raise EngineError(
                f"laying pages out as a device needs the browser engine, not {self.engine.name}"
            )
        return self.engine

    # -- reading ----------------------------------------------------------------------
    def read(self, page: str | None, name: str) -> str | None:
        key, spec = self._readable(page, name)
        if spec.attribute:
            value = self.engine.attribute(spec.selector, spec.attribute)
            if value is None:  # no element, or an element without the attribute
                self._count(key, spec.selector)
            else:
                self.locators.saw(key, spec.selector, matched=True)
            return value
        text = self.engine.text(spec.selector)
        self._saw(key, spec.selector, matched=text is not None)
        return text

    def fetch_shown(self, page: str | None, name: str) -> Resource:
        """Fetch what a readable element displays (an image's picture), staying on the page."""
        key, spec = self._readable(page, name)
        resource = self._located(key, spec.selector, lambda: self.engine.fetch(spec.selector))
        self.locators.saw(key, spec.selector, matched=True)
        return resource

    def read_all(self, page: str | None, name: str) -> list[str]:
        key, spec = self._readable(page, name)
        texts = self.engine.texts(spec.selector)
        self._saw(key, spec.selector, matched=bool(texts))
        return texts

    def shows(self, page: str | None, name: str) -> bool:
        key, spec = self._readable(page, name)
        return self._count(key, spec.selector) > 0

    def shows_error(self, page: str | None, kind: str) -> bool:
        """Whether the page shows the message of this kind (the page map says which one it is)."""
        selector = self.map.error(page, kind)
        self.locators.lookups.add("errors", page, kind)
        return self._count(self.map.key("errors", page, kind), selector) > 0

    @contextmanager
    def describing(self) -> Iterator[None]:
        """Look at the page only to describe it in a message: no check relies on what is absent."""
        previous, self._describing = self._describing, True
        try:
            yield
        finally:
            self._describing = previous

    # -- bookkeeping ------------------------------------------------------------------
    def _field(self, page: str, name: str) -> tuple[str, str]:
        selector = self.map.field(page, name).selector
        self.locators.lookups.add("fields", page, name)
        return self.map.key("fields", page, name), selector

    def _action(self, page: str | None, name: str) -> tuple[str, str]:
        selector = self.map.action(page, name)
        self.locators.lookups.add("actions", page, name)
        return self.map.key("actions", page, name), selector

    def _readable(self, page: str | None, name: str) -> tuple[str, Readable]:
        spec = self.map.readable(page, name)
        self.locators.lookups.add("read", page, name)
        return self.map.key("read", page, name), spec

    def _count(self, key: str, selector: str) -> int:
        found = self.engine.count(selector)
        self._saw(key, selector, matched=found > 0)
        return found

    def _saw(self, key: str, selector: str, *, matched: bool) -> None:
        """Record an observation; finding nothing is an absence a check may rely on."""
        self.locators.saw(key, selector, matched=matched)
        if not matched and not self._describing:
            self.locators.rely_on_absence(key)

    def _may_act(self, verb: str, key: str) -> None:
        if self.step_type == THEN:
            raise ActingInThen(f"a Then step may only observe: it tried to {verb} `{key}`")

    def _act(self, verb: str, key: str, selector: str, action: Callable[[], None]) -> None:
        self._may_act(verb, key)
        self._located(key, selector, action)
        self.locators.saw(key, selector, matched=True)

    def _located(self, key: str, selector: str, use: Callable[[], T]) -> T:
        """Use an element; an engine error names the page-map entry, so a vendor knows what to fix."""
        try:
            return use()
        except EngineError as exc:
            self.locators.saw(key, selector, matched=self._present(selector))
            raise type(exc)(f"{exc} (page map `{key}`)") from exc

    def _present(self, selector: str) -> bool:
        try:
            return self.engine.count(selector) > 0
        except EngineError:
            return False
