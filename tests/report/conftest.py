from __future__ import annotations

import pytest

from portalcert.results import RunResult
from tests.report.sample_run import build_sample_run


@pytest.fixture
def run() -> RunResult:
    return build_sample_run()
