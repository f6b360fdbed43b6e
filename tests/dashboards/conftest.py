"""One real http run with a defect (PASS, FAIL and BROKEN scenarios), shared by the dashboard tests."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from ..suite_runs import SuiteRun, run_suite
from .runs import DEFECT, messages_of


@pytest.fixture(scope="session")
def defect_run(tmp_path_factory: pytest.TempPathFactory) -> SuiteRun:
    run = run_suite(tmp_path_factory.mktemp("dashboards"), "--defect", DEFECT)
    assert run.exit_code == 1, run.stderr[-3000:]
    statuses = Counter(
        s["status"] for d in run.report["documents"] for r in d["rules"] for s in r["scenarios"]
    )
    assert statuses["FAIL"] and statuses["BROKEN"] and statuses["PASS"], statuses  # every kind of case
    return run


@pytest.fixture(scope="session")
def messages(defect_run: SuiteRun) -> list[dict[str, Any]]:
    return messages_of(defect_run.out_dir)
