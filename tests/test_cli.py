"""The command line as users meet it: exit codes, one-line errors, reports that survive failures."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from portalcert import registry

from .simulator_target import DATASET
from .suite_runs import PROJECT, portalcert, run_suite

CM6 = "tim-convenzione-mobile-6"  # the data set DATASET is CM6's


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_missing_target_file_exits_2_with_one_line() -> None:
    done = portalcert("run", "--target", "missing.yaml")
    assert done.returncode == 2
    assert done.stderr.strip() == "portalcert: error: missing.yaml: file not found"


def test_malformed_target_names_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: portalcert-target/1\nname: x\nbase_url: http://127.0.0.1:1\nengin: http\n")
    done = portalcert("run", "--target", str(bad))
    assert done.returncode == 2
    assert re.search(r"bad\.yaml:4: engin: unknown key", done.stderr), done.stderr
    assert "Traceback" not in done.stderr


def test_unreachable_portal_exits_2_quickly_with_the_reason(tmp_path: Path) -> None:
    port = closed_port()
    env = {"PORTALCERT_SIM_URL": f"http://127.0.0.1:{port}", "PORTALCERT_SIM_TOKEN": "t"}
    started = time.monotonic()
    done = portalcert("run", "--target", "targets/simulator-served.yaml", "--out", str(tmp_path), env=env)
    assert done.returncode == 2
    assert time.monotonic() - started < 15
    assert f"http://127.0.0.1:{port} is unreachable" in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_defect_is_a_usage_error(tmp_path: Path) -> None:
    done = portalcert("run", "--defect", "no_such_defect", "--out", str(tmp_path))
    assert done.returncode == 2
    assert "unknown simulator defect(s): no_such_defect" in done.stderr


def test_rules_lists_every_cm6_rule() -> None:
    done = portalcert("rules", "--document", "tim-convenzione-mobile-6")
    assert done.returncode == 0
    listed = set(re.findall(r"CM6-\d{2}", done.stdout))
    assert len(listed) >= 15 and "CM6-29" in listed


def test_committed_fixtures_validate() -> None:
    for document in (d for d, spec in registry.all_documents().items() if not spec.profile):
        done = portalcert("fixtures", "validate", "--document", document)
        assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_tag_selection_reports_other_rules_as_not_covered(tmp_path: Path) -> None:
    run = run_suite(tmp_path, "--tags", "@rule:CM6-17")
    statuses = run.rule_statuses()
    assert statuses["CM6-17"] == "PASS"
    assert statuses["CM6-01"] == "NOT_COVERED"
    assert run.rule("CM6-01")["scenarios"][0]["message"] == "not selected for this run"
    assert run.exit_code == 0
    assert (tmp_path / "junit").is_dir() and any((tmp_path / "allure-results").glob("*-result.json"))


@pytest.mark.slow
def test_simulator_killed_mid_run_gives_broken_scenarios_and_a_report(tmp_path: Path) -> None:
    env = {**os.environ, "PORTALCERT_SIM_TOKEN": "kill-test-token"}
    server = subprocess.Popen(
        [sys.executable, "-m", "portalcert", "serve", "--port", "0", "--database", "sqlite://"],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert server.stdout is not None
        url = re.search(r"on (http://127\.0\.0\.1:\d+)/", server.stdout.readline())
        assert url, "serve prints its URL first"
        run_env = {**env, "PORTALCERT_SIM_URL": url.group(1)}
        run = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "portalcert",
                "run",
                "--target",
                "targets/simulator-served.yaml",
                "--out",
                str(tmp_path),
            ],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=run_env,
        )
        assert run.stderr is not None
        for _ in range(5):  # let five scenarios finish, then pull the plug
            run.stderr.readline()
        server.kill()
        _stdout, stderr = run.communicate(timeout=180)
    finally:
        server.kill()
    report = json.loads((tmp_path / "compliance.json").read_text(encoding="utf-8"))
    scenarios = [s for doc in report["documents"] for rule in doc["rules"] for s in rule["scenarios"]]
    broken = [s for s in scenarios if s["status"] == "BROKEN"]
    assert any(s["status"] == "PASS" for s in scenarios), "the scenarios before the kill still count"
    assert broken and all("unreachable" in s["message"] or "cannot reach" in s["message"] for s in broken)
    assert not any(s["status"] == "FAIL" for s in scenarios), "a dead portal is BROKEN, never FAIL"
    assert run.returncode == 3
    assert "Traceback" not in stderr
    assert (tmp_path / "compliance.html").exists()


@pytest.mark.slow
@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_interrupted_run_still_writes_what_it_has(tmp_path: Path, signal_name: str) -> None:
    import signal

    run = subprocess.Popen(
        [sys.executable, "-m", "portalcert", "run", "--out", str(tmp_path)],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert run.stderr is not None
    passed = 0
    while passed < 8:  # progress lines: one per finished scenario
        line = run.stderr.readline()
        assert line, "the run ended before it could be interrupted"
        passed += "] PASS" in line
    run.send_signal(getattr(signal, signal_name))
    _stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 130, stderr[-2000:]
    report = json.loads((tmp_path / "compliance.json").read_text(encoding="utf-8"))
    assert report["interrupted"] is True
    scenarios = [s for doc in report["documents"] for rule in doc["rules"] for s in rule["scenarios"]]
    assert sum(s["status"] == "PASS" for s in scenarios) >= 8
    not_run = [s for s in scenarios if s["status"] == "NOT_COVERED"]
    assert not_run and all(s["message"] == "not run: the run was interrupted" for s in not_run)
    assert not any(s["status"] == "FAIL" for s in scenarios), "an interruption is not a violation"
    assert (tmp_path / "compliance.html").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["fixtures", "validate", "--document", CM6, "nonexistent.json"],
            "nonexistent.json: data set not found",
        ),
        (["run", "--tags", "@rule:CM6-17 and ("], "--tags: not a valid tag expression"),
        (["run", "--out", "/dev/null/reports"], "--out: cannot create /dev/null/reports"),
        (["run", "--document", "tim-mybusiness-2"], "--document: unknown document 'tim-mybusiness-2'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    done = portalcert(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], done.stderr


# --- the browser engine at the command line ---------------------------------------------------


def test_unreachable_portal_on_the_browser_engine_exits_2_quickly(tmp_path: Path) -> None:
    port = closed_port()
    env = {"PORTALCERT_SIM_URL": f"http://127.0.0.1:{port}", "PORTALCERT_SIM_TOKEN": "t"}
    started = time.monotonic()
    done = portalcert(
        "run",
        "--target",
        "targets/simulator-served.yaml",
        "--engine",
        "browser",
        "--out",
        str(tmp_path),
        env=env,
    )
    assert done.returncode == 2
    assert time.monotonic() - started < 15
    assert f"http://127.0.0.1:{port} is unreachable" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--browser-executable", "/nonexistent/chromium"],
            "/nonexistent/chromium: no such browser executable",
        ),
        (
            ["--browser-connect", "ws://127.0.0.1:{port}/pw"],
            "cannot connect to the remote browser at ws://127.0.0.1:",
        ),
    ],
)
def test_a_browser_that_cannot_start_is_a_configuration_error(
    tmp_path: Path, args: list[str], message: str
) -> None:
    args = [arg.replace("{port}", str(closed_port())) for arg in args]
    started = time.monotonic()
    done = portalcert("run", "--engine", "browser", "--out", str(tmp_path), *args)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert time.monotonic() - started < 30


@pytest.mark.slow
def test_ctrl_c_in_a_terminal_interrupts_a_browser_run_cleanly(tmp_path: Path) -> None:
    """A terminal's Ctrl-C signals the whole process group, Playwright's driver included."""
    import signal

    run = subprocess.Popen(
        [sys.executable, "-m", "portalcert", "run", "--engine", "browser", "--out", str(tmp_path)],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group, like a shell job
    )
    assert run.stderr is not None
    passed = 0
    while passed < 2:
        line = run.stderr.readline()
        assert line, "the run ended before it could be interrupted"
        passed += "] PASS" in line
    os.killpg(run.pid, signal.SIGINT)
    _stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 130, stderr[-2000:]
    assert "Traceback" not in stderr
    report = json.loads((tmp_path / "compliance.json").read_text(encoding="utf-8"))
    scenarios = [s for doc in report["documents"] for rule in doc["rules"] for s in rule["scenarios"]]
    assert sum(s["status"] == "PASS" for s in scenarios) >= 2
    assert not any(s["status"] in ("FAIL", "BROKEN") for s in scenarios), "an interruption judges nothing"


def test_fixtures_validate_partial_accepts_a_set_without_some_roles(tmp_path: Path) -> None:
    data = json.loads(DATASET.read_text(encoding="utf-8"))
    del data["accounts"]["cm5_user"]
    partial = tmp_path / "accounts.json"
    partial.write_text(json.dumps(data), encoding="utf-8")
    strict = portalcert("fixtures", "validate", "--document", CM6, str(partial))
    assert strict.returncode == 1 and "role cm5_user is missing from accounts" in strict.stderr
    assert portalcert("fixtures", "validate", "--document", CM6, "--partial", str(partial)).returncode == 0
