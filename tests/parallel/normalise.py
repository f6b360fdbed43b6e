"""Reports with what may differ between two runs of the same suite taken out: timings, ids, ports.

Two runs that say the same thing normalise to equal values, so a test compares them with `==` and
pytest shows the first difference.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

_TIMINGS = {"start", "stop", "duration_seconds", "started_at", "finished_at", "time", "timestamp", "uuid"}


def _without_timings(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_timings(v) for k, v in value.items() if k not in _TIMINGS}
    if isinstance(value, list):
        return [_without_timings(v) for v in value]
    return value


def compliance(folder: Path) -> dict[str, Any]:
    """compliance.json without timings and the simulator's port (each process has its own)."""
    report = json.loads((folder / "compliance.json").read_text(encoding="utf-8"))
    report["target"].pop("base_url")
    normalised: dict[str, Any] = _without_timings(report)
    return normalised


def junit(folder: Path) -> list[dict[str, Any]]:
    """Each testsuite and testcase of the JUnit file, in order, with attributes and children."""

    def element(node: ET.Element) -> dict[str, Any]:
        return {
            "tag": node.tag,
            "attributes": {k: v for k, v in node.attrib.items() if k not in _TIMINGS},
            "text": (node.text or "").strip(),
            "children": [element(child) for child in node],
        }

    root = ET.parse(folder / "junit" / "portalcert.xml").getroot()
    return [element(suite) for suite in root]


def allure(folder: Path) -> list[dict[str, Any]]:
    """Every allure result, without timings and uuids; attachments by name and content."""
    results = []
    for path in (folder / "allure-results").glob("*-result.json"):
        result = _without_timings(json.loads(path.read_text(encoding="utf-8")))
        for attachment in result.get("attachments", []):
            source = folder / "allure-results" / attachment.pop("source")
            attachment["bytes"] = source.stat().st_size
        results.append(result)
    # Scenario names are unique within a rule only: the labels (rule among them) complete the key.
    return sorted(
        results, key=lambda r: (r["fullName"], json.dumps(r["labels"]), json.dumps(r.get("parameters")))
    )


def cucumber(folder: Path) -> list[dict[str, Any]]:
    """Every Cucumber message, in order, without timestamps; an attachment by its size (a page's tokens
    differ from run to run, not its length)."""
    messages = []
    for line in (folder / "cucumber-messages.ndjson").read_text(encoding="utf-8").splitlines():
        message = _without_timings(json.loads(line))
        if "attachment" in message:
            message["attachment"]["body"] = len(message["attachment"]["body"])
        messages.append(message)
    return messages
