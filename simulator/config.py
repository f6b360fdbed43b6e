"""Configuration defaults and how they are overridden.

Precedence (lowest first): the defaults below, `SIMULATOR_<KEY>` environment variables, `test_config`.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULTS: dict[str, Any] = {
    "DATABASE_URL": None,  # None: SQLite file under the instance folder (decided in `apply_config`)
    "SECRET_KEY": None,  # None: random per process
    "CONTROL_TOKEN": None,
    "CAPTCHA_TEST_VALUE": None,
    "FIXTURES_PATH": "fixtures/cm6.json",
    "DEFECTS": (),
    "PASSWORD_HASH_METHOD": "scrypt",
    "SESSION_COOKIE_NAME": "cm6_session",
}


def _from_environment() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key in DEFAULTS:
        value = os.environ.get(f"SIMULATOR_{key}")
        if value is None:
            continue
        # A comma-separated list is the only way to pass several defect names through one variable.
        found[key] = tuple(n.strip() for n in value.split(",") if n.strip()) if key == "DEFECTS" else value
    return found


def apply_config(app: Flask, test_config: Mapping[str, Any] | None) -> None:
    """Fill `app.config` and resolve the values that depend on the app (paths, random secret)."""
    app.config.update(DEFAULTS)
    app.config.update(_from_environment())
    if test_config:
        app.config.update(test_config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = secrets.token_hex(32)
    if not app.config["DATABASE_URL"]:
        instance = Path(app.instance_path)
        instance.mkdir(parents=True, exist_ok=True)
        app.config["DATABASE_URL"] = f"sqlite:///{instance / 'simulator.sqlite3'}"
    app.config["DEFECTS"] = tuple(app.config["DEFECTS"] or ())


def fixtures_path(app: Flask) -> Path:
    """The data set file; a relative path is tried from the working directory, then the project root."""
    path = Path(app.config["FIXTURES_PATH"])
    if path.is_absolute() or path.exists():
        return path
    return PROJECT_ROOT / path
