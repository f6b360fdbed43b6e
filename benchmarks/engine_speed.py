"""How much slower is the browser engine than the http engine, over the whole suite?

`portalcert run --engine http` and `--engine browser` as subprocesses, a few runs each; prints the wall
time of a run, the run time from compliance.json and the median time per PASS scenario, with and
without the scenario hooks (reset, new browser context and trace, closing it), timed in the subprocess.

The per-scenario comparison with a plain Playwright script doing the same clicks is
benchmarks/browser_overhead.py.

Usage: python benchmarks/engine_speed.py [--runs-http N] [--runs-browser N] [--tags EXPR] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scenario_timing import call, scenario_times  # noqa: E402  (beside this script)

CHROMIUM = "/usr/lib/chromium/chromium"
CHILD = "--child-hook-timings"  # internal: run `portalcert` in this process, timing behave's hooks
MS = 1000.0


# --- the suite, as subprocesses ------------------------------------------------------------------


def child(timings_path: str, argv: list[str]) -> None:
    """`python -m portalcert ARGV`, plus the time of each scenario including its hooks."""
    from portalcert.cli import main as portalcert_main

    with scenario_times() as records:
        try:
            code = portalcert_main(argv)
        finally:
            Path(timings_path).write_text(json.dumps(records))
    sys.exit(code)


@dataclass
class Scenario:
    name: str
    location: str
    status: str
    steps: float  # compliance.json duration_seconds
    full: float | None  # with the scenario hooks (reset, context, trace, close); None if not measured


@dataclass
class SuiteRun:
    engine: str
    trace: bool
    tags: str
    wall: float  # the subprocess, start to exit: interpreter, imports, simulator, browser launch, report
    run: float  # compliance.json duration_seconds: behave's run
    scenarios: list[Scenario] = field(default_factory=list)

    def passed(self) -> list[Scenario]:
        return [s for s in self.scenarios if s.status == "PASS"]


def run_suite(engine: str, *, tags: str, trace: bool = True, executable: str = CHROMIUM) -> SuiteRun:
    folder = Path(tempfile.mkdtemp(prefix="pc-engine-bench-"))
    try:
        report, timings = folder / "report", folder / "hook-timings.json"
        command = [sys.executable, str(Path(__file__).resolve()), CHILD, str(timings)]
        command += ["run", "--no-progress", "--out", str(report), "--engine", engine]
        if tags:
            command += ["--tags", tags]
        if engine == "browser":
            command += ["--browser-executable", executable]
            if not trace:
                command.append("--no-trace")
        started = time.perf_counter()
        code = call(command, folder / "output.log", cwd=ROOT)
        wall = time.perf_counter() - started
        shown = " ".join(command[4:])
        if code != 0 or not (report / "compliance.json").is_file():
            tail = (folder / "output.log").read_text(errors="replace").strip().splitlines()[-15:]
            raise SystemExit(
                f"`portalcert {shown}` exited with {code}; timings would be meaningless. Its output ends:\n"
                + "\n".join(tail)
            )
        compliance = json.loads((report / "compliance.json").read_text())
        hooked = {r["location"]: r for r in json.loads(timings.read_text())} if timings.is_file() else {}
        result = SuiteRun(engine, trace, tags, wall, float(compliance["duration_seconds"]))
        for document in compliance["documents"]:
            for rule in document["rules"]:
                for s in rule["scenarios"]:
                    if s["status"] == "NOT_COVERED":
                        continue
                    full = hooked.get(s["location"], {}).get("full")
                    result.scenarios.append(
                        Scenario(s["name"], s["location"], s["status"], float(s["duration_seconds"]), full)
                    )
        bad = [f"{s.name} {s.status}" for s in result.scenarios if s.status in ("FAIL", "BROKEN")]
        if bad:
            raise SystemExit(f"`portalcert {shown}`: {bad}; timings would be meaningless")
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- reporting -----------------------------------------------------------------------------------


def _median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * MS:8.1f}" if values else f"{'-':>8}"


def _check_chromium(executable: str) -> None:
    path = Path(executable)
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise SystemExit(
            f"no Chromium at {executable}: install Debian's chromium package (`apt-get install chromium`, "
            "which `make setup` does) or pass --browser-executable PATH"
        )
    try:
        import playwright  # noqa: F401
    except ImportError:
        raise SystemExit("Playwright is not installed in this environment (.venv: `make setup`)") from None


def print_suite_table(suite: dict[str, list[SuiteRun]], tags: str) -> None:
    print(f"\nWhole suite{f' (--tags {tags!r})' if tags else ''}, embedded simulator")
    print(
        f"  {'engine':20} {'runs':>4} {'wall s':>8} {'run s':>8} {'PASS':>5} "
        f"{'median/scenario ms: steps':>26} {'full':>8}"
    )
    for key in ("http", "browser"):
        runs = suite.get(key, [])
        if not runs:
            continue
        steps = [s.steps for run in runs for s in run.passed()]
        full = [s.full for run in runs for s in run.passed() if s.full is not None]
        print(
            f"  {key:20} {len(runs):>4} {statistics.median(r.wall for r in runs):8.1f} "
            f"{statistics.median(r.run for r in runs):8.1f} {len(runs[0].passed()):>5} "
            f"{_median_ms(steps):>26} {_median_ms(full)}"
        )
    print(
        "  wall: the `portalcert run` subprocess (interpreter, imports, simulator, browser launch, report);"
        "\n  run: compliance.json duration_seconds; medians over the PASS scenarios of all runs."
    )


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == CHILD:
        child(sys.argv[2], sys.argv[3:])
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs-http", type=int, default=3, help="whole-suite runs on the http engine")
    parser.add_argument("--runs-browser", type=int, default=1, help="whole-suite runs on the browser engine")
    parser.add_argument("--tags", default="", help="restrict the whole-suite runs (behave tag expression)")
    parser.add_argument("--browser-executable", default=CHROMIUM, metavar="PATH")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args()
    _check_chromium(args.browser_executable)
    # A `kill` gets the same clean-up as Ctrl-C: the subprocesses' groups are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    load = os.getloadavg()
    print(
        f"machine: {os.cpu_count()} cores, load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
        f"Python {platform.python_version()}, {platform.platform()}"
    )
    started = time.perf_counter()
    suite: dict[str, list[SuiteRun]] = {}
    for engine, runs in (("http", args.runs_http), ("browser", args.runs_browser)):
        for index in range(runs):
            elapsed = time.perf_counter() - started
            print(f"  [{elapsed:6.1f} s] whole suite on {engine}, run {index + 1}/{runs}", file=sys.stderr)
            suite.setdefault(engine, []).append(
                run_suite(engine, tags=args.tags, executable=args.browser_executable)
            )
    print_suite_table(suite, args.tags)
    end_load = os.getloadavg()
    print(
        f"\ntotal {time.perf_counter() - started:.0f} s; load average at the end "
        f"{end_load[0]:.2f} {end_load[1]:.2f} {end_load[2]:.2f}"
        + (" (more than the cores: the figures are inflated)" if end_load[0] > (os.cpu_count() or 1) else "")
    )
    if args.json:
        machine = {"cores": os.cpu_count(), "load_average_at_start": load, "load_average_at_end": end_load}
        figures = {
            "machine": machine,
            "whole_suite": {key: [asdict(run) for run in runs] for key, runs in suite.items()},
        }
        args.json.write_text(json.dumps(figures, indent=2))
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("\ninterrupted: the subprocess and the browser were stopped", file=sys.stderr)
        sys.exit(130)
