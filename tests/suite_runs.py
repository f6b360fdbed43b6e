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


def portalcert(
    *args: str, timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "portalcert", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )


def run_suite(out_dir: Path, *args: str, timeout: float = 300) -> SuiteRun:
    done = portalcert("run", "--no-progress", "--out", str(out_dir), *args, timeout=timeout)
    return SuiteRun(done.returncode, done.stdout, done.stderr, out_dir)
