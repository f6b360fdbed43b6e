"""Page-map contracts: the pages, fields, actions and readable elements each rule of a document uses.

A contract is generated from what a run on the reference simulator actually looks up
(`portalcert pagemap contract --document ID --write`), so it cannot drift from the tasks; a test
compares the committed file with a fresh run. Loading a target checks its page map against the
contracts of its documents, so a missing name is a configuration error naming the rules it
affects, before anything runs. The vendor's reference tables in docs/certify-your-portal.md are
generated from the contracts too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from portalcert import registry, yamlsource
from portalcert.errors import ConfigError
from portalcert.locator_ledger import ELEMENT_KINDS, FILLABLE, Lookups
from portalcert.pagemap import PageMap
from portalcert.yamlsource import Node

SCHEMA = "portalcert-pagemap-contract/1"
COMMON = "common"  # names looked up on no particular page
KINDS = ELEMENT_KINDS
ROUTES = "routes"


@dataclass(frozen=True)
class Contract:
    document: str
    rules: dict[str, Lookups]  # rule id -> page-map names its scenarios use
    source: str = ""


def contract_path(document: str) -> Path:
    return registry.get(document).contract


def _names(node: Node) -> set[str]:
    return set(node.strings()) if node.value is not None else set()


def _rule(node: Node) -> Lookups:
    node.reject_unknown({"pages", "open", *KINDS, FILLABLE, ROUTES})
    lookups = Lookups(pages=_names(node.child("pages")), open=_names(node.child("open")))
    lookups.routes = {page: route.strings() for page, route in node.child(ROUTES).items()}
    for kind in (*KINDS, FILLABLE):
        for page, names in node.child(kind).items():
            getattr(lookups, kind)[page] = _names(names)
    return lookups


def load(path: Path) -> Contract:
    root = yamlsource.load(path)
    root.reject_unknown({"schema", "document", "rules"})
    schema = root.child("schema")
    if schema.string() != SCHEMA:
        raise schema.fail(f"unsupported schema {schema.value!r} (expected {SCHEMA})")
    rules = {rule: _rule(node) for rule, node in root.child("rules").items()}
    return Contract(root.child("document").string(), rules, str(path))


def from_lookups(document: str, by_rule: dict[str, Lookups], rule_ids: list[str]) -> Contract:
    """The contract of `document` from what a run looked up, for its rules (in document order)."""
    return Contract(document, {rule: by_rule[rule] for rule in rule_ids if rule in by_rule})


def dump(contract: Contract) -> str:
    """Deterministic YAML: rules in document order, names sorted."""
    lines = [
        "# Generated from a run on the reference simulator: do not edit. Regenerate with",
        f"#   portalcert pagemap contract --document {contract.document} --write",
        "# Per rule, the page-map names its scenarios use: pages recognised, pages opened by URL",
        "# (they need a `url`), and fields, actions and readable elements by page (`common`: any page;",
        "# a name listed under a page may also be given under `common` in a page map). `fillable`: fields",
        "# a form is offered from the account's data, filled when the page map has them, needed only",
        "# when listed under `fields` too. `routes`: the clicks that reach a page, needed unless the",
        "# page map gives that page a `path`.",
        f"schema: {SCHEMA}",
        f"document: {contract.document}",
        "rules:",
    ]
    for rule, lookups in contract.rules.items():
        lines.append(f"  {rule}:")
        for label, names in (("pages", lookups.pages), ("open", lookups.open)):
            if names:
                lines.append(f"    {label}: [{', '.join(sorted(names))}]")
        for kind in (*KINDS, FILLABLE):
            table: dict[str, set[str]] = getattr(lookups, kind)
            if table:
                lines.append(f"    {kind}:")
                lines += [f"      {page}: [{', '.join(sorted(table[page]))}]" for page in sorted(table)]
        if lookups.routes:
            lines.append(f"    {ROUTES}:")
            lines += [f"      {page}: [{', '.join(lookups.routes[page])}]" for page in sorted(lookups.routes)]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Need:
    """One page-map name a rule uses: a page, its url, or a field/action/readable of a page."""

    key: str  # the page-map key reported when it is missing
    kind: str  # "page", "url", "route" (a step of the clicks to `page`) or one of KINDS
    page: str
    name: str = ""

    def met_by(self, pagemap: PageMap) -> bool:
        if self.page != COMMON and self.page not in pagemap.pages:
            return self.kind != "page"  # only the page itself is reported missing
        if self.kind == "page":
            return True
        if self.kind == "route":
            return bool(pagemap.pages[self.page].path) or _has_step(pagemap, self.name)
        if self.kind == "url":
            return bool(pagemap.pages[self.page].url)
        # The Portal looks a page's name up on the page, then under `common`.
        on_page = self.page != COMMON and self.name in getattr(pagemap.pages[self.page], self.kind)
        return on_page or self.name in getattr(pagemap.common, self.kind)


def requirements(lookups: Lookups) -> list[Need]:
    """Everything a rule uses; a missing page is reported once, as the page."""
    tables: list[tuple[str, dict[str, set[str]]]] = [(kind, getattr(lookups, kind)) for kind in KINDS]
    pages = lookups.pages | lookups.open | {page for _, table in tables for page in table} - {COMMON}
    needs = [Need(f"pages.{page}", "page", page) for page in sorted(pages)]
    needs += [Need(f"pages.{page}.url", "url", page) for page in sorted(lookups.open)]
    for kind, table in tables:
        for page in sorted(table):
            prefix = COMMON if page == COMMON else f"pages.{page}"
            needs += [Need(f"{prefix}.{kind}.{name}", kind, page, name) for name in sorted(table[page])]
    for page, route in sorted(lookups.routes.items()):
        needs += [Need(f"{_step_key(step)} (or pages.{page}.path)", "route", page, step) for step in route]
    return needs


def _step_key(step: str) -> str:
    on, _, action = step.partition(".")
    return f"{COMMON}.actions.{action}" if on == COMMON else f"pages.{on}.actions.{action}"


def _has_step(pagemap: PageMap, step: str) -> bool:
    """A route's click can be made: its page is in the map with the action (or the action is common)."""
    on, _, action = step.partition(".")
    if action in pagemap.common.actions:
        return True
    return on in pagemap.pages and action in pagemap.pages[on].actions


