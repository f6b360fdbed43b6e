"""The machine-readable compliance report (schema ``portalcert-compliance/1``, see compliance.schema.json)."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import portalcert
from portalcert import provenance
from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult

from .redact import redact_url
from .verdict import verdict

SCHEMA = "portalcert-compliance/1"


def _seconds(value: float) -> float:
    return round(value, 3)  # millisecond precision: stable diffs, no float noise like 0.30000000000000004


def _finished_at(run: RunResult) -> str:
    """started_at plus the duration, in the same form; empty when started_at is not ISO 8601."""
    try:
        started = datetime.fromisoformat(run.started_at)
    except ValueError:
        return ""
    return (started + timedelta(seconds=run.duration)).isoformat(timespec="seconds")


def _scenario(s: ScenarioResult) -> dict[str, Any]:
    return {
        "name": s.name,
        "status": s.status.value,
        "message": s.message,
        "location": s.location,
        "duration_seconds": _seconds(s.duration),
        "failed_step": s.failed_step,
        "evidence": list(s.evidence),
    }


def _rule(r: RuleResult) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "quote": r.quote,
        "status": r.status.value,
        "message": r.message,
        "review_reason": r.review_reason,
        "expected_failure": r.expected_failure,
        "expected_status": r.expected_status.value,
        "known_deviation": r.known_deviation,
        "deviation_resolved": r.deviation_resolved,
        "out_of_scope": r.out_of_scope,
        "scenarios": [_scenario(s) for s in r.scenarios],
    }


def _summary(run: RunResult) -> dict[str, int]:
    """RunResult.summary() plus the declared deviations: FAILs the target expected, and stale declarations."""
    rules = run.rules()
    return {
        **run.summary(),
        "known_deviations": sum(r.known_deviation for r in rules),
        "deviations_resolved": sum(r.deviation_resolved for r in rules),
    }


def _document(run: RunResult, d: DocumentResult) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "language": d.language,
        "source": d.source,
        "on": d.on,  # a profile's section: the document its rules were judged on ("" otherwise)
        # a one-document run: the counts come from RunResult.summary itself, not a second implementation
        "summary": _summary(dataclasses.replace(run, documents=[d])),
        "features_sha256": provenance.features_digest(d.id),
        "rules": [_rule(r) for r in d.rules],
    }


def to_dict(run: RunResult) -> dict[str, Any]:
    data = {
        "schema": SCHEMA,
        "tool": {
            "name": "portalcert",
            "version": run.tool_version or portalcert.__version__,
            "commit": provenance.commit(),
        },
        "target": {
            "name": run.target,
            "base_url": redact_url(run.base_url),
            "engine": run.engine,
            "file": run.target_file,
            "sha256": run.target_sha256,
            "browser": run.browser,
        },
        "started_at": run.started_at,
        "finished_at": _finished_at(run),
        "duration_seconds": _seconds(run.duration),
        "interrupted": run.interrupted,
        "summary": _summary(run),
        "verdict": dataclasses.asdict(verdict(run)),
        "documents": [_document(run, d) for d in run.documents],
    }
    if run.locators_from:
        data["locators_from"] = run.locators_from
    return data


def write_json(run: RunResult, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(to_dict(run), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")
