"""The accessibility profile through the browser on MTH's portal, kept to one run of a few scenarios (each
walks every documented flow of MTH, six flows): a field without a label and a button only a mouse
reaches each fail exactly the scenarios they declare, naming what a person needs; axe-core's part of
2.1.1 passes. `make sensitivity-browser` measures every accessibility defect of the portal alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert.engines.browser_install import find
from profiles.accessibility.tests.sample_runs import run_sample

pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("accessibility"),
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
]

SWITCHED_ON = ("mth_a11y_number_field_unlabelled", "mth_a11y_next_mouse_only")


def test_an_unlabelled_field_and_a_mouse_only_control_fail_exactly_their_scenarios(tmp_path: Path) -> None:
    run_sample(tmp_path, "telekom-hu-business-login", SWITCHED_ON)
