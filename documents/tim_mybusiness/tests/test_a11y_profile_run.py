"""The accessibility profile through the browser on MYB's portal, kept to a few scenarios (each walks
every documented flow of MYB, some fifteen pages): two defects, an unlabelled field on the username
recovery page and the Consistenze link only a mouse reaches, each fail exactly the scenarios they
declare; axe-core's part of 2.1.1 still passes. The target scopes MYB and the profile alone, so the
profile runs on MYB (docs/profiles.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from portalcert.sensitivity import declared_key
from simulator.defects import catalogue
from tests.simulator_target import SIMULATOR
from tests.suite_runs import run_suite

DOCUMENT = "tim-mybusiness"
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("accessibility")]

SWITCHED_ON = ("myb_a11y_email_field_unlabelled", "myb_a11y_mobile_lines_mouse_only")
KEYBOARD = "A11Y-07@MYB: Each documented flow is completed with the keyboard alone"
AXE_KEYBOARD = "A11Y-07@MYB: The pages of the documented flows meet criterion 2.1.1"
PAGE = "/mybusiness/recupera-username"


def myb_and_the_profile(folder: Path) -> Path:
    """The bundled simulator target with MYB and the accessibility profile alone in scope."""
    text = SIMULATOR.read_text(encoding="utf-8")
    every = "documents: all"
    assert every in text, "test setup: the bundled target changed its documents line"
    path = folder / "target.yaml"
    scope = "documents: {tim-mybusiness: reference, accessibility: reference}"
    path.write_text(text.replace(every, scope), encoding="utf-8")
    return path


def scenario_statuses(report: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {
        f"{rule['id']}: {scenario['name']}": (scenario["status"], scenario["message"])
        for document in report["documents"]
        for rule in document["rules"]
        for scenario in rule["scenarios"]
    }


def test_each_defect_fails_exactly_its_scenarios(tmp_path: Path) -> None:
    target = myb_and_the_profile(tmp_path)
    defects = [d for d in catalogue() if d.name in SWITCHED_ON]
    assert len(defects) == len(SWITCHED_ON)
    switches = [arg for d in defects for arg in ("--defect", d.name)]
    tags = " or ".join(f"@rule:{rule}" for rule in sorted({d.rule for d in defects}))
    run = run_suite(
        tmp_path / "out", "--target", str(target), "--engine", "browser", "--tags", tags, *switches
    )
    statuses = scenario_statuses(run.report)
    killed = {declared_key(key, DOCUMENT) for d in defects for key in d.kills}
    ran = {key: status for key, (status, _) in statuses.items() if status != "NOT_COVERED"}
    assert ran == {**dict.fromkeys(killed, "FAIL"), AXE_KEYBOARD: "PASS"}, run.stderr[-3000:]
    for key in killed - {KEYBOARD}:
        assert PAGE in statuses[key][1] and "tim-mybusiness" in statuses[key][1], statuses[key][1]
    assert "link-telefonia-mobile" in statuses[KEYBOARD][1] and "Tab" in statuses[KEYBOARD][1]
