"""After the run, allure-results carry the final verdicts, the environment and the executor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from portalcert.report import allure_results
from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult, Status

SET_ASIDE = "page map: `common.read.error` ([data-testid=eror]) matched nothing in this run"


def _run() -> RunResult:
    scenarios = [
        ScenarioResult("kept", Status.PASS, location="a.feature:3"),
        ScenarioResult("set aside", Status.BROKEN, f"CM6-17: {SET_ASIDE}", "a.feature:5"),
        ScenarioResult("not run", Status.NOT_COVERED, "not selected for this run", "a.feature:7"),
    ]
    rule = RuleResult("CM6-17", "The username", "quote", scenarios=scenarios)
    return RunResult(
        target="acme portal",
        base_url="https://user:secret@portal.example/cm6",
        engine="browser",
        started_at="2026-11-30T10:00:00+00:00",
        duration=3.0,
        documents=[DocumentResult("doc-1", "Doc one", "it", "seed.md", [rule])],
        tool_version="9.9.9",
        browser="chromium 156.0.7510.2",
    )


def _result_file(folder: Path, name: str, status: str) -> Path:
    path = folder / f"{name.replace(' ', '-')}-result.json"
    data = {"name": name, "status": status, "labels": [{"name": "rule", "value": "CM6-17"}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_a_verdict_set_aside_after_the_run_becomes_broken_in_allure(tmp_path: Path) -> None:
    folder = tmp_path / "allure-results"
    folder.mkdir()
    kept = _result_file(folder, "kept", "passed")
    set_aside = _result_file(folder, "set aside", "passed")
    other = _result_file(folder, "not run", "skipped")
    assert allure_results.finish(_run(), tmp_path) == 1
    assert _read(set_aside)["status"] == "broken"
    assert _read(set_aside)["statusDetails"]["message"] == f"CM6-17: {SET_ASIDE}"
    assert _read(kept) == {
        "name": "kept",
        "status": "passed",
        "labels": [{"name": "rule", "value": "CM6-17"}],
    }
    assert _read(other)["status"] == "skipped"
    assert allure_results.finish(_run(), tmp_path) == 0  # already final: nothing rewritten


def test_environment_and_executor_name_target_engine_and_version_with_secrets_redacted(
    tmp_path: Path,
) -> None:
    (tmp_path / "allure-results").mkdir()
    allure_results.finish(_run(), tmp_path)
    text = (tmp_path / "allure-results" / "environment.properties").read_text(encoding="utf-8")
    assert "secret" not in text
    lines = dict(line.split("=", 1) for line in text.splitlines())
    assert lines["target"] == "acme portal" and lines["engine"] == "browser"
    assert lines["portalcert.version"] == "9.9.9" and lines["documents"] == "doc-1"
    assert lines["target.url"].startswith("https\\://") and "portal.example/cm6" in lines["target.url"]
    executor = json.loads((tmp_path / "allure-results" / "executor.json").read_text(encoding="utf-8"))
    assert lines["browser"] == "chromium 156.0.7510.2"
    build = "acme portal on the browser engine (chromium 156.0.7510.2), portalcert 9.9.9"
    assert executor["buildName"] == build


def test_a_run_without_allure_results_is_left_alone(tmp_path: Path) -> None:
    assert allure_results.finish(_run(), tmp_path) == 0
    assert not (tmp_path / "allure-results").exists()


def test_every_status_has_an_allure_status() -> None:
    assert set(allure_results.ALLURE_STATUS) == set(Status)


def test_a_scenario_left_to_a_person_is_unknown_in_allure(tmp_path: Path) -> None:
    folder = tmp_path / "allure-results"
    folder.mkdir()
    run = _run()
    run.documents[0].rules[0].scenarios[0] = ScenarioResult("kept", Status.REVIEW, "judge the wording")
    kept = _result_file(folder, "kept", "failed")
    allure_results.finish(run, tmp_path)
    assert _read(kept)["status"] == "unknown"
    assert _read(kept)["statusDetails"]["message"] == "judge the wording"
