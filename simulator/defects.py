"""Defect switches: the mechanism. Each document's simulator portal lists its own catalogue.

The harness turns switches on one at a time to prove that the suite notices; a portal's code asks
`enabled(name)` at the precise point where the behaviour differs. Every such question is recorded
("reached"), on or off, so that the harness can tell which scenarios could notice a switch at all.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from flask import Flask, current_app

_EXTENSION = "simulator.defects"


@dataclass(frozen=True)
class Defect:
    name: str
    rule: str
    description: str
    # The scenarios it makes FAIL ("CM6-17: <scenario name>"), and those it leaves unjudgeable
    # (BROKEN: a bug on the happy path stops every scenario whose Given walks it). No others: the
    # sensitivity test (tests/test_sensitivity.py) checks each declaration against a measured run.
    kills: tuple[str, ...] = ()
    breaks: tuple[str, ...] = ()


def catalogue() -> tuple[Defect, ...]:
    """Every defect of every portal, in portal discovery order (names are unique across portals)."""
    from simulator import portals

    return tuple(defect for portal in portals.discover() for defect in portal.defects)


class UnknownDefectError(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown defect: {name}")
        self.name = name


class DefectSet:
    """The defects enabled in one app (replaced wholesale by the control API) and those consulted."""

    def __init__(self, known: Iterable[str], names: Iterable[str] = ()) -> None:
        self.known: frozenset[str] = frozenset(known)
        self._lock = threading.Lock()
        self._enabled: frozenset[str] = frozenset()
        self._reached: set[str] = set()
        self.replace(names)

    def replace(self, names: Iterable[str]) -> None:
        wanted = frozenset(names)
        for name in sorted(wanted - self.known):
            raise UnknownDefectError(name)
        with self._lock:
            self._enabled = wanted

    def __contains__(self, name: object) -> bool:
        with self._lock:
            return name in self._enabled

    def consult(self, name: str) -> bool:
        """Whether `name` is on, remembering that the portal's code asked."""
        if name not in self.known:
            raise UnknownDefectError(name)
        with self._lock:
            self._reached.add(name)
            return name in self._enabled

    def reached(self) -> list[str]:
        with self._lock:
            return sorted(self._reached)

    def clear_reached(self) -> None:
        with self._lock:
            self._reached.clear()


def init_defects(app: Flask, known: Iterable[str]) -> None:
    app.extensions[_EXTENSION] = DefectSet(known, app.config["DEFECTS"])


def defect_set(app: Flask | None = None) -> DefectSet:
    found: DefectSet = (app or current_app).extensions[_EXTENSION]
    return found


def enabled(name: str) -> bool:
    """Whether defect `name` is switched on in the current app (a typo raises, not silently False)."""
    return defect_set().consult(name)
