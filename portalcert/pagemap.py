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
    # Clicks that lead here, each "<page>.<action>" or "common.<action>": instead of `url`, and instead
    # of the route a document's task would take through pages of its own (see Portal.go_to).
    path: tuple[str, ...] = ()
    speaks: frozenset[str] = frozenset()  # actions that speak (speechSynthesis) instead of linking audio


# What an interstitial's form may ask, each filled by the harness (see portalcert.interstitials).
INTERSTITIAL_FIELDS = ("new_password", "confirm_password", "current_password")


@dataclass(frozen=True)
class Interstitial:
    """A page a flow may pass through (forced password change, cookie banner, account prompt).

    Either it is passed (`fields` filled, then `pass` pressed) or being on it `counts_as` a page.
    """

    name: str
    recognise: str
    pass_action: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    counts_as: str = ""


@dataclass(frozen=True)
class PageMap:
    source: str
    pages: dict[str, PageSpec]
    common: PageSpec
    interstitials: dict[str, Interstitial] = field(default_factory=dict)

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

    def has_field(self, page: str, name: str) -> bool:
        return name in self.page(page).fields or name in self.common.fields

    def action(self, page: str | None, name: str) -> str:
        selector: str = self._element("actions", page, name, "action")
        return selector

    def error(self, page: str | None, kind: str) -> str:
        selector: str = self._element("errors", page, kind, "kind of message")
        return selector

    def readable(self, page: str | None, name: str) -> Readable:
        spec: Readable = self._element("read", page, name, "readable element")
        return spec

    def speaks(self, page: str | None, action: str) -> bool:
        """Pressing the action speaks (speechSynthesis): the page's own entry, else the common one."""
        if page is not None and action in self.page(page).actions:
            return action in self.page(page).speaks
        return action in self.common.speaks

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
        for name, stop in self.interstitials.items():
            found[f"interstitials.{name}.recognise"] = stop.recognise
            found.update({f"interstitials.{name}.fields.{n}": f for n, f in stop.fields.items()})
            if stop.pass_action:
                found[f"interstitials.{name}.pass"] = stop.pass_action
        return found

    def path_actions(self) -> set[str]:
        """The action keys the pages' `path`s press ("pages.menu.actions.admin", "common.actions.x")."""
        return {_path_key(step) for spec in self.pages.values() for step in spec.path}


def _path_key(step: str) -> str:
    page, action = step.split(".", 1)
    return f"common.actions.{action}" if page == COMMON else f"pages.{page}.actions.{action}"


COMMON = "common"
_PAGE_KEYS = {"url", "recognise", "fields", "actions", "read", "errors", "path"}


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


def _action(node: Node) -> tuple[str, bool]:
    """An action's locator, and whether pressing it speaks (`{selector: ..., speaks: true}`)."""
    if isinstance(node.value, str):
        return _selector(node), False
    node.reject_unknown({"selector", "speaks"})
    return _selector(node.child("selector")), node.child("speaks").boolean(default=False)


def _page(name: str, node: Node, *, common: bool = False) -> PageSpec:
    node.reject_unknown({"fields", "actions", "read", "errors"} if common else _PAGE_KEYS)
    actions = {key: _action(value) for key, value in node.child("actions").items()}
    return PageSpec(
        name=name,
        recognise="" if common else _selector(node.child("recognise")),
        url=None if common else (node.child("url").string(required=False) or None),
        fields={key: _field(value) for key, value in node.child("fields").items()},
        actions={key: selector for key, (selector, _) in actions.items()},
        read={key: _readable(value) for key, value in node.child("read").items()},
        errors={key: _selector(value) for key, value in node.child("errors").items()},
        path=tuple(node.child("path").strings()),
        speaks=frozenset(key for key, (_, speaks) in actions.items() if speaks),
    )


def _check_path(node: Node, pages: dict[str, PageSpec], common: PageSpec) -> None:
    """Each step of a `path` names an action the page map has: a typo is found before any run."""
    for index, step in enumerate(node.strings()):
        step_node = Node(step, node.source, f"{node.key}[{index}]", node.line)
        page, _, action = step.partition(".")
        if not action:
            raise step_node.fail(f"expected <page>.<action> or common.<action>, got {step!r}")
        spec = common if page == COMMON else pages.get(page)
        if spec is None:
            raise step_node.fail(f"page {page!r} is not in the page map")
        if action not in spec.actions:
            raise step_node.fail(f"{page}.actions has no {action!r}")


def _interstitial(name: str, node: Node, pages: dict[str, PageSpec]) -> Interstitial:
    node.reject_unknown({"recognise", "pass", "fields", "counts_as"})
    passed, counts_as = node.child("pass"), node.child("counts_as")
    if (passed.value is None) == (counts_as.value is None):
        raise node.fail("give either `pass` (the action that leaves it) or `counts_as` (a page)")
    fields = {}
    for field_name, value in node.child("fields").items():
        if field_name not in INTERSTITIAL_FIELDS:
            raise value.fail(f"unknown field (the harness fills: {', '.join(INTERSTITIAL_FIELDS)})")
        fields[field_name] = _selector(value)
    if counts_as.value is not None:
        if fields:
            raise node.child("fields").fail(
                "fields are filled only to pass an interstitial, not with counts_as"
            )
        if counts_as.string() not in pages:
            raise counts_as.fail(f"page {counts_as.value!r} is not in the page map")
    return Interstitial(
        name=name,
        recognise=_selector(node.child("recognise")),
        pass_action=_selector(passed) if passed.value is not None else "",
        fields=fields,
        counts_as=counts_as.string(required=False),
    )


def parse(root: Node) -> PageMap:
    root.reject_unknown({"schema", "document", "common", "pages", "interstitials"})
    schema = root.child("schema")
    if schema.string() != SCHEMA:
        raise schema.fail(f"unsupported schema {schema.value!r} (expected {SCHEMA})")
    pages = {name: _page(name, node) for name, node in root.child("pages").items()}
    if not pages:
        raise root.child("pages").fail("at least one page is required")
    common = _page(COMMON, root.child(COMMON), common=True)
    for _page_name, node in root.child("pages").items():
        _check_path(node.child("path"), pages, common)
    interstitials = {
        name: _interstitial(name, node, pages) for name, node in root.child("interstitials").items()
    }
    return PageMap(root.source, pages, common, interstitials)


def load(path: Path) -> PageMap:
    return parse(yamlsource.load(path))
