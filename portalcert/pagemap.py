"""The page map: the one place where a target's URLs, locators and outcome markers live.

Tasks speak in logical names ("registration_step1", "identifier", "continue"); the page map
turns them into locators for the engine. A vendor adapts the suite by writing one of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portalcert import locators, yamlsource
from portalcert.errors import ConfigError
from portalcert.yamlsource import Node

SCHEMA = "portalcert-pagemap/1"


@dataclass(frozen=True)
class Readable:
    selector: str
    attribute: str | None = None  # read this attribute instead of the text


@dataclass(frozen=True)
class FieldSpec:
    selector: str
    options: dict[str, str] = field(default_factory=dict)  # logical option -> control value


@dataclass(frozen=True)
class PageSpec:
    name: str
    recognise: str
    url: str | None = None
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    actions: dict[str, str] = field(default_factory=dict)
    read: dict[str, Readable] = field(default_factory=dict)
    # Each kind of message a refusal check names ("username_taken") -> the locator of that message,
    # so that a different error never satisfies a check that expects this one.
    errors: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PageMap:
    source: str
    pages: dict[str, PageSpec]
    common: PageSpec

    def page(self, name: str) -> PageSpec:
        try:
            return self.pages[name]
        except KeyError:
            raise ConfigError(self.source, f"pages.{name}", "page not in the page map") from None

    def field(self, page: str, name: str) -> FieldSpec:
        spec = self.page(page).fields.get(name) or self.common.fields.get(name)
        if spec is None:
            raise ConfigError(self.source, f"pages.{page}.fields.{name}", "field not in the page map")
        return spec

    def action(self, page: str | None, name: str) -> str:
        selector: str = self._element("actions", page, name, "action")
        return selector

    def error(self, page: str | None, kind: str) -> str:
        selector: str = self._element("errors", page, kind, "kind of message")
        return selector

    def readable(self, page: str | None, name: str) -> Readable:
        spec: Readable = self._element("read", page, name, "readable element")
        return spec

    def _element(self, section: str, page: str | None, name: str, what: str) -> Any:
        """A page's own entry of `section`, else the common one; missing: a ConfigError naming the key."""
        found = (getattr(self.page(page), section).get(name) if page else None) or getattr(
            self.common, section
        ).get(name)
        if found is None:
            where = f"pages.{page}.{section}.{name}" if page else f"common.{section}.{name}"
            raise ConfigError(self.source, where, f"{what} not in the page map")
        return found

    def key(self, kind: str, page: str | None, name: str) -> str:
        """The key a lookup of an element resolves to: the page's own entry, else the common one."""
        if page and name in getattr(self.page(page), kind):
            return f"pages.{page}.{kind}.{name}"
        return f"common.{kind}.{name}"

    def entries(self) -> dict[str, str]:
        """Every locator of the page map by key: "pages.login.recognise", "common.read.error", ..."""
        found: dict[str, str] = {}
        for prefix, spec in [*((f"pages.{n}", p) for n, p in self.pages.items()), ("common", self.common)]:
            if spec.recognise:
                found[f"{prefix}.recognise"] = spec.recognise
            found.update({f"{prefix}.fields.{n}": f.selector for n, f in spec.fields.items()})
            found.update({f"{prefix}.actions.{n}": a for n, a in spec.actions.items()})
            found.update({f"{prefix}.read.{n}": r.selector for n, r in spec.read.items()})
            found.update({f"{prefix}.errors.{n}": e for n, e in spec.errors.items()})
        return found


_PAGE_KEYS = {"url", "recognise", "fields", "actions", "read", "errors"}


def _selector(node: Node) -> str:
    """A locator string, checked now: a typo in a page map is a config error, not N broken scenarios."""
    text = node.string()
    if not text.strip():
        raise node.fail("locator is empty")
    try:
        locators.parse(text)
    except locators.LocatorError as exc:
        raise node.fail(f"invalid locator {text!r}: {exc}") from None
    return text


def _field(node: Node) -> FieldSpec:
    if isinstance(node.value, str):
        return FieldSpec(_selector(node))
    node.reject_unknown({"selector", "options"})
    options = {name: option.string() for name, option in node.child("options").items()}
    return FieldSpec(_selector(node.child("selector")), options)


def _readable(node: Node) -> Readable:
    if isinstance(node.value, str):
        return Readable(_selector(node))
    node.reject_unknown({"selector", "attribute"})
    attribute = node.child("attribute").string(required=False) or None
    return Readable(_selector(node.child("selector")), attribute)


def _page(name: str, node: Node, *, common: bool = False) -> PageSpec:
    node.reject_unknown({"fields", "actions", "read", "errors"} if common else _PAGE_KEYS)
    return PageSpec(
        name=name,
        recognise="" if common else _selector(node.child("recognise")),
        url=None if common else (node.child("url").string(required=False) or None),
        fields={key: _field(value) for key, value in node.child("fields").items()},
        actions={key: _selector(value) for key, value in node.child("actions").items()},
        read={key: _readable(value) for key, value in node.child("read").items()},
        errors={key: _selector(value) for key, value in node.child("errors").items()},
    )


def parse(root: Node) -> PageMap:
    root.reject_unknown({"schema", "document", "common", "pages"})
    schema = root.child("schema")
    if schema.string() != SCHEMA:
        raise schema.fail(f"unsupported schema {schema.value!r} (expected {SCHEMA})")
    pages = {name: _page(name, node) for name, node in root.child("pages").items()}
    if not pages:
        raise root.child("pages").fail("at least one page is required")
    return PageMap(root.source, pages, _page("common", root.child("common"), common=True))


def load(path: Path) -> PageMap:
    return parse(yamlsource.load(path))
