"""The profile's checks that read or replay HTTP exchanges (@needs:wire), through the browser on the
reference simulator, kept to three rules: a form sent again without its token (SEC-11), wrong codes sent
at the same time (SEC-03) and the cookies' flags (SEC-10, on the faithful portal). The browser gives
the verdicts the http engine gives: the declared scenarios FAIL with their defect on, the rest PASS."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert.sensitivity import declared_key
from simulator.defects import catalogue
from tests.suite_runs import run_suite

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser")]

DEFECTS = ("logout_without_csrf_check", "login_code_tries_unlimited")
CM6 = "tim-convenzione-mobile-6"
FAITHFUL = "SEC-10@CM6: Every cookie set while signing in and out has its flags"


def test_wire_checks_fail_through_the_browser_with_their_defects(tmp_path: Path) -> None:
    defects = [d for d in catalogue() if d.name in DEFECTS]
    assert len(defects) == len(DEFECTS)
    switches = [arg for d in defects for arg in ("--defect", d.name)]
    run = run_suite(
        tmp_path,
        "--engine",
        "browser",
        *("--document", CM6, "--document", "security-baseline"),
        *("--tags", "@rule:SEC-03 or @rule:SEC-10 or @rule:SEC-11"),
        *switches,
    )
    statuses = run.scenarios_run()
    killed = {declared_key(key, CM6) for d in defects for key in d.kills}
    assert {key: status for key, (status, _) in statuses.items()} == {
        **dict.fromkeys(killed, "FAIL"),
        FAITHFUL: "PASS",
    }, run.stderr[-3000:]
    replayed = statuses["SEC-11@CM6: The forms of signing in and out are refused without their token"][1]
    assert "/cm6/logout answered 200" in replayed, replayed
    assert run.exit_code == 1
