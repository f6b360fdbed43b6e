"""JSON report: shape, schema validity, counts identical to RunResult.summary()."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from portalcert.report import to_dict, write_json
from portalcert.results import DocumentResult, RunResult, Status

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "portalcert" / "report" / "compliance.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def test_valid_against_schema(run: RunResult, schema: dict[str, object]) -> None:
    jsonschema.Draft202012Validator(schema).validate(to_dict(run))


def test_empty_run_valid(schema: dict[str, object]) -> None:
    empty = RunResult("t", "http://x", "http", "2025-01-01T00:00:00Z", 0.0, interrupted=True)
    jsonschema.Draft202012Validator(schema).validate(to_dict(empty))


def test_schema_rejects_drift(run: RunResult, schema: dict[str, object]) -> None:
    data = to_dict(run)
    data["documents"][0]["rules"][0]["status"] = "PASSED"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)


def test_top_level_shape(run: RunResult) -> None:
    data = to_dict(run)
    assert list(data) == [
        "schema", "tool", "target", "started_at", "duration_seconds", "interrupted", "summary", "documents",
    ]  # fmt: skip
    assert data["schema"] == "portalcert-compliance/1"
    assert data["tool"] == {"name": "portalcert", "version": "0.1.0"}
    assert data["target"] == {
        "name": "simulator",
        "base_url": "http://127.0.0.1:5000",
        "engine": "playwright",
    }
    assert data["duration_seconds"] == 187.456
    assert data["interrupted"] is False


def test_counts_equal_summary(run: RunResult) -> None:
    data = to_dict(run)
    assert data["summary"] == run.summary()
    for doc_data, doc in zip(data["documents"], run.documents, strict=True):
        assert doc_data["summary"] == RunResult("t", "", "", "", 0.0, documents=[doc]).summary()
    # the per-document counts add up to the run's
    for key in data["summary"]:
        assert sum(d["summary"][key] for d in data["documents"]) == data["summary"][key]
    # the sample exercises every status
    assert all(data["summary"][s.value] > 0 for s in Status)


def test_rules_and_scenarios(run: RunResult) -> None:
    data = to_dict(run)
    rules = {r["id"]: r for d in data["documents"] for r in d["rules"]}
    for rule in run.rules():
        out = rules[rule.id]
        assert out["status"] == rule.status.value
        assert out["message"] == rule.message
        assert out["quote"] == rule.quote
        assert len(out["scenarios"]) == len(rule.scenarios)
    failing = rules["CM6-05"]["scenarios"][1]
    assert failing["status"] == "FAIL"
    assert failing["evidence"] == ["evidence/CM6-05/step1-refused.png", "evidence/CM6-05/page.html",
                                   "evidence/CM6-05/trace.zip"]  # fmt: skip
    assert failing["failed_step"].startswith("Then the portal refuses")
    assert rules["CM6-17"]["expected_failure"].startswith("Known deviation")
    assert rules["CM6-30"]["status"] == "REVIEW" and rules["CM6-30"]["scenarios"] == []
    assert rules["CM6-29"]["status"] == "NOT_COVERED"


def test_tool_version_defaults_to_package(run: RunResult) -> None:
    import portalcert

    run.tool_version = ""
    assert to_dict(run)["tool"]["version"] == portalcert.__version__


def test_write_json_round_trip(run: RunResult, tmp_path: Path) -> None:
    path = tmp_path / "out" / "compliance.json"
    write_json(run, path)
    text = path.read_text(encoding="utf-8")
    assert "è ora attiva" in text  # ensure_ascii=False: quotes stay readable
    assert json.loads(text) == to_dict(run)


def test_document_without_rules(schema: dict[str, object]) -> None:
    doc = DocumentResult("d", "D", "it", "x.txt")
    data = to_dict(RunResult("t", "", "http", "2025-01-01T00:00:00Z", 1.0, documents=[doc]))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["documents"][0]["summary"]["rules"] == 0
