"""Whole-suite runs the parallel tests compare against, made once per test process (the tests that
use them share an xdist group, so once per `make test`)."""

from __future__ import annotations

import pytest

from tests.suite_runs import SuiteRun, run_suite


@pytest.fixture(scope="session")
def one_process_run(tmp_path_factory: pytest.TempPathFactory) -> SuiteRun:
    """The whole suite on the embedded simulator (http) in one process: what parallel runs must equal."""
    return run_suite(tmp_path_factory.mktemp("one-process"))


@pytest.fixture(scope="session")
def shard_runs(tmp_path_factory: pytest.TempPathFactory) -> list[SuiteRun]:
    """The whole suite as shards 1/3, 2/3 and 3/3."""
    return [run_suite(tmp_path_factory.mktemp(f"shard-{i}"), "--shard", f"{i}/3") for i in (1, 2, 3)]
