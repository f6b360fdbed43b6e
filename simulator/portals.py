"""The portals the simulator serves: one per document package that has a `simulator` subpackage.

The core knows no document by name. `discover()` walks the `documents` package and imports
`documents.<name>.simulator` where it exists; that module exposes `PORTAL`, a `PortalSpec`.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Blueprint
from sqlalchemy.orm import Session

import documents
from simulator.defects import Defect

# Loads one document's data set into the (already emptied) database; raises fixtures.FixtureError.
DataSetLoader = Callable[[Session, Mapping[str, Any]], None]
# A back-office event (an order system's purchase, an advisor's validation): what happens outside the
# portal's pages but changes what they show. Gets the request's session and the event's parameters;
# returns what the caller may need to know (or None); raises EventRefused for parameters it cannot use.
EventHandler = Callable[[Session, Mapping[str, Any]], Mapping[str, Any] | None]


class EventRefused(Exception):
    """A back-office event's parameters do not fit the portal's data (answered 400 with the message)."""


@dataclass(frozen=True)
class PortalSpec:
    document: str  # the document id, e.g. "tim-convenzione-mobile-6"
    title: str  # shown on the simulator's index page
    blueprint: Blueprint
    url_prefix: str  # e.g. "/cm6": where the blueprint is mounted
    defects: tuple[Defect, ...]
    load_data_set: DataSetLoader
    default_fixtures: Path  # the data set loaded when the configuration names none
    # Back-office events by name, served at POST /_sim/events/<name>; names are unique across portals,
    # so each starts with the document's short name (e.g. "tis_purchase").
    events: Mapping[str, EventHandler] = field(default_factory=dict)


class PortalError(RuntimeError):
    """A document package's portal is malformed or clashes with another one."""


@functools.cache
def discover() -> tuple[PortalSpec, ...]:
    """Every document's portal, sorted by package name; checked for clashes once per process."""
    found: list[PortalSpec] = []
    for module in sorted(pkgutil.iter_modules(documents.__path__), key=lambda m: m.name):
        if not module.ispkg:
            continue
        name = f"{documents.__name__}.{module.name}.simulator"
        if importlib.util.find_spec(name) is None:
            continue  # a document without a simulator portal
        portal = getattr(importlib.import_module(name), "PORTAL", None)
        if not isinstance(portal, PortalSpec):
            raise PortalError(f"{name}.PORTAL must be a simulator.portals.PortalSpec")
        found.append(portal)
    _check_unique(found)
    return tuple(found)


def _check_unique(portals: list[PortalSpec]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for portal in portals:
        keys = [("document", portal.document), ("url prefix", portal.url_prefix)]
        keys += [("defect", defect.name) for defect in portal.defects]
        keys += [("event", name) for name in portal.events]
        for key in keys:
            if key in seen:
                raise PortalError(f"{key[0]} {key[1]!r} is declared by {seen[key]} and {portal.document}")
            seen[key] = portal.document


def event_handler(name: str) -> EventHandler | None:
    """The handler of the back-office event `name`, whichever portal declares it."""
    for portal in discover():
        if name in portal.events:
            return portal.events[name]
    return None
