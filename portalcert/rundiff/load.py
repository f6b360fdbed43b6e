"""A run's compliance.json, from a report folder or a bundle (read, not verified: `portalcert verify`)."""

from __future__ import annotations

import json
import zipfile
import zlib
from pathlib import Path
from typing import Any

from portalcert.errors import ConfigError

REPORT = "compliance.json"


def load_report(path: Path) -> dict[str, Any]:
    """Raises ConfigError naming `path` and what is wrong with it."""
    if path.is_dir():
        source = path / REPORT
        try:
            text = source.read_bytes()
        except FileNotFoundError:
            raise ConfigError(str(path), "", f"no {REPORT}: not a report folder") from None
        except OSError as exc:
            raise ConfigError(str(source), "", f"unreadable: {exc.strerror}") from None
    elif path.is_file():
        try:
            with zipfile.ZipFile(path) as archive:
                text = archive.read(REPORT)
        except KeyError:
            raise ConfigError(str(path), "", f"no {REPORT} inside: not a portalcert bundle") from None
        except (zipfile.BadZipFile, zlib.error, OSError) as exc:
            raise ConfigError(
                str(path), "", f"neither a report folder nor a readable bundle ({exc})"
            ) from None
    else:
        raise ConfigError(str(path), "", "no such report folder or bundle")
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ConfigError(str(path), REPORT, f"not JSON ({exc})") from None
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("portalcert-compliance/"):
        raise ConfigError(str(path), REPORT, "not a portalcert compliance report")
    return data
