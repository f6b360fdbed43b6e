"""Load every portal's data set into the database: into an empty one at start, afresh on a reset."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import literal, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session


class FixtureError(ValueError):
    """A data set that cannot be loaded; `document` names the portal whose data it was, if known."""

    def __init__(self, message: str, document: str | None = None) -> None:
        super().__init__(message)
        self.document = document


def read_file(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FixtureError(f"data set not found: {path}") from exc
    except json.JSONDecodeError as exc:
        raise FixtureError(f"data set {path} is not valid JSON: {exc.msg} (line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise FixtureError(f"data set {path} is not a JSON object")
    return data


def reload(app: Flask, given: Mapping[str, Mapping[str, Any]] | None = None) -> None:
    """Replace every table's rows by each portal's data set and set the clock back to real time.

    A document id in `given` brings that portal's data; the others load their configured file
    (`FIXTURES`). Defects stay as they are: the harness switches them independently of resets.
    All or nothing: the rows are replaced in one transaction, so a data set that cannot be loaded
    (FixtureError) leaves the tables and the clock as they were.
    """
    from simulator import clock, snapshot
    from simulator.db import get_database

    database = get_database(app)
    simulated = clock.get_clock(app)
    if not given and snapshot.restore(app, database):
        simulated.reset()
        return
    configured = snapshot.fingerprint(app)  # before reading: a file changed meanwhile is read again later
    data = _data_sets(app, given or {})
    offset = simulated.offset_seconds
    with app.app_context(), database.session() as db:
        simulated.reset()  # the data set's timestamps (temporary passwords) are issued at real time
        try:
            _empty_tables(db)
            _load_each(db, data)
            db.commit()
        except BaseException:
            db.rollback()
            simulated.advance(timedelta(seconds=offset))
            raise
    snapshot.take(app, database, None if given else configured)


def load_if_empty(app: Flask) -> bool:
    """Load the data sets into an empty database; a database that holds anything is kept as it is.

    That is what keeps a served simulator's users and sessions across restarts, and a second process
    on the same database from wiping the first one's. Two processes starting together on an empty
    database both try: the second one's inserts collide with the first one's rows (or wait for its
    lock, and are refused), and, finding the database no longer empty, it keeps what the first loaded.
    False when the database was kept.
    """
    attempts = 0
    while _is_empty(app):
        data = _data_sets(app, {})
        try:
            with app.app_context():
                _insert(app, data)
            return True
        except (FixtureError, OperationalError) as exc:
            attempts += 1
            if not _is_empty(app):
                break
            if attempts == _LOAD_ATTEMPTS or not _is_lock_timeout(exc):
                raise
            time.sleep(_LOAD_RETRY_PAUSE)
    return False


_LOAD_ATTEMPTS = 5
_LOAD_RETRY_PAUSE = 0.2


def _is_lock_timeout(exc: BaseException | None) -> bool:
    """Whether `exc` (or what it wraps) is the database refusing a write while another one holds it."""
    while exc is not None:
        if isinstance(exc, OperationalError):
            return True
        exc = exc.__cause__
    return False


def _is_empty(app: Flask) -> bool:
    from simulator.db import Base, get_database

    with get_database(app).session() as db:
        return not any(
            db.execute(select(literal(1)).select_from(table).limit(1)).first() is not None
            for table in Base.metadata.sorted_tables
        )


def _data_sets(app: Flask, given: Mapping[str, Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """Each portal's data set: the one in `given`, else its configured file (read before any change)."""
    from simulator import config, portals

    known = {portal.document for portal in portals.discover()}
    for document in sorted(set(given) - known):
        raise FixtureError(f"no portal serves document {document!r} (known: {', '.join(sorted(known))})")
    data: dict[str, Mapping[str, Any]] = {}
    for portal in portals.discover():
        try:
            data[portal.document] = (
                given[portal.document]
                if portal.document in given
                else read_file(config.fixtures_path(app, portal))
            )
        except FixtureError as exc:
            raise FixtureError(str(exc), portal.document) from exc
    return data


def _insert(app: Flask, data: Mapping[str, Mapping[str, Any]]) -> None:
    """Each portal's rows, in one transaction. Needs an app context."""
    from simulator.db import get_database

    with get_database(app).session() as db:
        _load_each(db, data)
        db.commit()


def _load_each(db: Session, data: Mapping[str, Mapping[str, Any]]) -> None:
    """Each portal's rows into `db` (not committed); a refusal names the portal's document."""
    from simulator import portals

    for portal in portals.discover():
        try:
            portal.load_data_set(db, data[portal.document])
        except FixtureError as exc:
            raise FixtureError(f"{portal.document}: {exc}", portal.document) from exc


def _empty_tables(db: Session) -> None:
    from simulator.db import Base

    for table in reversed(Base.metadata.sorted_tables):
        db.execute(table.delete())
