"""One real http run shared by the dashboard tests: a defect (PASS, FAIL and BROKEN scenarios) on a target
whose scope leaves one rule out (NOT_APPLICABLE scenarios)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from portalcert import catalog

from .. import simulator_target
from ..suite_runs import SuiteRun, run_suite
from .runs import DEFECT, messages_of


@pytest.fixture(scope="session")
def defect_run(tmp_path_factory: pytest.TempPathFactory) -> SuiteRun:
    folder = tmp_path_factory.mktemp("dashboards")
    rules = [rule.id for rule in catalog.load([simulator_target.CM6]).rules]
    scope = f"rules: [{', '.join(rules[1:])}]\n"  # the first rule is out of scope
    target = simulator_target.write(folder, extra=scope)
    run = run_suite(folder / "out", "--target", str(target), "--defect", DEFECT)
    assert run.exit_code == 1, run.stderr[-3000:]
    statuses = Counter(
        s["status"] for d in run.report["documents"] for r in d["rules"] for s in r["scenarios"]
    )
    assert all(statuses[kind] for kind in ("PASS", "FAIL", "BROKEN", "NOT_APPLICABLE")), statuses
    return run


@pytest.fixture(scope="session")
def messages(defect_run: SuiteRun) -> list[dict[str, Any]]:
    return messages_of(defect_run.out_dir)
