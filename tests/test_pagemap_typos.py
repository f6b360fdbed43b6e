"""A mistake in a vendor's page map is never a verdict on their portal (issue 7, must-show 2).

Each typo below, made in a copy of the simulator's page map, gives BROKEN with a message naming
the page-map entry and its locator (or exit 2 for a missing name), never FAIL; `pagemap check`
reports each. Only the rules a typo affects are run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .suite_runs import portalcert, run_suite, simulator_variant

TYPOS = {
    "readable element": ("common.read.error", "[data-testid=eror]", "@rule:CM6-17"),
    "field": ("pages.registration_step3.fields.username", "input[name=usernme]", "@rule:CM6-17"),
    "action checked for": (
        "pages.registration_step3.actions.print",
        "[data-testid=action-stmpa]",
        "@rule:CM6-18",
    ),
    "action pressed": ("pages.login.actions.sign_in", "[data-testid=action-acedi]", "@rule:CM6-23"),
    "page recognition": (
        "pages.registration_step2.recognise",
        "[data-page=registration-stp2]",
        "@rule:CM6-05",
    ),
}


@pytest.mark.parametrize("typo", list(TYPOS))
def test_a_page_map_typo_is_broken_naming_the_locator_never_fail(tmp_path: Path, typo: str) -> None:
    key, locator, tags = TYPOS[typo]
    target = simulator_variant(tmp_path / "target", {key: locator})
    run = run_suite(tmp_path / "out", "--target", str(target), "--tags", tags)
    assert run.exit_code == 3, run.stderr[-3000:]
    statuses = run.rule_statuses()
    assert "FAIL" not in statuses.values()
    rule = run.rule(tags.removeprefix("@rule:"))
    assert rule["status"] == "BROKEN"
    # Scenarios that never look at the entry keep their verdict; every other one names it.
    for scenario in rule["scenarios"]:
        if scenario["status"] != "PASS":
            assert scenario["status"] == "BROKEN", scenario
            assert f"`{key}`" in scenario["message"] and locator in scenario["message"], scenario["message"]


def test_a_readable_typo_no_longer_reads_as_17_violated_rules(tmp_path: Path) -> None:
    target = simulator_variant(tmp_path / "target", {"common.read.error": "[data-testid=eror]"})
    run = run_suite(tmp_path / "out", "--target", str(target))
    statuses = run.rule_statuses()
    assert "FAIL" not in statuses.values() and statuses["CM6-17"] == "BROKEN"
    assert (
        "page map: `common.read.error` ([data-testid=eror]) matched nothing in this run"
        in (run.rule("CM6-17")["message"])
    )
    assert run.exit_code == 3


def test_a_missing_name_stops_the_run_naming_the_key_and_its_rules(tmp_path: Path) -> None:
    target = simulator_variant(tmp_path / "target", {"pages.registration_step3.actions.print": None})
    done = portalcert("run", "--no-progress", "--target", str(target), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "pages.registration_step3.actions.print: not in the page map; used by CM6-18" in done.stderr


# A typo on step 2 stops the flows before step 3, so step 3's typos are checked in a second walk.
CHECK_GROUPS = [
    ["readable element", "action pressed", "page recognition"],
    ["field", "action checked for"],
]


@pytest.mark.parametrize("group", CHECK_GROUPS, ids=["+".join(g) for g in CHECK_GROUPS])
def test_pagemap_check_reports_each_typo(tmp_path: Path, group: list[str]) -> None:
    edits = {TYPOS[typo][0]: TYPOS[typo][1] for typo in group}
    target = simulator_variant(tmp_path / "target", dict(edits))
    done = portalcert("pagemap", "check", "--target", str(target))
    assert done.returncode == 1, done.stderr[-3000:]
    reported = {line.split()[2]: line for line in done.stdout.splitlines() if line.startswith("NOT MATCHED")}
    assert set(reported) == set(edits), done.stdout
    for key, locator in edits.items():
        assert locator in reported[key]
    assert f"{len(edits)} matched nothing" in done.stdout


def test_pagemap_check_passes_the_simulators_own_page_map() -> None:
    done = portalcert("pagemap", "check", "--target", "simulator")
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "NOT MATCHED" not in done.stdout and "0 matched nothing" in done.stdout
