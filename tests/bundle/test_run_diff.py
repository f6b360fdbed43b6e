"""`portalcert diff OLD NEW`: a clean run against the same run with one simulator defect lists exactly
that defect's rule as a regression (exit 1); the categories on hand-made reports."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from portalcert import cli
from portalcert.rundiff.compare import compare
from portalcert.rundiff.load import load_report
from tests.bundle.conftest import DEFECT_RULE
from tests.suite_runs import SuiteRun

pytestmark = pytest.mark.xdist_group("bundle-runs")


def test_a_defect_is_exactly_one_regression_and_exit_1(
    clean_run: SuiteRun, defect_run: SuiteRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "diff.html"
    code = cli.main(["diff", str(clean_run.out_dir), str(defect_run.out_dir), "--html", str(page)])
    output = capsys.readouterr().out
    assert code == 1
    section = output.split("Regressed (1):\n", 1)[1].splitlines()
    assert section[0].split()[:4] == [DEFECT_RULE, "PASS", "->", "FAIL"]
    diff = compare(load_report(clean_run.out_dir), load_report(defect_run.out_dir))
    assert [change.rule for change in diff.regressed] == [DEFECT_RULE]
    assert {title: items for title, items in diff.sections() if items} == {"Regressed": diff.regressed}
    assert not diff.scenarios_added and not diff.scenarios_removed
    html = page.read_text(encoding="utf-8")
    assert 'id="regressed"' in html and DEFECT_RULE in html and "Regression: 1 rule(s) now violated" in html


def test_the_way_back_is_a_fix_and_exit_0(
    clean_run: SuiteRun, defect_run: SuiteRun, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["diff", str(defect_run.out_dir), str(clean_run.out_dir)])
    output = capsys.readouterr().out
    assert code == 0
    assert f"Fixed (1):\n  {DEFECT_RULE}  FAIL -> PASS" in output


def test_a_bundle_compares_like_its_report_folder(
    clean_run: SuiteRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "clean.zip"
    assert cli.main(["bundle", str(bundle), "--from", str(clean_run.out_dir)]) == 0
    capsys.readouterr()
    assert cli.main(["diff", str(bundle), str(clean_run.out_dir)]) == 0
    assert "No change" in capsys.readouterr().out


def test_what_is_neither_a_report_folder_nor_a_bundle_is_named(
    clean_run: SuiteRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["diff", str(tmp_path / "absent"), str(clean_run.out_dir)]) == 2
    assert f"{tmp_path / 'absent'}: no such report folder or bundle" in capsys.readouterr().err
    assert cli.main(["diff", str(tmp_path), str(clean_run.out_dir)]) == 2
    assert "no compliance.json" in capsys.readouterr().err


# --- the categories, on hand-made reports ------------------------------------------------------


def _rule(rule_id: str, status: str, scenarios: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "id": rule_id,
        "title": f"rule {rule_id}",
        "status": status,
        "message": f"{status} reason" if status in ("FAIL", "BROKEN") else "",
        "out_of_scope": "",
        "known_deviation": False,
        "scenarios": [{"name": name} for name in scenarios],
        **extra,
    }


def _report(*rules: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema": "portalcert-compliance/1",
        "target": {"name": "t", "engine": "http"},
        "documents": [{"id": "doc-a", "rules": list(rules)}],
    }


OLD = _report(
    _rule("A-1", "PASS", ["one"]),
    _rule("A-2", "PASS", ["two"]),
    _rule("A-3", "FAIL", ["three"]),
    _rule("A-4", "PASS", ["four"]),
    _rule("A-5", "NOT_APPLICABLE", ["five"], out_of_scope="outside the scope"),
    _rule("A-6", "FAIL", ["six"], known_deviation=True),
    _rule("A-7", "PASS", ["seven", "seven bis"]),
)


def _changed(rule_id: str, **fields: Any) -> dict[str, Any]:
    new = copy.deepcopy(OLD)
    for rule in new["documents"][0]["rules"]:
        if rule["id"] == rule_id:
            rule.update(fields)
    return new


@pytest.mark.parametrize(
    ("new", "section", "exit_code"),
    [
        (_changed("A-1", status="FAIL"), "Regressed", 1),
        (_changed("A-2", status="BROKEN"), "Became BROKEN", 3),
        (_changed("A-3", status="PASS"), "Fixed", 0),
        (_changed("A-4", status="NOT_APPLICABLE", out_of_scope="outside the scope"), "Left scope", 0),
        (_changed("A-5", status="PASS", out_of_scope=""), "Entered scope", 0),
        (_changed("A-1", status="NOT_COVERED"), "Other status changes", 0),
    ],
)
def test_each_status_change_lands_in_its_section(new: dict[str, Any], section: str, exit_code: int) -> None:
    diff = compare(OLD, new)
    assert {title for title, items in diff.sections() if items} == {section}
    assert diff.exit_code() == exit_code


def test_a_declared_deviation_that_still_fails_is_no_regression() -> None:
    assert compare(OLD, copy.deepcopy(OLD)).unchanged
    undeclared = compare(OLD, _changed("A-6", known_deviation=False))
    assert [change.rule for change in undeclared.regressed] == ["A-6"]


def test_a_rule_entering_scope_that_fails_is_a_regression() -> None:
    diff = compare(OLD, _changed("A-5", status="FAIL", out_of_scope=""))
    assert [c.rule for c in diff.entered_scope] == ["A-5"] and [c.rule for c in diff.regressed] == ["A-5"]
    assert diff.exit_code() == 1


def test_scenarios_and_rules_added_or_removed() -> None:
    new = _changed("A-7", scenarios=[{"name": "seven"}, {"name": "seven ter"}])
    new["documents"][0]["rules"].append(_rule("A-8", "PASS", ["eight"]))
    del new["documents"][0]["rules"][0]
    diff = compare(OLD, new)
    assert [(s.rule, s.scenario) for s in diff.scenarios_added] == [("A-7", "seven ter"), ("A-8", "eight")]
    assert [(s.rule, s.scenario) for s in diff.scenarios_removed] == [("A-7", "seven bis"), ("A-1", "one")]
    assert [c.rule for c in diff.rules_added] == ["A-8"] and [c.rule for c in diff.rules_removed] == ["A-1"]
    assert diff.exit_code() == 0


def test_runs_of_different_targets_are_compared_with_a_warning() -> None:
    new = copy.deepcopy(OLD)
    new["target"]["engine"] = "browser"
    assert compare(OLD, new).warnings == ["different engine: 'http' then 'browser'"]
