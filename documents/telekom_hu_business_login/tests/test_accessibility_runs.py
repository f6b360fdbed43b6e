"""The accessibility profile through the browser on this portal, kept to two defects (each scenario walks
the six documented flows, some seconds apiece on a shared machine): a field without a label fails
exactly 4.1.2's scenario, naming page, element and axe-core's message, and a button only a mouse
reaches fails exactly the keyboard scenario, naming the control; 2.1.1's axe-core scenario passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from documents.telekom_hu_business_login.simulator.defect_catalogue.accessibility import DEFECTS
from portalcert.sensitivity import declared_key
from tests.suite_runs import run_suite

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("accessibility")]

DOCUMENT = "telekom-hu-business-login"
SWITCHED = ("mth_a11y_number_field_unlabelled", "mth_a11y_next_mouse_only")
KEYBOARD = "A11Y-07@MTH: Each documented flow is completed with the keyboard alone"
AXE_KEYBOARD = "A11Y-07@MTH: The pages of the documented flows meet criterion 2.1.1"
LABELS = "A11Y-14@MTH: The pages of the documented flows meet criterion 4.1.2"


def test_an_unlabelled_field_and_a_mouse_only_button_fail_exactly_their_scenarios(tmp_path: Path) -> None:
    defects = [d for d in DEFECTS if d.name in SWITCHED]
    switches = [arg for d in defects for arg in ("--defect", d.name)]
    tags = " or ".join(f"@rule:{rule}" for rule in sorted({d.rule for d in defects}))
    scope = ("--document", DOCUMENT, "--document", "accessibility")
    run = run_suite(tmp_path, "--engine", "browser", *scope, "--tags", tags, *switches, timeout=900)
    statuses = {
        f"{rule['id']}: {scenario['name']}": (scenario["status"], scenario["message"])
        for document in run.report["documents"]
        for rule in document["rules"]
        for scenario in rule["scenarios"]
        if scenario["status"] != "NOT_COVERED"
    }
    killed = {declared_key(key, DOCUMENT) for d in defects for key in d.kills}
    assert {key: status for key, (status, _) in statuses.items()} == {
        **dict.fromkeys(killed, "FAIL"),
        AXE_KEYBOARD: "PASS",
    }, run.stderr[-3000:]
    labels = statuses[LABELS][1]
    assert "/telekom-hu/belepes/telefonszam: #telefonszam — label: Form elements must have labels" in labels
    assert "axe-core 4.12.1" in labels
    keyboard = statuses[KEYBOARD][1]
    assert "sign in with a mobile number" in keyboard and "action-tovabb" in keyboard and "Tab" in keyboard
