from __future__ import annotations

import sys
from pathlib import Path

import pytest

# sample_run.py lives beside the tests (it is also used to eyeball the HTML); make it importable in any
# pytest import mode.
sys.path.insert(0, str(Path(__file__).parent))

from sample_run import build_sample_run

from portalcert.results import RunResult


@pytest.fixture
def run() -> RunResult:
    return build_sample_run()
