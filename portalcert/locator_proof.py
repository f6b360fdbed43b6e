"""The page-map entries a run saw match, kept beside its report so a narrowed re-run can lean on them.

A check that relies on an entry being absent is set aside (BROKEN) when the entry matched nothing in
the whole run: it may be a typo. A run narrowed to one rule often never visits the pages that show
the entry, so re-checking a rule after a fix gave BROKEN where the whole run gave PASS. Every run
writes `locators.json`; `run --locators-from DIR` accepts, for the same target, the entries whose
locator is unchanged since that run. A locator edited since then proves nothing and is judged as
before. The report names the run leant on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from portalcert.errors import ConfigError
from portalcert.locator_ledger import LocatorLedger

SCHEMA = "portalcert-locators/1"
FILE_NAME = "locators.json"
OPTION = "--locators-from"


@dataclass(frozen=True)
class EarlierRun:
    """What a run leant on: where it came from, when it ran, and its matched entries."""

    path: str
    started_at: str
    matched: dict[str, str]  # ledger key -> locator


def write(ledger: LocatorLedger, target: str, started_at: str, folder: Path) -> Path:
    """This run's matched entries only: a proof carried forward from an earlier run is not re-issued,
    so every entry in the file was seen by the run that wrote it."""
    path = folder / FILE_NAME
    data = {
        "schema": SCHEMA,
        "target": target,
        "started_at": started_at,
        "matched": ledger.matched_locators(),
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n")
    return path


def load(where: Path, target: str) -> EarlierRun:
    """The earlier run in `where` (a report folder or its locators.json), which must be `target`'s."""
    path = where / FILE_NAME if where.is_dir() else where
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            OPTION, "", f"{path}: no such file (a run's report folder holds {FILE_NAME})"
        ) from None
    except (OSError, ValueError) as exc:
        raise ConfigError(OPTION, "", f"{path}: unreadable: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ConfigError(OPTION, "", f"{path}: not a {SCHEMA} file")
    matched = data.get("matched")
    if not isinstance(matched, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in matched.items()
    ):
        raise ConfigError(OPTION, "", f"{path}: `matched` is not a table of page-map keys to locators")
    if data.get("target") != target:
        raise ConfigError(
            OPTION,
            "",
            f"{path}: a run on target {data.get('target')!r}, not {target!r}: what matched on another"
            " portal proves nothing about this one",
        )
    return EarlierRun(str(path), str(data.get("started_at", "")), dict(matched))
