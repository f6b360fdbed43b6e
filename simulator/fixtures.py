"""Load every portal's data set into the database (at start and on the control API's reset)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask
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
    from simulator import clock, portals
    from simulator.db import get_database

    data = _data_sets(app, given or {})
    simulated = clock.get_clock(app)
    offset = simulated.offset_seconds
    with app.app_context(), get_database(app).session() as db:
        simulated.reset()  # the data set's timestamps (temporary passwords) are issued at real time
        try:
            _empty_tables(db)
            for portal in portals.discover():
                try:
                    portal.load_data_set(db, data[portal.document])
                except FixtureError as exc:
                    raise FixtureError(f"{portal.document}: {exc}", portal.document) from exc
            db.commit()
        except BaseException:
            db.rollback()
            simulated.advance(timedelta(seconds=offset))
            raise


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


def _empty_tables(db: Session) -> None:
    from simulator.db import Base

    for table in reversed(Base.metadata.sorted_tables):
        db.execute(table.delete())
