"""Every class of page-map mistake is BROKEN naming the page-map entry, on both engines, never FAIL.

Each mistake is made in a copy of the simulator's page map and only a cheap rule that meets it is run,
on each engine; mistakes met by different rules share a run. (test_pagemap_typos.py covers more typos,
and `pagemap check`, on the http engine.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .engine_params import ENGINES
from .suite_runs import run_suite, simulator_variant

# class of mistake: (page-map key, wrong value, the rule run, the entry the reason must name)
MISTAKES = {
    "readable matches nothing": (
        "pages.public_home.read.contact_phone",
        "[data-testid=contact-phne]",
        "CM6-01",
        "pages.public_home.read.contact_phone",
    ),
    "action matches nothing": (
        "pages.login.actions.sign_in",
        "[data-testid=action-acedi]",
        "CM6-24",
        "pages.login.actions.sign_in",
    ),
    "action on something nothing can press": (
        "pages.login.actions.sign_in",
        "[data-testid=page-title]",
        "CM6-24",
        "pages.login.actions.sign_in",
    ),
    "field matches nothing": (
        "pages.login.fields.username",
        "input[name=usernme]",
        "CM6-24",
        "pages.login.fields.username",
    ),
    "field on something that is not a field": (
        "pages.registration_step1.fields.identifier",
        "[data-testid=page-title]",
        "CM6-05",
        "pages.registration_step1.fields.identifier",
    ),
    "field matches several": (
        "pages.login.fields.username",
        "[data-page=login] input:not([type=hidden])",
        "CM6-24",
        "pages.login.fields.username",
    ),
    "option value missing": (
        "pages.registration_step1.fields.identifier_kind.options.entity_fiscal_code",
        "codfis",
        "CM6-05",
        "pages.registration_step1.fields.identifier_kind",
    ),
    "page never recognised": (
        "pages.registration_step2.recognise",
        "[data-page=registration-stp2]",
        "CM6-05",
        "pages.registration_step2.recognise",
    ),
}

# Runs: no two mistakes of a run are met by the same rule.
RUNS = [
    ["readable matches nothing", "action matches nothing", "option value missing"],
    ["action on something nothing can press", "page never recognised"],
    ["field matches nothing", "field on something that is not a field"],
    ["field matches several"],
]


# A missing element is declared missing after the browser's action time: keep it short here.
QUICK_BROWSER = "browser:\n  action_seconds: 1\n  trace: false\n"


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("mistakes", RUNS, ids=[" + ".join(run) for run in RUNS])
def test_a_page_map_mistake_is_broken_naming_the_entry_on_both_engines(
    tmp_path: Path, mistakes: list[str], engine: str
) -> None:
    edits: dict[str, str | None] = {MISTAKES[m][0]: MISTAKES[m][1] for m in mistakes}
    rules = [MISTAKES[mistake][2] for mistake in mistakes]
    assert len(set(rules)) == len(rules), "test setup: one mistake per rule in a run"
    target = simulator_variant(tmp_path / "target", edits, extra=QUICK_BROWSER)
    tags = " or ".join(f"@rule:{rule_id}" for rule_id in rules)
    run = run_suite(tmp_path / "out", "--target", str(target), "--engine", engine, "--tags", tags)
    assert run.exit_code == 3, run.stderr[-3000:]
    assert "FAIL" not in run.rule_statuses().values()
    for mistake in mistakes:
        _key, _wrong, rule_id, named = MISTAKES[mistake]
        rule = run.rule(rule_id)
        met = [scenario for scenario in rule["scenarios"] if scenario["status"] != "PASS"]
        assert met and all(scenario["status"] == "BROKEN" for scenario in met), (mistake, rule)
        # A scenario that never met the mistake may still be set aside for an entry it relied on
        # that the shortened run never matched; the ones that met it name it.
        assert any(f"`{named}`" in scenario["message"] for scenario in met), (mistake, met)
