"""Pools of test accounts: each scenario holds the members it uses, and consumed ones are never reused.

A data set may give a role several members (`"active_sim": ["sim-1", "sim-7"]`). A scenario leases one
member per role it uses; holding a member is an exclusive `fcntl.flock` on `<directory>/<member>.lock`,
so no other scenario, in this process or in any process sharing the directory (parallel workers), gets
it at the same time, and the kernel drops the lock if a process dies. A member a scenario used up (a SIM
a registration bound to a new user) is marked consumed, `<directory>/consumed/<member>`, and never
leased again in the run; on a portal without reset it is also written to a state file that outlives the
run, so the next run does not register the same SIM twice.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, unquote

from portalcert.errors import ConfigError

STATE_SCHEMA = "portalcert-accounts-state/1"
DEFAULT_WAIT_SECONDS = 60.0  # a member held by a parallel scenario is free again within one scenario
_POLL_SECONDS = 0.05


class LeaseError(Exception):
    """No member of a pool can be given to the scenario."""

    def __init__(self, role: str, message: str) -> None:
        super().__init__(message)
        self.role = role


class PoolExhausted(LeaseError):
    def __init__(self, role: str, members: list[str], consumed: list[str]) -> None:
        used = ", ".join(consumed)
        super().__init__(
            role,
            f"add more {role} to the data set ({len(consumed)} of {len(members)} used: {used})",
        )


class PoolBusy(LeaseError):
    def __init__(self, role: str, members: list[str], waited: float) -> None:
        super().__init__(
            role,
            f"every {role} ({', '.join(members)}) stayed in use by other scenarios for {waited:g} s;"
            f" add more {role} to the data set or run fewer workers",
        )


def _file_name(member: str) -> str:
    return quote(member, safe="") or "_"


class Leases:
    """One scenario's holdings in a lease directory shared by every scenario of the run."""

    def __init__(self, directory: Path, state_file: Path | None, *, scope: str = "") -> None:
        self.directory = directory
        self.state_file = state_file
        self.scope = scope  # the state file keeps one list per scope (document)
        self._held: dict[str, int] = {}  # member -> open file descriptor holding its lock
        (directory / "consumed").mkdir(parents=True, exist_ok=True)

    def lease(self, role: str, members: list[str], *, consume: bool, wait_seconds: float) -> str:
        """A member of `role` nobody else holds and nobody consumed; waits while all are held."""
        started = time.monotonic()
        while True:
            consumed = self.consumed()
            free = [m for m in members if m not in consumed and m not in self._held]
            if not free:
                raise PoolExhausted(role, members, [m for m in members if m in consumed])
            for member in free:
                if self._try_hold(member):
                    if consume:
                        self.consume(member)
                    return member
            waited = time.monotonic() - started
            if waited >= wait_seconds:
                raise PoolBusy(role, members, wait_seconds)
            time.sleep(_POLL_SECONDS)

    def _try_hold(self, member: str) -> bool:
        fd = os.open(self.directory / f"{_file_name(member)}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        # Another scenario may have consumed it between our look and our lock.
        if member in self.consumed():
            os.close(fd)
            return False
        self._held[member] = fd
        return True

    def consume(self, member: str) -> None:
        """`member` is used up: no scenario of this run (nor, with a state file, of a later one) gets it."""
        (self.directory / "consumed" / _file_name(member)).touch()
        if self.state_file is not None:
            self._record_in_state(member)

    def consumed(self) -> set[str]:
        found = {unquote(p.name) for p in (self.directory / "consumed").iterdir()}
        return found | set(self._state().get(self.scope, {}))

    def release_all(self) -> None:
        for fd in self._held.values():
            os.close(fd)  # closing the last descriptor drops the flock
        self._held.clear()

    def _state(self) -> dict[str, dict[str, str]]:
        if self.state_file is None or not self.state_file.exists():
            return {}
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ConfigError(str(self.state_file), "", f"not valid JSON: {exc.msg}", exc.lineno) from None
        consumed = data.get("consumed", {}) if isinstance(data, dict) else {}
        return consumed if isinstance(consumed, dict) else {}

    def _record_in_state(self, member: str) -> None:
        assert self.state_file is not None
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        lock = self.state_file.with_name(self.state_file.name + ".lock")
        with lock.open("a") as guard:  # one writer at a time across processes
            fcntl.flock(guard, fcntl.LOCK_EX)
            state = self._state()
            when = datetime.now(UTC).isoformat(timespec="seconds")
            state.setdefault(self.scope, {}).setdefault(member, when)
            text = json.dumps({"schema": STATE_SCHEMA, "consumed": state}, indent=2, sort_keys=True)
            partial = self.state_file.with_name(self.state_file.name + ".partial")
            partial.write_text(text + "\n", encoding="utf-8")
            partial.replace(self.state_file)  # readers never see half a file


def forget_consumed(lease_dir: Path) -> None:
    """Start a new run in the same lease directory: what the previous one consumed is usable again
    (the portal was reset). The state file of a portal without reset is left alone."""
    for consumed in lease_dir.glob("*/consumed"):
        shutil.rmtree(consumed, ignore_errors=True)
        consumed.mkdir()
