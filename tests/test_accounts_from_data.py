"""What a vendor's data set and target say about their accounts reaches the verdicts: per-account facts,
capabilities declared absent, expected BROKEN, and pools that a portal without reset uses up across runs.

Runs the embedded simulator through the http engine on a few rules each (a few seconds per run).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from portalcert import target
from portalcert.errors import ConfigError

from . import simulator_target
from .simulator_target import DATASET
from .suite_runs import SuiteRun, portalcert

NO_RESET = ("  reset: true\n", "  reset: false\n")
# A rule next to the ones a test is about, so the page-map entries whose absence their checks rely on
# (no private home, no error) are seen to match somewhere in the run (docs/architecture.md).
WITH_WITNESS = {"CM6-22": "@rule:CM6-22 or @rule:CM6-24", "CM6-20": "@rule:CM6-20 or @rule:CM6-23"}


def data_set(tmp_path: Path, change: Any) -> Path:
    data = json.loads(DATASET.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "accounts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def target_file(tmp_path: Path, data: Path | None = None, extra: str = "", *, reset: bool = True) -> Path:
    path = simulator_target.write(tmp_path, f"data: {DATASET}", f"data: {data or DATASET}", extra=extra)
    if not reset:
        text = path.read_text(encoding="utf-8")
        assert NO_RESET[0] in text, "test setup: the simulator target no longer says reset: true"
        path.write_text(text.replace(*NO_RESET), encoding="utf-8")
    return path


def run(target_path: Path, out: Path, *args: str) -> SuiteRun:
    done = portalcert("run", "--target", str(target_path), "--no-progress", "--out", str(out), *args)
    return SuiteRun(done.returncode, done.stdout, done.stderr, out)


def scenarios(result: SuiteRun, rule_id: str) -> dict[str, tuple[str, str]]:
    return {s["name"]: (s["status"], s["message"]) for s in result.rule(rule_id)["scenarios"]}


def temp_passwords_sent(days_ago: float) -> Any:
    sent = (datetime.now(UTC) - timedelta(days=days_ago)).astimezone().isoformat(timespec="seconds")

    def change(data: dict[str, Any]) -> None:
        for user in data["users"]:
            if user["id"] in data["accounts"]["temp_user"]:
                user["temporary_password_sent_at"] = sent

    return change


def test_a_declared_absent_state_makes_its_scenarios_not_applicable(tmp_path: Path) -> None:
    reason = "SIMs here are active or ceased; there is no declared state"
    path = target_file(tmp_path, extra=f'absent:\n  declared_sim: "{reason}"\n')
    result = run(path, tmp_path / "out", "--tags", "@rule:CM6-06")
    found = scenarios(result, "CM6-06")
    declared = "The declared SIM of the Amministrazione as business number is accepted"
    assert found[declared] == ("NOT_APPLICABLE", f"the target declares declared_sim absent: {reason}")
    assert {status for name, (status, _) in found.items() if name != declared} == {"PASS"}
    assert result.rule("CM6-06")["status"] == "PASS"  # judged by its other scenarios
    assert result.exit_code == 0, result.stderr[-2000:]


@pytest.mark.parametrize(
    ("absent", "message"),
    [
        ('absent:\n  declard_sim: "typo"\n', r"target\.yaml:\d+: absent\.declard_sim: unknown capability"),
        ("absent:\n  clock:\n", r"target\.yaml:\d+: absent\.clock: say why the portal does not have it"),
    ],
)
def test_an_absent_capability_must_be_known_and_explained(tmp_path: Path, absent: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        target.load(str(target_file(tmp_path, extra=absent)))


def test_the_age_of_a_temporary_password_comes_from_the_data_set(tmp_path: Path) -> None:
    # Sent two days ago: "4 days" moves the clock by 2, "6 days" by 4. A harness (or simulator) that
    # took the password as sent at the reset would let 6 days be 4, and the portal would let the user in.
    path = target_file(tmp_path, data_set(tmp_path, temp_passwords_sent(days_ago=2)))
    result = run(path, tmp_path / "out", "--tags", WITH_WITNESS["CM6-22"])
    assert result.rule("CM6-22")["status"] == "PASS", scenarios(result, "CM6-22")


def test_a_temporary_password_older_than_the_scenario_needs_is_broken(tmp_path: Path) -> None:
    path = target_file(tmp_path, data_set(tmp_path, temp_passwords_sent(days_ago=5)))
    result = run(path, tmp_path / "out", "--tags", WITH_WITNESS["CM6-22"])
    found = scenarios(result, "CM6-22")
    status, message = found["The temporary password used 4 days after it was sent"]
    assert status == "BROKEN"
    assert "user usr-2's temporary password was sent 5.0 days ago (temporary_password_sent_at" in message
    assert "add a user whose temporary password is newer to the data set" in message
    assert found["The temporary password used 6 days after it was sent"][0] == "PASS"
    assert result.exit_code == 3


def test_without_reset_the_sending_time_must_be_given_and_broken_may_be_expected(tmp_path: Path) -> None:
    expected = tmp_path / "expected.yaml"
    expected.write_text(
        "schema: portalcert-expected-failures/1\nfailures:\n  - rule: CM6-22\n    status: BROKEN\n"
        '    reason: "the staging data set has no sending times yet"\n',
        encoding="utf-8",
    )
    extra = f"expected_failures: {expected}\naccounts_state: {tmp_path / 'state.json'}\n"
    result = run(target_file(tmp_path, extra=extra, reset=False), tmp_path / "out", "--tags", "@rule:CM6-22")
    for status, message in scenarios(result, "CM6-22").values():
        assert status == "BROKEN"
        assert "the data set does not say when user usr-2 received the temporary password" in message
        assert "give the user temporary_password_sent_at" in message
    rule = result.rule("CM6-22")
    assert rule["known_deviation"] is True and rule["expected_status"] == "BROKEN"
    assert result.exit_code == 0, result.stderr[-2000:]


def test_without_reset_runs_in_a_row_never_register_the_same_sim_twice(tmp_path: Path) -> None:
    def two_of_each(data: dict[str, Any]) -> None:
        data["accounts"]["active_sim"] = data["accounts"]["active_sim"][:2]
        data["accounts"]["registrant"] = data["accounts"]["registrant"][:2]

    data = json.loads(DATASET.read_text(encoding="utf-8"))
    sims, people = data["accounts"]["active_sim"][:2], data["accounts"]["registrant"][:2]
    state = tmp_path / "state" / "acme.json"
    path = target_file(tmp_path, data_set(tmp_path, two_of_each), f"accounts_state: {state}\n", reset=False)
    consumed = []
    for n in (1, 2):
        result = run(path, tmp_path / f"out{n}", "--tags", WITH_WITNESS["CM6-20"])
        assert result.rule("CM6-20")["status"] == "PASS", scenarios(result, "CM6-20")
        consumed.append(json.loads(state.read_text(encoding="utf-8"))["consumed"]["tim-convenzione-mobile-6"])
    assert set(consumed[0]) == {sims[0], people[0]}
    assert set(consumed[1]) == {*sims, *people}  # the second run registered the other SIM and person
    third = run(path, tmp_path / "out3", "--tags", WITH_WITNESS["CM6-20"])
    (status, message), *_ = scenarios(third, "CM6-20").values()
    assert status == "BROKEN"
    # step 2 takes the registrant first: both of them are used up, as are both SIMs
    used = ", ".join(people)
    assert f"accounts.registrant: add more registrant to the data set (2 of 2 used: {used})" in message
    assert third.exit_code == 3
