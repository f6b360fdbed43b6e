"""Helpers to run `portalcert` as a user would: a separate process, reading the JSON report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent


@dataclass
class SuiteRun:
    exit_code: int
    stdout: str
    stderr: str
    out_dir: Path

    @property
    def report(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.out_dir / "compliance.json").read_text(encoding="utf-8"))
        return data

    def rule_statuses(self) -> dict[str, str]:
        return {rule["id"]: rule["status"] for doc in self.report["documents"] for rule in doc["rules"]}

    def rule(self, rule_id: str) -> dict[str, Any]:
        for doc in self.report["documents"]:
            for rule in doc["rules"]:
                if rule["id"] == rule_id:
                    return dict(rule)
        raise KeyError(rule_id)

    def scenarios_run(self) -> dict[str, tuple[str, str]]:
        """Every scenario the run judged (not NOT_COVERED): "<rule id>: <name>" -> (status, message)."""
        return {
            f"{rule['id']}: {scenario['name']}": (scenario["status"], scenario["message"])
            for doc in self.report["documents"]
            for rule in doc["rules"]
            for scenario in rule["scenarios"]
            if scenario["status"] != "NOT_COVERED"
        }

    def scenario(self, key: str) -> dict[str, Any]:
        """A scenario by its key, "<rule id>: <scenario name>"."""
        rule_id, _, name = key.partition(": ")
        for scenario in self.rule(rule_id)["scenarios"]:
            if scenario["name"] == name:
                return dict(scenario)
        raise KeyError(key)


def portalcert(
    *args: str, timeout: float = 300, env: dict[str, str] | None = None, cwd: Path = PROJECT
) -> subprocess.CompletedProcess[str]:
    """`cwd`: where a target without reset keeps its accounts state (.portalcert/state/)."""
    return subprocess.run(
        [sys.executable, "-m", "portalcert", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )


def run_suite(out_dir: Path, *args: str, timeout: float = 300) -> SuiteRun:
    done = portalcert("run", "--no-progress", "--out", str(out_dir), *args, timeout=timeout)
    return SuiteRun(done.returncode, done.stdout, done.stderr, out_dir)


def simulator_variant(folder: Path, pagemap_edits: dict[str, str | None], extra: str = "") -> Path:
    """A copy of the bundled simulator target whose CM6 page map has `pagemap_edits` applied.

    Each edit is a dotted page-map key ("common.read.error") and its new locator, or None to
    delete the entry. Paths the copy refers to are absolute, so it works from `folder`.
    """
    import yaml

    from .simulator_target import PAGEMAP
    from .simulator_target import write as write_target

    pagemap = yaml.safe_load(PAGEMAP.read_text(encoding="utf-8"))
    for key, locator in pagemap_edits.items():
        *parents, name = key.split(".")
        node = pagemap
        for part in parents:
            node = node[part]
        assert name in node, f"test setup: {key} is not in the simulator's page map"
        if locator is None:
            del node[name]
        elif isinstance(node[name], dict):
            node[name]["selector"] = locator
        else:
            node[name] = locator
    folder.mkdir(parents=True, exist_ok=True)
    edited = folder / "pagemap.yaml"
    edited.write_text(yaml.safe_dump(pagemap, allow_unicode=True), encoding="utf-8")
    return write_target(folder, f"pagemap: {PAGEMAP}", f"pagemap: {edited}", extra=extra)
