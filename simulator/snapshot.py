"""Resets in about a millisecond: the database as it was right after loading the configured data sets,
kept in memory and copied back with SQLite's backup API.

A reset empties every table and loads every portal's data set again, which costs ~15 ms per document
and is done before every scenario. The copy is only used while the configured files are unchanged
(path, size and modification time) and for MAX_AGE: a data set's "now" (a temporary password issued
at the reset) is then at most that old, where the long way would make it exact. A reset given data
sets of its own, or a PostgreSQL database, takes the long way.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field

from flask import Flask

from simulator import config, portals
from simulator.db import Database

_EXTENSION = "simulator.snapshot"
MAX_AGE = 30.0  # seconds
Fingerprint = tuple[tuple[str, str, int, int], ...]


@dataclass
class Snapshot:
    fingerprint: Fingerprint
    copy: sqlite3.Connection
    taken: float = field(default_factory=time.monotonic)


def fingerprint(app: Flask) -> Fingerprint | None:
    """What the configured data sets are now; None when a file is missing (the long way reports it)."""
    found = []
    for portal in portals.discover():
        path = config.fixtures_path(app, portal)
        try:
            stat = path.stat()
        except OSError:
            return None
        found.append((portal.document, str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def take(app: Flask, database: Database, taken_for: Fingerprint | None) -> None:
    """Keep a copy of the database, just loaded from the files `taken_for` describes."""
    app.extensions.pop(_EXTENSION, None)
    if taken_for is None or database.engine.dialect.name != "sqlite":
        return
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    with database.lock:
        raw = database.engine.raw_connection()
        try:
            _sqlite(raw.driver_connection).backup(copy)
        finally:
            raw.close()
    app.extensions[_EXTENSION] = Snapshot(taken_for, copy)


def restore(app: Flask, database: Database) -> bool:
    """Copy the kept database back if the files are still those it was loaded from; False otherwise."""
    snapshot: Snapshot | None = app.extensions.get(_EXTENSION)
    if snapshot is None or time.monotonic() - snapshot.taken > MAX_AGE:
        return False
    if snapshot.fingerprint != fingerprint(app):
        return False
    with database.lock:
        raw = database.engine.raw_connection()
        try:
            snapshot.copy.backup(_sqlite(raw.driver_connection))
        finally:
            raw.close()
    return True


def _sqlite(connection: object) -> sqlite3.Connection:
    assert isinstance(connection, sqlite3.Connection)  # take() keeps copies of SQLite databases only
    return connection
