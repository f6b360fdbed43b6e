"""Load every portal's data set into the database (at start and on the control API's reset)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask


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
    """Empty the database, set the clock back to real time and load each portal's data set.

    A document id in `given` brings that portal's data; the others load their configured file
    (`FIXTURES`). Defects stay as they are: the harness switches them independently of resets.
    """
    from simulator import clock, config, portals
    from simulator.db import get_database, reset_schema

    given = given or {}
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
    with app.app_context():
        reset_schema(app)
        clock.get_clock(app).reset()
        with get_database(app).session() as db:
            for portal in portals.discover():
                try:
                    portal.load_data_set(db, data[portal.document])
                except FixtureError as exc:
                    raise FixtureError(f"{portal.document}: {exc}", portal.document) from exc
            db.commit()
