"""A target narrows the rules it answers for and declares its known deviations; the report keeps both.

Runs the embedded simulator through the http engine (fast), with a target file written per test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert import target

from .suite_runs import SuiteRun, portalcert

SIMULATOR = target.BUILTIN_DIR / "simulator.yaml"


def simulator_target(tmp_path: Path, extra: str) -> Path:
    text = SIMULATOR.read_text(encoding="utf-8")
    text = text.replace(
        "pagemap: simulator/pagemap.yaml", f"pagemap: {target.BUILTIN_DIR / 'simulator' / 'pagemap.yaml'}"
    )
    data_set = "documents/tim_convenzione_mobile6/reference/dataset.json"
    text = text.replace(f"data: ../{data_set}", f"data: {target.BUILTIN_DIR.parent / data_set}")
    path = tmp_path / "target.yaml"
    path.write_text(text + extra, encoding="utf-8")
    return path


def declare(tmp_path: Path, rule: str, reason: str) -> Path:
    path = tmp_path / "expected-failures.yaml"
    path.write_text(
        f'schema: portalcert-expected-failures/1\nfailures:\n  - rule: {rule}\n    reason: "{reason}"\n',
        encoding="utf-8",
    )
    return path


def run(tmp_path: Path, target_file: Path, *args: str) -> SuiteRun:
    out = tmp_path / "out"
    done = portalcert("run", "--target", str(target_file), "--no-progress", "--out", str(out), *args)
    return SuiteRun(done.returncode, done.stdout, done.stderr, out)


def test_a_declared_deviation_is_reported_but_does_not_fail_the_run(tmp_path: Path) -> None:
    expected = declare(tmp_path, "CM6-17", "17-character usernames until CR-1234 ships")
    scope = "rules: [CM6-16, CM6-17]\n"
    path = simulator_target(tmp_path, f"{scope}expected_failures: {expected}\n")
    result = run(tmp_path, path, "--defect", "username_accepts_17_chars")
    rule = result.rule("CM6-17")
    assert rule["status"] == "FAIL" and rule["known_deviation"] is True, result.stderr[-2000:]
    assert rule["expected_failure"] == "17-character usernames until CR-1234 ships"
    assert result.rule("CM6-16")["status"] == "PASS"
    others = {r: s for r, s in result.rule_statuses().items() if r not in ("CM6-16", "CM6-17")}
    assert set(others.values()) == {"NOT_APPLICABLE"}
    assert result.rule("CM6-05")["out_of_scope"].startswith("outside the target's scope")
    assert result.exit_code == 0
    assert "known deviation" in result.stderr


def test_an_expected_failure_that_passes_is_flagged(tmp_path: Path) -> None:
    expected = declare(tmp_path, "CM6-17", "17-character usernames until CR-1234 ships")
    path = simulator_target(tmp_path, f"rules: [CM6-17]\nexpected_failures: {expected}\n")
    result = run(tmp_path, path)
    rule = result.rule("CM6-17")
    assert rule["status"] == "PASS" and rule["deviation_resolved"] is True
    assert result.report["summary"]["deviations_resolved"] == 1
    assert "expected failure now passes" in result.stderr.lower() or "now passing" in result.stderr.lower()
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("rules: [CM6-99]\n", "rules: CM6-99 is not a rule of the documents in scope"),
        ("expected_failures: {expected}\n", "failures: CM6-98 is not a rule of the documents in scope"),
    ],
)
def test_unknown_rule_ids_are_configuration_errors(tmp_path: Path, extra: str, message: str) -> None:
    expected = declare(tmp_path, "CM6-98", "no such rule")
    path = simulator_target(tmp_path, extra.format(expected=expected))
    result = run(tmp_path, path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "out" / "compliance.json").exists()


def test_secrets_from_the_environment_never_reach_the_reports(tmp_path: Path) -> None:
    secret = "captcha-bypass-3f9c1d7e"
    path = simulator_target(tmp_path, "")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "test_value: portalcert-captcha-bypass", "test_value: ${PC_CAPTCHA_SECRET}"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = portalcert(
        "run",
        "--target",
        str(path),
        "--no-progress",
        "--out",
        str(out),
        "--tags",
        "@rule:CM6-09",
        "--defect",
        "captcha_not_checked",
        env={"PC_CAPTCHA_SECRET": secret},
    )
    result = SuiteRun(done.returncode, done.stdout, done.stderr, out)
    assert result.rule("CM6-09")["status"] == "FAIL", done.stderr[-2000:]
    written = [p for p in out.rglob("*") if p.is_file()]
    assert any(p.name == "compliance.html" for p in written) and any(
        p.parent.name == "junit" for p in written
    )
    leaking = [str(p.relative_to(out)) for p in written if secret.encode() in p.read_bytes()]
    assert leaking == []
    assert secret not in done.stdout + done.stderr
