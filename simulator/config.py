"""Configuration defaults and how they are overridden.

Precedence (lowest first): the defaults below, `SIMULATOR_<KEY>` environment variables, `test_config`.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask, request

if TYPE_CHECKING:
    from simulator.portals import PortalSpec

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULTS: dict[str, Any] = {
    "DATABASE_URL": None,  # None: SQLite file under the instance folder (decided in `apply_config`)
    "SECRET_KEY": None,  # None: random per process
    "CONTROL_TOKEN": None,
    "CAPTCHA_TEST_VALUE": None,
    "FIXTURES": {},  # document id -> data set file; a portal left out loads its `default_fixtures`
    "DEFECTS": (),
    "PASSWORD_HASH_METHOD": "scrypt",
    "SESSION_COOKIE_NAME": "simulator_session",
    # None: Secure exactly when the request came over HTTPS (plain http on loopback keeps working).
    "SESSION_COOKIE_SECURE": None,
    "MAX_CONTENT_LENGTH": 1024 * 1024,  # bytes per request body; larger ones get 413
    # Pages that never go quiet (long poll, analytics, late page name): see simulator.noise. Not a defect.
    "NOISY_PAGES": False,
}
_SECURE_WORDS = {"auto": None, "true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def _from_environment() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key in DEFAULTS:
        value = os.environ.get(f"SIMULATOR_{key}")
        if value is None:
            continue
        # Comma-separated lists are the only way to pass several values through one variable.
        if key == "DEFECTS":
            found[key] = tuple(n.strip() for n in value.split(",") if n.strip())
        elif key == "FIXTURES":
            found[key] = _parse_fixtures(value)
        elif key == "MAX_CONTENT_LENGTH":
            found[key] = _parse_size(value)
        elif key == "NOISY_PAGES":
            found[key] = _parse_switch(key, value)
        elif key == "SESSION_COOKIE_SECURE":
            if value.strip().lower() not in _SECURE_WORDS:
                raise ValueError(
                    f"SIMULATOR_SESSION_COOKIE_SECURE: expected auto, true or false, got {value!r}"
                )
            found[key] = _SECURE_WORDS[value.strip().lower()]
        else:
            found[key] = value
    return found


def _parse_switch(key: str, value: str) -> bool:
    word = value.strip().lower()
    if word not in _SECURE_WORDS or _SECURE_WORDS[word] is None:
        raise ValueError(f"SIMULATOR_{key}: expected true or false, got {value!r}")
    return bool(_SECURE_WORDS[word])


def _parse_fixtures(value: str) -> dict[str, str]:
    """`SIMULATOR_FIXTURES=<document id>=<path>[,<document id>=<path>...]`."""
    found: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        document, sep, path = item.partition("=")
        if not sep or not document.strip() or not path.strip():
            raise ValueError(f"SIMULATOR_FIXTURES: expected <document id>=<path>, got {item!r}")
        found[document.strip()] = path.strip()
    return found


def _parse_size(value: str) -> int:
    if not value.strip().isdigit() or int(value) <= 0:
        raise ValueError(f"SIMULATOR_MAX_CONTENT_LENGTH: expected a positive number of bytes, got {value!r}")
    return int(value)


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
    app.config["FIXTURES"] = dict(app.config["FIXTURES"] or {})
    app.config["NOISY_PAGES"] = bool(app.config["NOISY_PAGES"])


def check_fixtures(app: Flask, portals: Iterable[PortalSpec]) -> None:
    """Every document named in FIXTURES must be served by a portal (a typo would load nothing)."""
    known = {portal.document for portal in portals}
    for document in sorted(set(app.config["FIXTURES"]) - known):
        raise ValueError(
            f"FIXTURES names {document!r}, which no portal serves (known: {', '.join(sorted(known))})"
        )


def fixtures_path(app: Flask, portal: PortalSpec) -> Path:
    """The portal's data set; a relative path is tried from the working directory, then the project root."""
    path = Path(app.config["FIXTURES"].get(portal.document) or portal.default_fixtures)
    if path.is_absolute() or path.exists():
        return path
    return PROJECT_ROOT / path


def session_cookie_secure(app: Flask) -> bool:
    """Whether the session cookie gets the Secure attribute (SESSION_COOKIE_SECURE; None: if HTTPS)."""
    setting: bool | None = app.config["SESSION_COOKIE_SECURE"]
    return request.is_secure if setting is None else bool(setting)
