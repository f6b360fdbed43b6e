"""`portalcert run --workers N`: one report, identical to one process's; Ctrl-C and a dead worker."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from portalcert import catalog
from tests.suite_runs import PROJECT, SuiteRun, portalcert, run_suite

from . import normalise

CM6 = "tim-convenzione-mobile-6"

pytestmark = pytest.mark.xdist_group("parallel-runs")


def scenarios(out: Path) -> list[dict[str, Any]]:
    report = json.loads((out / "compliance.json").read_text(encoding="utf-8"))
    return [s for doc in report["documents"] for rule in doc["rules"] for s in rule["scenarios"]]


def start_run(out: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        # One document, as when these tests were written: which rules have run when the run is stopped
        # depends on the schedule, and an unfinished run of several documents may not yet have seen a
        # locator an absence check rests on (that PASS is then set aside as BROKEN).
        [
            sys.executable,
            "-m",
            "portalcert",
            "run",
            "--document",
            CM6,
            "--workers",
            "2",
            "--out",
            str(out),
            *args,
        ],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a shell job
    )


def wait_for_passes(run: subprocess.Popen[str], count: int) -> None:
    assert run.stderr is not None
    passed = 0
    while passed < count:  # progress lines: one per finished scenario, fed by both workers
        line = run.stderr.readline()
        assert line, "the run ended before the test could act"
        passed += "] PASS" in line


@pytest.mark.slow
def test_two_workers_write_the_reports_one_process_writes(one_process_run: SuiteRun, tmp_path: Path) -> None:
    two = run_suite(tmp_path, "--workers", "2")
    assert two.exit_code == one_process_run.exit_code == 0, two.stderr[-2000:]
    one_dir, two_dir = one_process_run.out_dir, two.out_dir
    assert normalise.compliance(two_dir) == normalise.compliance(one_dir)
    assert normalise.junit(two_dir) == normalise.junit(one_dir)
    allure = normalise.allure(two_dir)
    every_scenario = sum(len(rule.scenarios) for rule in catalog.load().rules)
    assert len(allure) == len(scenarios(one_dir)) == every_scenario
    assert allure == normalise.allure(one_dir)
    assert normalise.cucumber(two_dir) == normalise.cucumber(one_dir)


@pytest.mark.slow
def test_ctrl_c_lets_each_worker_finish_its_scenario_and_writes_the_report(tmp_path: Path) -> None:
    # One document: which rules ran before the interruption must include one that shows an error, or
    # "no error shown" rests on a locator the shortened run never saw match (BROKEN, rightly).
    run = start_run(tmp_path)
    wait_for_passes(run, 8)
    os.killpg(run.pid, signal.SIGINT)  # a terminal's Ctrl-C: the whole process group
    _stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 130, stderr[-2000:]
    assert "Traceback" not in stderr
    report = json.loads((tmp_path / "compliance.json").read_text(encoding="utf-8"))
    assert report["interrupted"] is True
    found = scenarios(tmp_path)
    assert sum(s["status"] == "PASS" for s in found) >= 8
    not_run = [s for s in found if s["status"] == "NOT_COVERED"]
    assert not_run and all(s["message"] == "not run: the run was interrupted" for s in not_run)
    assert not any(s["status"] in ("FAIL", "BROKEN") for s in found), "an interruption judges nothing"
    assert (tmp_path / "compliance.html").exists()


@pytest.mark.slow
def test_a_killed_worker_leaves_its_rule_broken_and_the_others_judged(tmp_path: Path) -> None:
    run = start_run(tmp_path)
    wait_for_passes(run, 2)  # both workers are in the middle of a rule
    workers = Path(f"/proc/{run.pid}/task/{run.pid}/children").read_text().split()
    assert len(workers) == 2
    os.kill(int(workers[0]), signal.SIGKILL)
    _stdout, stderr = run.communicate(timeout=120)  # never a hang: the other worker finishes the run
    assert run.returncode == 3, stderr[-2000:]
    report = json.loads((tmp_path / "compliance.json").read_text(encoding="utf-8"))
    rules = {rule["id"]: rule for doc in report["documents"] for rule in doc["rules"]}
    broken = [rule for rule in rules.values() if rule["status"] == "BROKEN"]
    assert broken, "the killed worker's rule has no verdict"
    for rule in broken:
        assert "worker process running this rule stopped unexpectedly (killed by signal 9)" in rule["message"]
    # (NOT_APPLICABLE: the profile rules a browser must judge, on this http run)
    judged = [rule for rule in rules.values() if rule["status"] in ("PASS", "REVIEW", "NOT_APPLICABLE")]
    assert len(judged) + len(broken) == len(rules), "the other worker ran every other rule"


def test_workers_refuse_a_portal_that_resets_between_scenarios(tmp_path: Path) -> None:
    env = {"PORTALCERT_SIM_URL": "http://127.0.0.1:9", "PORTALCERT_SIM_TOKEN": "t"}
    args = ("--target", "targets/simulator-served.yaml", "--workers", "2", "--out", str(tmp_path))
    done = portalcert("run", *args, env=env)
    assert done.returncode == 2
    assert "control: --workers needs a portal each worker can use alone" in done.stderr
    assert "Traceback" not in done.stderr
