"""A portal as the task layer sees it: logical pages, fields and actions, engine-agnostic."""

from __future__ import annotations

from portalcert.engines.base import Engine, EngineError, Resource
from portalcert.pagemap import PageMap


class Portal:
    """Resolves page-map names to locators and drives an Engine with them."""

    def __init__(self, engine: Engine, pagemap: PageMap) -> None:
        self.engine = engine
        self.map = pagemap

    # -- navigation -------------------------------------------------------------------
    def open(self, page: str) -> None:
        url = self.map.page(page).url
        if not url:
            raise EngineError(f"page {page!r} has no url in the page map and cannot be opened directly")
        self.engine.goto(url)

    def current_page(self) -> str | None:
        """The first page-map page whose recognition locator is present, if any."""
        for name, spec in self.map.pages.items():
            if self.engine.count(spec.recognise):
                return name
        return None

    def is_on(self, page: str) -> bool:
        return self.engine.count(self.map.page(page).recognise) > 0

    # -- interaction ------------------------------------------------------------------
    def fill(self, page: str, field: str, value: str) -> None:
        self.engine.fill(self.map.field(page, field).selector, value)

    def choose(self, page: str, field: str, option: str) -> None:
        spec = self.map.field(page, field)
        self.engine.choose(spec.selector, spec.options.get(option, option))

    def press(self, page: str | None, action: str) -> None:
        self.engine.press(self.map.action(page, action))

    def offers(self, page: str | None, action: str) -> bool:
        return self.engine.count(self.map.action(page, action)) > 0

    def fetch(self, page: str | None, action: str) -> Resource:
        return self.engine.fetch(self.map.action(page, action))

    # -- reading ----------------------------------------------------------------------
    def read(self, page: str | None, name: str) -> str | None:
        spec = self.map.readable(page, name)
        if spec.attribute:
            return self.engine.attribute(spec.selector, spec.attribute)
        return self.engine.text(spec.selector)

    def fetch_shown(self, page: str | None, name: str) -> Resource:
        """Fetch what a readable element displays (an image's picture), staying on the page."""
        return self.engine.fetch(self.map.readable(page, name).selector)

    def read_all(self, page: str | None, name: str) -> list[str]:
        return self.engine.texts(self.map.readable(page, name).selector)

    def shows(self, page: str | None, name: str) -> bool:
        return self.engine.count(self.map.readable(page, name).selector) > 0

    def shows_error(self, page: str | None, kind: str) -> bool:
        """Whether the page shows the message of this kind (the page map says which text it is)."""
        return self.engine.count(self.map.error(page, kind)) > 0
