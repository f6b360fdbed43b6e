"""The documents a target answers for, each with its own page map, data set and message patterns.

    documents:                                 # the usual form
      tim-convenzione-mobile-6:
        pagemap: acme/cm6-pagemap.yaml
        data: acme/cm6-accounts.json
        patterns: {login_otp: "codice: (\\d{6})"}   # optional, over messages.patterns
    documents: {tim-convenzione-mobile-6: reference}   # the reference simulator's binding
    documents: all                                     # every document, each bound by reference
    documents: [tim-convenzione-mobile-6]      # one document, with top-level pagemap: and data:

`reference` reads `reference/binding.yaml` inside the document package: how the reference
simulator's portal for that document is mapped.

A baseline profile (`profiles/<name>/`) is put in scope like a document, by its id with `reference`
(`documents: {tim-convenzione-mobile-6: reference, security-baseline: reference}`), or by `all`; it
binds nothing of its own: it runs on the bindings of the documents in scope that opt in to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portalcert import datasets, registry, yamlsource
from portalcert import pagemap as pagemap_module
from portalcert.docspec import DocumentSpec, RuleScope
from portalcert.pagemap import PageMap
from portalcert.yamlsource import Node

REFERENCE = "reference"
ALL = "all"
_BINDING_KEYS = {"pagemap", "data", "patterns"}


@dataclass(frozen=True)
class DocumentBinding:
    """How one document's rules meet one portal."""

    document: str
    pagemap: PageMap
    data: Any  # the document's typed test data
    data_source: Path
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)


def compile_patterns(node: Node) -> dict[str, re.Pattern[str]]:
    patterns: dict[str, re.Pattern[str]] = {}
    for name, pattern in node.items():
        try:
            compiled = re.compile(pattern.string())
        except re.error as exc:
            raise pattern.fail(f"not a valid regular expression: {exc}") from None
        if compiled.groups != 1:
            raise pattern.fail("must have exactly one capturing group (the value to extract)")
        patterns[name] = compiled
    return patterns


def _path(node: Node, base: Path) -> Path:
    path = Path(node.string())
    return path if path.is_absolute() else (base / path).resolve()


def _binding(
    spec: DocumentSpec, node: Node, base: Path, scope: RuleScope, *, flat: bool = False
) -> DocumentBinding:
    """`node` holds pagemap, data and patterns (`flat`: the target's top level, other keys allowed);
    the data set is checked for what the rules in `scope` use."""
    if not flat:
        node.reject_unknown(_BINDING_KEYS)
    data_path = _path(node.child("data"), base)
    return DocumentBinding(
        document=spec.id,
        pagemap=pagemap_module.load(_path(node.child("pagemap"), base)),
        data=datasets.load(spec, data_path, scope),
        data_source=data_path,
        patterns={} if flat else compile_patterns(node.child("patterns")),
    )


def reference_binding(spec: DocumentSpec, scope: RuleScope = datasets.every_rule) -> DocumentBinding:
    path = spec.root / REFERENCE / "binding.yaml"
    return _binding(spec, yamlsource.load(path), path.parent, scope)


def _spec(node: Node, name: str) -> DocumentSpec:
    return registry.get(name, source=node.source, key=node.key if node.key else "documents")


def parse(root: Node, base: Path, scope: RuleScope = datasets.every_rule) -> dict[str, DocumentBinding]:
    """Bindings by document id, in the order the target names them; `scope`: the rules in scope."""
    documents = root.child("documents")
    single_pagemap, single_data = root.child("pagemap"), root.child("data")
    if documents.value == ALL:
        every = registry.all_documents().items()
        return {doc: reference_binding(spec, scope) for doc, spec in every if not spec.profile}
    if isinstance(documents.value, list):
        names = documents.strings()
        if len(names) != 1:
            raise documents.fail(
                "with top-level pagemap and data, name exactly one document; "
                "for several, give each its own pagemap and data (documents: {ID: {pagemap, data}})"
            )
        spec = _spec(Node(None, documents.source, "documents[0]", documents.line), names[0])
        return {spec.id: _binding(spec, root, base, scope, flat=True)}
    bindings: dict[str, DocumentBinding] = {}
    for name, node in documents.items():
        spec = _spec(node, name)
        if spec.profile:
            if node.value != REFERENCE:
                raise node.fail(f"{spec.id} is a profile: it binds nothing of its own, write `reference`")
            continue
        bindings[spec.id] = (
            reference_binding(spec, scope) if node.value == REFERENCE else _binding(spec, node, base, scope)
        )
    if not bindings:
        raise documents.fail("name the documents this target answers for")
    for stray in (single_pagemap, single_data):
        if stray.value is not None:
            raise stray.fail("belongs under documents.<id> when documents is a mapping")
    return bindings


def profiles(root: Node) -> tuple[str, ...]:
    """The baseline profiles in scope: every one for `all`, else those the mapping names."""
    documents = root.child("documents")
    every = registry.all_documents()
    if documents.value == ALL:
        return tuple(doc for doc, spec in every.items() if spec.profile)
    if not documents.is_mapping():
        return ()
    return tuple(name for name, _ in documents.items() if name in every and every[name].profile)
