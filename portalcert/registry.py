"""The document packages installed beside portalcert, found by looking, never by name.

Every sub-package of the top-level `documents` package that has a `document` module with a `DOCUMENT`
is a document; the generic harness imports none of them by name. Baseline profiles are found the same
way in the top-level `profiles` package (their `DOCUMENT` says `profile=True`).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path

from portalcert.docspec import DocumentSpec
from portalcert.errors import ConfigError

PACKAGE = "documents"
PROFILES = "profiles"


@cache
def all_documents() -> dict[str, DocumentSpec]:
    """Document id -> spec, documents then profiles, each in package-name order (stable across machines)."""
    found: dict[str, DocumentSpec] = {}
    for top in (PACKAGE, PROFILES):
        for spec in _specs_in(top):
            if spec.id in found:
                raise TypeError(f"document id {spec.id} is declared twice")
            if spec.profile != (top == PROFILES):
                raise TypeError(f"{spec.id}: a profile lives in {PROFILES}/, a document in {PACKAGE}/")
            found[spec.id] = spec
    return found


def _specs_in(top: str) -> list[DocumentSpec]:
    package = importlib.import_module(top)
    specs = []
    for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not module.ispkg:
            continue
        try:
            spec = importlib.import_module(f"{top}.{module.name}.document").DOCUMENT
        except ModuleNotFoundError as exc:
            if exc.name == f"{top}.{module.name}.document":
                continue  # a folder without a harness side (e.g. work in progress)
            raise
        if not isinstance(spec, DocumentSpec):
            raise TypeError(f"{top}.{module.name}.document.DOCUMENT is not a DocumentSpec")
        specs.append(spec)
    return specs


def ids() -> list[str]:
    return list(all_documents())


def get(document_id: str, *, source: str = "--document", key: str = "") -> DocumentSpec:
    try:
        return all_documents()[document_id]
    except KeyError:
        known = ", ".join(all_documents()) or "none"
        raise ConfigError(source, key, f"unknown document {document_id!r} (known: {known})") from None


def display_location(location: str) -> str:
    """`file:line` as reports show it: relative to the folder that holds `documents/`, wherever the run
    started (behave gives paths relative to the working directory)."""
    path, colon, line = location.rpartition(":")
    if not colon or not path:
        return location
    package = importlib.import_module(PACKAGE)
    root = Path(next(iter(package.__path__))).resolve().parent
    try:
        shown = Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return location
    return f"{shown}:{line}"


def of_rule(rule_id: str) -> DocumentSpec | None:
    """The document whose rule-id prefix `rule_id` carries."""
    prefix = rule_id.rpartition("-")[0]
    return next((spec for spec in all_documents().values() if spec.rule_prefix == prefix), None)
