"""MGD opts in to the accessibility profile: two of its defects through the browser, each failing exactly
the scenario it declares, on the registration page of the documented flow that meets it; the other
scenario of 2.1.1 (axe-core's part) still passes. A few scenarios only: each walks MGD's six documented
flows (about eighteen pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert.engines.browser_install import find
from simulator.defects import catalogue
from tests.suite_runs import run_suite

pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("accessibility"),
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
]

SWITCHED_ON = ("mgd_a11y_continue_mouse_only", "mgd_a11y_email_field_unlabelled")
KEYBOARD = "A11Y-07: Each documented flow is completed with the keyboard alone"
AXE_KEYBOARD = "A11Y-07: The pages of the documented flows meet criterion 2.1.1"
NAMES = "A11Y-14: The pages of the documented flows meet criterion 4.1.2"
FLOW = "[telefonica-mi-gestion-digital · register (to the security code)]"


def test_a_mouse_only_button_and_an_unlabelled_field_fail_exactly_their_scenarios(tmp_path: Path) -> None:
    defects = [d for d in catalogue() if d.name in SWITCHED_ON]
    assert len(defects) == len(SWITCHED_ON)
    switches = [arg for d in defects for arg in ("--defect", d.name)]
    tags = " or ".join(f"@rule:{rule}" for rule in sorted({d.rule for d in defects}))
    run = run_suite(
        tmp_path,
        "--engine",
        "browser",
        "--document",
        "telefonica-mi-gestion-digital",
        "--document",
        "accessibility",
        "--tags",
        tags,
        *switches,
        timeout=900,
    )
    # MGD is the only document of the run: a profile's rule id qualified by the document it is judged
    # on ("A11Y-07@MGD") names the same scenario as the defects' declarations.
    found = {
        f"{rule['id'].split('@')[0]}: {scenario['name']}": (scenario["status"], scenario["message"])
        for document in run.report["documents"]
        for rule in document["rules"]
        for scenario in rule["scenarios"]
        if scenario["status"] != "NOT_COVERED"
    }
    killed = {key for d in defects for key in d.kills}
    assert killed == {KEYBOARD, NAMES}
    statuses = {key: status for key, (status, _) in found.items()}
    assert statuses == {**dict.fromkeys(killed, "FAIL"), AXE_KEYBOARD: "PASS"}, run.stderr[-3000:]
    keyboard, names = found[KEYBOARD][1], found[NAMES][1]
    assert FLOW in keyboard and "action-continuar" in keyboard and "Tab" in keyboard, keyboard
    assert f"{FLOW} /mgd/registro: #email — label: Form elements must have labels" in names, names
