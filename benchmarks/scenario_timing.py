"""Time each scenario of an in-process `portalcert` run, its hooks included (reset, context, trace);
run a benchmark's child process so that Ctrl-C stops all of it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def scenario_times() -> Iterator[list[dict[str, Any]]]:
    """While open, every scenario that ends appends a record: location, name, status, steps (behave's
    step time), before and after (its hooks) and full (all of it)."""
    from portalcert import hooks

    records: list[dict[str, Any]] = []
    before, after = hooks.before_scenario, hooks.after_scenario

    def before_scenario(context: Any, scenario: Any) -> None:
        context.bench_started = time.perf_counter()
        before(context, scenario)
        context.bench_before = time.perf_counter() - context.bench_started

    def after_scenario(context: Any, scenario: Any) -> None:
        started = time.perf_counter()
        after(context, scenario)
        ended = time.perf_counter()
        records.append(
            {
                "location": str(scenario.location),
                "name": scenario.name,
                "status": scenario.status.name,
                "steps": float(scenario.duration or 0.0),
                "before": context.bench_before,
                "after": ended - started,
                "full": ended - context.bench_started,
            }
        )

    hooks.before_scenario, hooks.after_scenario = before_scenario, after_scenario
    try:
        yield records
    finally:
        hooks.before_scenario, hooks.after_scenario = before, after


def call(command: list[str], log: Path, *, cwd: Path, env: dict[str, str] | None = None) -> int:
    """Run `command` with its output in `log`, in its own session: Ctrl-C reaches only us, and we
    stop its whole process group (Playwright's driver too)."""
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            return process.wait()
        except BaseException:
            _kill(process)
            raise


def _kill(process: subprocess.Popen[bytes]) -> None:
    for sig, grace in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        if process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=grace)
