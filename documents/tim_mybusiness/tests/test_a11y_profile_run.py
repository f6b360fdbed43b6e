"""The accessibility profile through the browser on MYB's portal, kept to one run of a few scenarios (each
walks every documented flow of MYB, some fifteen pages): an unlabelled field on the username recovery
page and the Consistenze link only a mouse reaches each fail exactly the scenarios they declare, naming
what a person needs; axe-core's part of 2.1.1 passes. `make sensitivity-browser` measures every
accessibility defect of the portal alone."""

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

SWITCHED_ON = ("myb_a11y_email_field_unlabelled", "myb_a11y_mobile_lines_mouse_only")


def test_an_unlabelled_field_and_a_mouse_only_control_fail_exactly_their_scenarios(tmp_path: Path) -> None:
    run_sample(tmp_path, "tim-mybusiness", SWITCHED_ON)
