"""Every check can fail: each simulator defect changes exactly the scenarios it declares, to FAIL.

This is the suite testing itself, the way behave tests behave with features: without it, a check
that cannot fail would look exactly like a portal that complies. `portalcert defects --coverage`
runs the measurement once (a baseline, then each defect on the scenarios that reach its switch);
every test below reads that one measurement.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from portalcert import catalog
from portalcert.sensitivity import scenario_key
from simulator.defects import Defect, catalogue

from .suite_runs import portalcert, run_suite

RULES = catalog.load().rules
# Rules checked in a browser only (@needs:browser, the accessibility profile): NOT_APPLICABLE on the
# http engine, where this measurement runs; their defects are measured through the browser by the
# profile's own tests (profiles/accessibility/tests/).
BROWSER_ONLY = {
    rule.id for rule in RULES if rule.scenario_tags and all("needs:browser" in t for t in rule.scenario_tags)
}
# On the faithful simulator: every automated rule passes, review rules await a person.
EXPECTED = {
    rule.id: ("NOT_APPLICABLE" if rule.id in BROWSER_ONLY else "REVIEW" if rule.review_reason else "PASS")
    for rule in RULES
}
SCENARIOS = {scenario_key(rule.id, name) for rule in RULES for name in rule.scenarios}
HTTP_SCENARIOS = {key for key in SCENARIOS if key.split(":", 1)[0] not in BROWSER_ONLY}
CATALOGUE = catalogue()

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("sensitivity")]


@pytest.fixture(scope="module")
def coverage(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, dict[str, Any]]:
    """(exit code, console output, JSON) of `portalcert defects --coverage`."""
    out = tmp_path_factory.mktemp("coverage") / "coverage.json"
    done = portalcert("defects", "--coverage", "--json", str(out), timeout=900)
    assert out.exists(), done.stderr[-3000:]
    measured: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return done.returncode, done.stdout, measured


def test_every_rule_with_scenarios_has_a_defect() -> None:
    covered = {defect.rule for defect in CATALOGUE}
    automated = {rule.id for rule in RULES if rule.scenarios}
    assert automated - covered == set(), "rules whose checks are never shown to fail"
    assert covered - set(EXPECTED) == set(), "defects naming rules that do not exist"


def test_declarations_name_real_scenarios() -> None:
    declared = [key for defect in CATALOGUE for key in (*defect.kills, *defect.breaks)]
    assert sorted(key for key in declared if key not in SCENARIOS) == []
    assert all(defect.kills for defect in CATALOGUE), "a defect that kills nothing proves nothing"
    assert all(not set(d.kills) & set(d.breaks) for d in CATALOGUE)


def test_every_automated_scenario_is_killed_by_a_defect(coverage: tuple[int, str, dict[str, Any]]) -> None:
    exit_code, output, measured = coverage
    assert measured["uncovered"] == []
    assert "Scenarios no defect kills: none" in output
    assert exit_code == 0
    automated = [key for key, status in measured["scenarios"].items() if status == "PASS"]
    assert len(automated) == len(HTTP_SCENARIOS), "every scenario passes on the faithful simulator"


@pytest.mark.parametrize("defect", CATALOGUE, ids=[d.name for d in CATALOGUE])
def test_defect_changes_exactly_the_scenarios_it_declares(
    defect: Defect, coverage: tuple[int, str, dict[str, Any]]
) -> None:
    effect = coverage[2]["defects"][defect.name]
    changed: dict[str, dict[str, str]] = effect["changed"]
    declared = {**dict.fromkeys(defect.kills, "FAIL"), **dict.fromkeys(defect.breaks, "BROKEN")}
    if defect.rule in BROWSER_ONLY:
        declared = {}  # its scenarios are NOT_APPLICABLE here, and it changes no other
    assert {key: outcome["status"] for key, outcome in changed.items()} == declared
    for key, outcome in changed.items():
        rule = key.split(":", 1)[0]
        assert outcome["message"].startswith(rule), "a message names the rule it enforces"
        if outcome["status"] == "FAIL":
            assert "expected" in outcome["message"] and "observed" in outcome["message"]


def test_faithful_simulator_complies(tmp_path: Path) -> None:
    run = run_suite(tmp_path)
    assert run.rule_statuses() == EXPECTED, run.stderr[-2000:]
    assert run.exit_code == 0


def test_a_defect_run_reports_its_rule_as_fail(tmp_path: Path) -> None:
    """`portalcert run --defect` (what a person tries first) agrees with the measurement."""
    defect = CATALOGUE[0]
    run = run_suite(tmp_path, "--defect", defect.name)
    assert run.rule_statuses() == {**EXPECTED, defect.rule: "FAIL"}
    assert run.exit_code == 1


# --- the same checks through a real browser -------------------------------------------------------
# A full run per defect would take an hour on the browser engine; a sample spanning the areas
# (captcha, SMS code, login, recovery) shows the browser reports the same FAILs.
BROWSER_SAMPLE = [
    d
    for d in CATALOGUE
    if d.name
    in (
        "captcha_not_checked",
        "otp_accepted_without_space",
        "login_otp_to_contact_mobile",
        "username_recovery_wrong_username",
    )
]
BROWSER_TAGS = " or ".join(f"@rule:{d.rule}" for d in BROWSER_SAMPLE)


# Only the http engine shows HTTP exchanges: on the browser, rules whose every scenario reads them
# (@needs:wire) are NOT_APPLICABLE, with that reason.
BROWSER_EXPECTED = {
    rule.id: "NOT_APPLICABLE"
    if rule.scenario_tags and all("needs:wire" in tags for tags in rule.scenario_tags)
    else EXPECTED[rule.id]
    for rule in RULES
}


def test_faithful_simulator_complies_through_the_browser(tmp_path: Path) -> None:
    # The browser-only profile runs in its own tests: a whole walk of every flow per rule is minutes here.
    run = run_suite(tmp_path, "--engine", "browser", "--tags", "not @needs:browser", timeout=900)
    not_run = dict.fromkeys(BROWSER_ONLY, "NOT_COVERED")
    assert run.rule_statuses() == {**BROWSER_EXPECTED, **not_run}, run.stderr[-3000:]
    assert run.exit_code == 0
    assert not (tmp_path / "evidence").exists(), "evidence is kept for failing scenarios only"


@pytest.mark.parametrize("defect", BROWSER_SAMPLE, ids=[d.name for d in BROWSER_SAMPLE])
def test_defect_fails_exactly_its_rule_through_the_browser(defect: Defect, tmp_path: Path) -> None:
    assert len(BROWSER_SAMPLE) == 4
    run = run_suite(tmp_path, "--engine", "browser", "--tags", BROWSER_TAGS, "--defect", defect.name)
    sample = {d.rule: ("FAIL" if d is defect else "PASS") for d in BROWSER_SAMPLE}
    statuses = run.rule_statuses()
    assert {rule: statuses[rule] for rule in sample} == sample, run.stderr[-3000:]
    assert run.exit_code == 1
    failure = run.rule(defect.rule)
    assert failure["message"].startswith(defect.rule)
    evidence = {Path(p).name for s in failure["scenarios"] for p in s["evidence"]}
    assert {"screenshot.png", "trace.zip", "page.html"} <= evidence
    attached = {p.suffix for p in (tmp_path / "allure-results").glob("*-attachment.*")}
    assert {".png", ".zip", ".html"} <= attached, "the evidence is attached to the allure results too"
