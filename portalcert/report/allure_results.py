"""The run's last word in `allure-results/`: final verdicts, environment and executor.

allure-behave writes a result file per scenario while it runs, before anything that needs the whole run
is decided: a PASS or FAIL resting on a page-map locator that matched nothing anywhere in the run becomes
BROKEN only once the parts are merged (`portalcert.collect.finalize`). After the run, each result file
gets its scenario's final status and message, so Allure shows what the compliance report shows; and the
environment and executor files tell Allure's widgets which target, engine and portalcert version ran.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from portalcert.report.redact import redact_url
from portalcert.results import RunResult, Status

FOLDER = "allure-results"
ALLURE_STATUS = {
    Status.PASS: "passed",
    Status.FAIL: "failed",
    Status.BROKEN: "broken",
    Status.NOT_APPLICABLE: "skipped",
    Status.NOT_COVERED: "skipped",
    Status.REVIEW: "unknown",  # a person must judge it: neither passed nor failed
}


def environment(result: RunResult) -> dict[str, str]:
    values = {
        "portalcert.version": result.tool_version,
        "target": result.target,
        "target.url": redact_url(result.base_url),
        "engine": result.engine,
        "browser": result.browser,  # only on the browser engine
        "documents": ", ".join(document.id for document in result.documents),
        "started_at": result.started_at,
    }
    return {key: value for key, value in values.items() if value}


def executor(result: RunResult) -> dict[str, Any]:
    engine = f"{result.engine} engine ({result.browser})" if result.browser else f"{result.engine} engine"
    build = f"{result.target} on the {engine}, portalcert {result.tool_version}"
    return {"name": "portalcert", "type": "portalcert", "buildName": build, "reportName": "portalcert"}


def _properties(values: dict[str, str]) -> str:
    """Java properties text: one `key=value` a line, with the escapes the format needs."""

    def escape(text: str) -> str:
        text = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        return text.replace("=", "\\=").replace(":", "\\:")

    return "".join(f"{escape(key)}={escape(value)}\n" for key, value in values.items())


def _label(data: dict[str, Any], name: str) -> str:
    for label in data.get("labels", []):
        if isinstance(label, dict) and label.get("name") == name:
            return str(label.get("value", ""))
    return ""


def finish(result: RunResult, report_dir: Path) -> int:
    """Write environment.properties and executor.json, and set each result file to its scenario's final
    status; returns how many result files changed. A folder without results (allure off) is left alone."""
    folder = report_dir / FOLDER
    if not folder.is_dir():
        return 0
    (folder / "environment.properties").write_text(_properties(environment(result)), encoding="utf-8")
    (folder / "executor.json").write_text(json.dumps(executor(result), indent=2) + "\n", encoding="utf-8")
    final = {
        (rule.id, scenario.name): scenario
        for rule in result.rules()
        for scenario in rule.scenarios
        if scenario.status is not Status.NOT_COVERED
    }
    changed = 0
    for path in sorted(folder.glob("*-result.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        scenario = final.get((_label(data, "rule"), str(data.get("name", ""))))
        if scenario is None:
            continue
        status = ALLURE_STATUS[scenario.status]
        details = dict(data.get("statusDetails") or {})
        message = scenario.message or None
        if data.get("status") == status and (status == "passed" or details.get("message") == message):
            continue
        data["status"] = status
        if message:
            details["message"] = message
        data["statusDetails"] = details
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        changed += 1
    return changed
