"""The accessibility profile through the browser on TIS's portal, kept to one run of a few scenarios (each
walks every documented flow of TIS, eleven pages): two defects of the resend page, an unlabelled field
and the button only a mouse reaches each fail exactly the scenarios they declare, naming what a person
needs; axe-core's part of 2.1.1 passes. `make sensitivity-browser` measures every accessibility defect
of the portal alone."""

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

SWITCHED_ON = ("tis_a11y_email_field_unlabelled", "tis_a11y_send_mouse_only")


def test_an_unlabelled_field_and_a_mouse_only_control_fail_exactly_their_scenarios(tmp_path: Path) -> None:
    run_sample(tmp_path, "tim-impresa-semplice", SWITCHED_ON)
