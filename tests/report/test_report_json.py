"""JSON report: shape, schema validity, counts identical to RunResult.summary()."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from portalcert import provenance
from portalcert.report import to_dict, write_json
from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult, Status
from tests.report.sample_run import (
    CM6_05_EVIDENCE,
    KNOWN_DEVIATION_REASON,
    OUT_OF_SCOPE_REASON,
    STALE_DECLARATION_REASON,
)

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


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("known_deviation", True),  # CM6-01 passes and declares nothing
        ("deviation_resolved", True),
        ("out_of_scope", "outside the target's scope"),  # but CM6-01 is PASS, not NOT_APPLICABLE
    ],
)
def test_schema_rejects_inconsistent_declarations(
    run: RunResult, schema: dict[str, object], field: str, value: object
) -> None:
    data = to_dict(run)
    rule = data["documents"][0]["rules"][0]
    assert rule["id"] == "CM6-01" and rule["status"] == "PASS"
    rule[field] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)


@pytest.mark.parametrize("field", ["known_deviation", "deviation_resolved", "out_of_scope"])
def test_schema_requires_the_new_rule_fields(run: RunResult, schema: dict[str, object], field: str) -> None:
    data = to_dict(run)
    del data["documents"][0]["rules"][0][field]
    with pytest.raises(jsonschema.ValidationError, match=field):
        jsonschema.Draft202012Validator(schema).validate(data)


@pytest.mark.parametrize("field", ["known_deviations", "deviations_resolved"])
def test_schema_requires_the_new_summary_counts(
    run: RunResult, schema: dict[str, object], field: str
) -> None:
    data = to_dict(run)
    del data["summary"][field]
    with pytest.raises(jsonschema.ValidationError, match=field):
        jsonschema.Draft202012Validator(schema).validate(data)


def test_top_level_shape(run: RunResult) -> None:
    data = to_dict(run)
    assert list(data) == [
        "schema", "tool", "target", "started_at", "finished_at", "duration_seconds", "interrupted",
        "summary", "verdict", "documents",
    ]  # fmt: skip
    assert data["schema"] == "portalcert-compliance/1"
    assert data["tool"] == {"name": "portalcert", "version": "0.1.0", "commit": provenance.commit()}
    assert data["target"] == {
        "name": "simulator",
        "base_url": "http://127.0.0.1:5000",
        "engine": "playwright",
        "file": "",
        "sha256": "",
        "browser": "",
    }
    assert data["duration_seconds"] == 187.456
    assert data["finished_at"] == "2025-06-03T09:17:12+00:00"  # started 09:14:05 plus 187.456 s
    assert data["verdict"]["key"] == "fail" and data["verdict"]["label"] == "Non-compliant"
    assert data["interrupted"] is False


def test_counts_equal_summary(run: RunResult) -> None:
    data = to_dict(run)
    # RunResult.summary() plus the two deviation counts (CM6-17 known, CM6-16 stale)
    assert data["summary"] == {**run.summary(), "known_deviations": 1, "deviations_resolved": 1}
    for doc_data, doc in zip(data["documents"], run.documents, strict=True):
        alone = RunResult("t", "", "", "", 0.0, documents=[doc])
        assert doc_data["summary"] == {
            **alone.summary(),
            "known_deviations": sum(r.known_deviation for r in doc.rules),
            "deviations_resolved": sum(r.deviation_resolved for r in doc.rules),
        }
    assert [d["summary"]["known_deviations"] for d in data["documents"]] == [1, 0]
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
    assert failing["evidence"] == CM6_05_EVIDENCE
    assert failing["failed_step"].startswith("Then the portal refuses")
    assert rules["CM6-17"]["expected_failure"] == KNOWN_DEVIATION_REASON
    assert rules["CM6-30"]["status"] == "REVIEW" and rules["CM6-30"]["scenarios"] == []
    assert rules["CM6-29"]["status"] == "NOT_COVERED"


def test_declarations_and_scope(run: RunResult) -> None:
    rules = {r["id"]: r for d in to_dict(run)["documents"] for r in d["rules"]}
    declared = {
        rule_id: (r["status"], r["known_deviation"], r["deviation_resolved"], r["out_of_scope"])
        for rule_id, r in rules.items()
        if r["expected_failure"] or r["out_of_scope"]
    }
    assert declared == {
        "CM6-17": ("FAIL", True, False, ""),  # declared and failing: a known deviation
        "CM6-16": ("PASS", False, True, ""),  # declared but passing: a stale declaration
        "CM6-33": ("NOT_APPLICABLE", False, False, OUT_OF_SCOPE_REASON),
    }
    assert rules["CM6-16"]["expected_failure"] == STALE_DECLARATION_REASON
    assert rules["CM6-33"]["message"] == OUT_OF_SCOPE_REASON
    # every other rule: both flags false, no scope reason (CM6-05 FAILs, CM6-11 is NOT_APPLICABLE)
    for rule_id, rule in rules.items():
        if rule_id not in declared:
            assert (rule["known_deviation"], rule["deviation_resolved"], rule["out_of_scope"]) == (
                False,
                False,
                "",
            )


def _one_rule_run(status: Status, *, expected_failure: str = "", out_of_scope: str = "") -> RunResult:
    rule = RuleResult(
        "R-01",
        "t",
        "q",
        expected_failure=expected_failure,
        out_of_scope=out_of_scope,
        scenarios=[ScenarioResult("s", status, message="why")],
    )
    doc = DocumentResult("d", "D", "it", "x.txt", rules=[rule])
    return RunResult("t", "http://x", "http", "2025-01-01T00:00:00Z", 1.0, documents=[doc])


@pytest.mark.parametrize(
    ("status", "expected_failure", "out_of_scope", "flags"),
    [
        (Status.FAIL, "declared", "", (True, False)),
        (Status.PASS, "declared", "", (False, True)),
        (Status.BROKEN, "declared", "", (False, False)),  # a broken check is neither
        (Status.NOT_COVERED, "declared", "", (False, False)),
        (Status.FAIL, "declared", "not in scope", (False, False)),  # out of scope wins: NOT_APPLICABLE
        (Status.FAIL, "", "", (False, False)),
        (Status.PASS, "", "", (False, False)),
    ],
)
def test_deviation_flags_follow_status(
    schema: dict[str, object],
    status: Status,
    expected_failure: str,
    out_of_scope: str,
    flags: tuple[bool, bool],
) -> None:
    data = to_dict(_one_rule_run(status, expected_failure=expected_failure, out_of_scope=out_of_scope))
    jsonschema.Draft202012Validator(schema).validate(data)
    rule = data["documents"][0]["rules"][0]
    assert (rule["known_deviation"], rule["deviation_resolved"]) == flags
    assert (data["summary"]["known_deviations"], data["summary"]["deviations_resolved"]) == flags
    assert rule["out_of_scope"] == out_of_scope
    if out_of_scope:
        assert rule["status"] == "NOT_APPLICABLE" and rule["message"] == out_of_scope


@pytest.mark.parametrize(
    ("rules", "code"),
    [
        ([(Status.FAIL, "declared"), (Status.PASS, "")], 0),  # the only FAIL is a known deviation
        ([(Status.FAIL, "declared"), (Status.FAIL, "")], 1),  # plus an undeclared FAIL
        ([(Status.FAIL, ""), (Status.PASS, "")], 1),
        ([(Status.FAIL, "declared"), (Status.BROKEN, "")], 3),  # BROKEN still counts
        ([(Status.BROKEN, "declared")], 3),  # a declaration only excuses a FAIL
        ([(Status.PASS, "declared")], 0),  # a stale declaration does not fail the run
        ([(Status.BROKEN, "declared BROKEN"), (Status.PASS, "")], 0),  # declared with status: BROKEN
        ([(Status.FAIL, "declared BROKEN")], 1),  # a FAIL is not the BROKEN that was declared
        ([(Status.BROKEN, "declared BROKEN"), (Status.BROKEN, "")], 3),
    ],
)
def test_exit_code_ignores_known_deviations_only(rules: list[tuple[Status, str]], code: int) -> None:
    doc = DocumentResult(
        "d",
        "D",
        "it",
        "x.txt",
        rules=[
            RuleResult(
                f"R-{i:02}",
                "t",
                "q",
                expected_failure=reason,
                expected_status=Status.BROKEN if reason.endswith("BROKEN") else Status.FAIL,
                scenarios=[ScenarioResult("s", status)],
            )
            for i, (status, reason) in enumerate(rules)
        ],
    )
    assert RunResult("t", "", "http", "2025-01-01T00:00:00Z", 1.0, documents=[doc]).exit_code() == code


@pytest.mark.parametrize(
    ("base_url", "shown"),
    [
        ("http://127.0.0.1:5000", "http://127.0.0.1:5000"),
        (
            "https://cert:s3cret@portal.example/self-care?apikey=s3cret",
            "https://cert@portal.example/self-care?apikey=***",
        ),
    ],
)
def test_base_url_is_redacted(run: RunResult, schema: dict[str, object], base_url: str, shown: str) -> None:
    run.base_url = base_url
    data = to_dict(run)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["target"]["base_url"] == shown
    assert "s3cret" not in json.dumps(data)


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