def missing(pagemap: PageMap, contract: Contract, in_scope: Callable[[str], bool]) -> dict[str, list[str]]:
    """Page-map key -> the rules in scope that need it and cannot find it."""
    gaps: dict[str, list[str]] = {}
    for rule, lookups in contract.rules.items():
        if in_scope(rule):
            for need in requirements(lookups):
                if not need.met_by(pagemap):
                    gaps.setdefault(need.key, []).append(rule)
    return gaps


def check(pagemap: PageMap, document: str, in_scope: Callable[[str], bool]) -> None:
    """Raise a ConfigError naming every page-map name the document's rules in scope need and do not find."""
    gaps: dict[str, list[str]] = {}
    path = contract_path(document)
    if path.exists():
        for key, rules in missing(pagemap, load(path), in_scope).items():
            gaps.setdefault(key, []).extend(rules)
    if not gaps:
        return
    (key, rules), *others = gaps.items()
    message = f"not in the page map; used by {', '.join(rules)}"
    if others:
        message += "; also missing: " + "; ".join(f"{k} (used by {', '.join(r)})" for k, r in others)
    raise ConfigError(pagemap.source, key, message)


def unknown_names(pagemap: PageMap, contract: Contract) -> list[str]:
    """Page-map keys of fields, actions, readable elements and messages that no rule of the contract
    uses or offers to fill, nor a page's `path` presses: the tasks would never look them up."""
    known: set[tuple[str, str, str]] = set()  # (page, kind, name)
    for lookups in contract.rules.values():
        for kind in (*KINDS, FILLABLE):
            for page, names in getattr(lookups, kind).items():
                known |= {(page, "fields" if kind == FILLABLE else kind, name) for name in names}
    pressed = pagemap.path_actions() | {
        _step_key(step)
        for lookups in contract.rules.values()
        for route in lookups.routes.values()
        for step in route
    }
    unknown = []
    for page, spec in [*pagemap.pages.items(), (COMMON, pagemap.common)]:
        for kind in KINDS:
            for name in getattr(spec, kind):
                key = f"{COMMON if page == COMMON else f'pages.{page}'}.{kind}.{name}"
                # A common entry serves a lookup on any page; a page's own entry only that page's.
                used = any(k == kind and n == name for _, k, n in known) if page == COMMON else False
                if not (used or (page, kind, name) in known or key in pressed):
                    unknown.append(key)
    return unknown


def _rule_list(rules: list[str]) -> str:
    """ "CM6-01, 02, 04": the document prefix once, then the numbers."""
    if not rules:
        return ""
    prefix = rules[0].rsplit("-", 1)[0] + "-"
    return ", ".join([rules[0], *(r.removeprefix(prefix) for r in rules[1:])])


def markdown(contract: Contract) -> str:
    """The page-map reference tables a vendor reads, generated from the contract."""
    users: dict[tuple[str, str, str], list[str]] = {}  # (page, kind, name) -> rules
    for rule, lookups in contract.rules.items():
        for page in lookups.pages:
            users.setdefault((page, "recognise", ""), []).append(rule)
        for page in lookups.open:
            users.setdefault((page, "url", ""), []).append(rule)
        for kind in (*KINDS, FILLABLE):
            for page, used in getattr(lookups, kind).items():
                for name in used:
                    users.setdefault((page, kind, name), []).append(rule)
    pages = sorted({page for page, _, _ in users} - {COMMON})

    def _optional(page: str) -> set[str]:
        """Offered to the page's form and needed by no rule there."""
        needed = {name for p, k, name in users if p == page and k == "fields"}
        return {name for p, k, name in users if p == page and k == FILLABLE} - needed

    def names(page: str, kind: str) -> str:
        found = sorted(name for p, k, name in users if p == page and k == kind)
        return ", ".join(f"`{name}`" for name in found)

    lines = [
        "| page | recognised by | `url` needed by | fields | also filled when mapped | actions | read "
        "| kinds of message (`errors`) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for page in pages:
        recognised = _rule_list(users.get((page, "recognise", ""), []))
        url = _rule_list(users.get((page, "url", ""), []))
        row = [
            f"`{page}`",
            recognised,
            url,
            names(page, "fields"),
            ", ".join(f"`{n}`" for n in sorted(_optional(page))),
            names(page, "actions"),
            names(page, "read"),
            names(page, "errors"),
        ]
        lines.append("| " + " | ".join(row) + " |")
    routes: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for rule, lookups in contract.rules.items():
        for page, steps in lookups.routes.items():
            routes.setdefault((page, tuple(steps)), []).append(rule)
    if routes:
        lines += [
            "",
            "| page reached by clicks | clicks, unless the page map gives it a `path` | used by |",
            "|---|---|---|",
        ]
        for (page, clicks), rules in sorted(routes.items()):
            lines.append(f"| `{page}` | {' → '.join(f'`{step}`' for step in clicks)} | {_rule_list(rules)} |")
    lines += ["", "| `common` name | used by |", "|---|---|"]
    for (page, kind, name), rules in sorted(users.items()):
        if page == COMMON:
            lines.append(f"| `{kind}.{name}` | {_rule_list(rules)} |")
    return "\n".join(lines) + "\n"
