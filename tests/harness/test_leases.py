"""Pools: a member is held by one scenario at a time, across processes; a consumed one never comes back."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from portalcert.leases import Leases, PoolBusy, PoolExhausted, forget_consumed

# A second process sharing the lease directory: leases `member`, says so, and holds it until told to
# go (a line on stdin), consuming it first when asked to.
HOLDER = """
import sys
from pathlib import Path
from portalcert.leases import Leases
leases = Leases(Path(sys.argv[1]), None)
member = leases.lease("active_sim", [sys.argv[2]], consume=sys.argv[3] == "consume", wait_seconds=0)
print(member, flush=True)
sys.stdin.readline()
leases.release_all()
"""


def holder(directory: Path, member: str, *, consume: bool = False) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(directory), member, "consume" if consume else "hold"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == member
    return process


def finish(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None
    process.stdin.write("go\n")
    process.stdin.flush()
    assert process.wait(timeout=30) == 0


def test_two_scenarios_never_hold_the_same_member(tmp_path: Path) -> None:
    first, second = Leases(tmp_path, None), Leases(tmp_path, None)
    assert first.lease("user", ["usr-1", "usr-2"], consume=False, wait_seconds=0) == "usr-1"
    assert second.lease("user", ["usr-1", "usr-2"], consume=False, wait_seconds=0) == "usr-2"
    with pytest.raises(PoolBusy, match=r"every user \(usr-1, usr-2\) stayed in use"):
        Leases(tmp_path, None).lease("user", ["usr-1", "usr-2"], consume=False, wait_seconds=0)
    first.release_all()
    assert Leases(tmp_path, None).lease("user", ["usr-1", "usr-2"], consume=False, wait_seconds=0) == "usr-1"


def test_a_consumed_member_is_never_leased_again(tmp_path: Path) -> None:
    scenario = Leases(tmp_path, None)
    sim = scenario.lease("active_sim", ["sim-1", "sim-7"], consume=False, wait_seconds=0)
    scenario.consume(sim)
    scenario.release_all()
    later = Leases(tmp_path, None)
    assert later.lease("active_sim", ["sim-1", "sim-7"], consume=True, wait_seconds=0) == "sim-7"
    later.release_all()
    with pytest.raises(PoolExhausted) as exhausted:
        Leases(tmp_path, None).lease("active_sim", ["sim-1", "sim-7"], consume=False, wait_seconds=0)
    assert str(exhausted.value) == "add more active_sim to the data set (2 of 2 used: sim-1, sim-7)"


def test_another_process_holds_and_releases(tmp_path: Path) -> None:
    process = holder(tmp_path, "sim-1")
    with pytest.raises(PoolBusy):
        Leases(tmp_path, None).lease("active_sim", ["sim-1"], consume=False, wait_seconds=0)
    got: list[str] = []
    waiting = threading.Thread(
        target=lambda: got.append(
            Leases(tmp_path, None).lease("active_sim", ["sim-1"], consume=False, wait_seconds=120)
        )
    )
    waiting.start()  # polls while the other process holds it
    finish(process)
    waiting.join(timeout=120)
    assert got == ["sim-1"]


def test_a_dead_process_holds_nothing(tmp_path: Path) -> None:
    process = holder(tmp_path, "sim-1")
    process.kill()
    process.wait(timeout=30)
    assert Leases(tmp_path, None).lease("active_sim", ["sim-1"], consume=False, wait_seconds=0) == "sim-1"


def test_what_another_process_consumed_is_exhausted_here(tmp_path: Path) -> None:
    finish(holder(tmp_path, "sim-1", consume=True))
    with pytest.raises(PoolExhausted, match=r"add more active_sim to the data set \(1 of 1 used: sim-1\)"):
        Leases(tmp_path, None).lease("active_sim", ["sim-1"], consume=False, wait_seconds=0)


def test_without_reset_consumption_outlives_the_run(tmp_path: Path) -> None:
    state = tmp_path / "state" / "acme.json"
    first_run = Leases(tmp_path / "run1", state, scope="doc")
    first_run.lease("registrant", ["per-1", "per-2"], consume=True, wait_seconds=0)
    first_run.release_all()
    assert set(json.loads(state.read_text(encoding="utf-8"))["consumed"]["doc"]) == {"per-1"}
    second_run = Leases(tmp_path / "run2", state, scope="doc")  # a new lease directory: a new run
    assert second_run.lease("registrant", ["per-1", "per-2"], consume=False, wait_seconds=0) == "per-2"
    other_document = Leases(tmp_path / "run2", state, scope="other")
    assert other_document.lease("registrant", ["per-1"], consume=False, wait_seconds=0) == "per-1"


def test_with_reset_a_new_run_starts_with_nothing_consumed(tmp_path: Path) -> None:
    scenario = Leases(tmp_path / "doc", None)
    scenario.lease("active_sim", ["sim-1"], consume=True, wait_seconds=0)
    scenario.release_all()
    forget_consumed(tmp_path)
    assert Leases(tmp_path / "doc", None).lease("active_sim", ["sim-1"], consume=False, wait_seconds=0)
