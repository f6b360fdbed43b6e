"""Two runs the bundle and diff tests read, made once per test process (their tests share an xdist
group, so once per `make test`): a clean run of one document, and the same with one simulator defect."""

from __future__ import annotations

import pytest

from tests.suite_runs import SuiteRun, run_suite

DOCUMENT = "tim-convenzione-mobile-6"  # an example document: any would do
DEFECT = "username_accepts_17_chars"  # makes exactly its rule, CM6-17, FAIL (tests/test_sensitivity.py)
DEFECT_RULE = "CM6-17"


@pytest.fixture(scope="session")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> SuiteRun:
    run = run_suite(tmp_path_factory.mktemp("clean"), "--document", DOCUMENT)
    assert run.exit_code == 0, run.stderr
    return run


@pytest.fixture(scope="session")
def defect_run(tmp_path_factory: pytest.TempPathFactory) -> SuiteRun:
    run = run_suite(tmp_path_factory.mktemp("defect"), "--document", DOCUMENT, "--defect", DEFECT)
    assert run.exit_code == 1, run.stderr
    return run
