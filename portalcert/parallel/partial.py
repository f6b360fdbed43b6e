"""What one process saw of a run, before anything that needs the whole run is decided.

A worker's answer for a rule, a shard's output and a one-process run are all a `Partial`: raw
scenario results per rule it ran, and its locator ledger. Verdicts that depend on the whole run
(an absence relied on, for a locator that matched nothing anywhere; the rules nobody ran; the exit
code) are decided once the parts are merged (`portalcert.parallel.merge`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from portalcert.collect import RawScenario, RuleFacts
from portalcert.locator_ledger import LocatorLedger
from portalcert.parallel.shards import Shard
from portalcert.report.redact import redact_url
from portalcert.results import ScenarioResult, Status

SCHEMA = "portalcert-shard/1"
FILE_NAME = "portalcert-shard.json"  # in a shard's report folder: what `portalcert merge` reads


@dataclass(frozen=True)
class RunIdentity:
    """What every part of one run shares; parts that differ in any of it are not one run."""

    tool_version: str
    target: str  # the target's name
    target_url: str  # the target file's base_url ("embedded" or the portal's URL, redacted)
    engine: str
    documents: tuple[str, ...]
    tags: str
    defects: tuple[str, ...]
    locators_from: str = ""  # the earlier run's locators.json this run may lean on (`--locators-from`)
    locators_started_at: str = ""  # when that run started


@dataclass
class Partial:
    identity: RunIdentity
    facts: dict[str, RuleFacts]  # rule id -> what the target says of it (scope, expected failure)
    base_url: str  # where this part's portal answered
    started_at: str  # ISO 8601 UTC
    duration: float
    interrupted: bool = False
    assigned: tuple[str, ...] = ()  # the rules this part was given
    executed: dict[str, list[RawScenario]] = field(default_factory=dict)
    ledger: LocatorLedger = field(default_factory=LocatorLedger)
    shard: Shard | None = None


def _scenario_json(raw: RawScenario) -> dict[str, Any]:
    result = raw.result
    return {
        "name": result.name,
        "status": result.status.value,
        "message": result.message,
        "location": result.location,
        "duration_seconds": result.duration,
        "evidence": list(result.evidence),
        "failed_step": result.failed_step,
        "absent": list(raw.absent),
    }


def _scenario(data: dict[str, Any]) -> RawScenario:
    result = ScenarioResult(
        name=data["name"],
        status=Status(data["status"]),
        message=data["message"],
        location=data["location"],
        duration=float(data["duration_seconds"]),
        evidence=list(data["evidence"]),
        failed_step=data["failed_step"],
    )
    return RawScenario(result, tuple(data["absent"]))


def to_json(part: Partial) -> dict[str, Any]:
    identity = asdict(part.identity)
    identity["target_url"] = redact_url(part.identity.target_url)
    return {
        "schema": SCHEMA,
        "identity": identity,
        "shard": None if part.shard is None else part.shard.label,
        "base_url": redact_url(part.base_url),
        "started_at": part.started_at,
        "duration_seconds": part.duration,
        "interrupted": part.interrupted,
        "assigned": list(part.assigned),
        "facts": {rule: asdict(fact) for rule, fact in part.facts.items()},
        "ledger": {
            "locators": part.ledger.locators,
            "matched": sorted(part.ledger.matched),
            "earlier": part.ledger.earlier,
        },
        "executed": {rule: [_scenario_json(r) for r in raws] for rule, raws in part.executed.items()},
    }


def from_json(data: dict[str, Any]) -> Partial:
    identity = dict(data["identity"])
    identity["documents"] = tuple(identity["documents"])
    identity["defects"] = tuple(identity["defects"])
    ledger = LocatorLedger(
        dict(data["ledger"]["locators"]),
        set(data["ledger"]["matched"]),
        earlier=dict(data["ledger"].get("earlier", {})),
    )
    return Partial(
        identity=RunIdentity(**identity),
        facts={rule: RuleFacts(**fact) for rule, fact in data["facts"].items()},
        base_url=data["base_url"],
        started_at=data["started_at"],
        duration=float(data["duration_seconds"]),
        interrupted=bool(data["interrupted"]),
        assigned=tuple(data["assigned"]),
        executed={rule: [_scenario(r) for r in raws] for rule, raws in data["executed"].items()},
        ledger=ledger,
        shard=None if data["shard"] is None else Shard.parse(data["shard"]),
    )


def write(part: Partial, folder: Path) -> Path:
    path = folder / FILE_NAME
    text = json.dumps(to_json(part), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")
    return path
