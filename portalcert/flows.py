"""The documented flows a document offers to profiles (accessibility, security), declared in its own package.

A profile's rules apply to every document in scope that opts in: the document's package has a
`flows` module (`documents/<name>/flows.py`) whose `FLOWS` lists the flows its guide documents, each
walked from start to end on the happy path by the document's own tasks. A profile calls them through
this declaration and never imports a document.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from portalcert import registry
from portalcert.actor import Actor
from portalcert.docspec import DocumentSpec

MODULE = "flows"


@dataclass(frozen=True)
class Flow:
    """One documented flow: `walk` takes a fresh actor of the document (its page map, data set and
    memory) from a signed-out visitor's first page to the flow's end, raising like any task (an
    EngineError or PreconditionFailed when it cannot get there)."""

    name: str  # "sign in", as the guide would say it
    walk: Callable[[Actor[Any, Any]], None]


def of(spec: DocumentSpec) -> tuple[Flow, ...]:
    """The flows `spec`'s package declares; none when it has no `flows` module (it does not opt in)."""
    name = f"{registry.PACKAGE}.{spec.root.name}.{MODULE}"
    if importlib.util.find_spec(name) is None:
        return ()
    declared = getattr(importlib.import_module(name), "FLOWS", ())
    if not all(isinstance(flow, Flow) for flow in declared):
        raise TypeError(f"{name}.FLOWS must hold portalcert.flows.Flow objects")
    return tuple(declared)
