"""How much slower is the browser engine than the http engine, and than a plain Playwright script?

Two parts, both against the embedded simulator:

1. Whole suite: `portalcert run --engine http` and `--engine browser` as subprocesses, a few runs each;
   prints the wall time of a run and the median time per PASS scenario.
2. One scenario, CM6-24 "The right code opens the private area" (sign in with username and password,
   read the SMS code from the simulator's outbox, type it, reach the private area):
   - the suite on the browser engine, with and without its Playwright trace (`--no-trace`);
   - a plain Playwright script doing the same clicks in one process (no page map, no behave, no
     settling), with and without Playwright tracing;
   - the suite on the http engine, for reference.

Two times per scenario, so that like is compared with like:

- steps: what compliance.json reports (`duration_seconds`, behave's sum of step times): for the
  plain script, from opening /login to seeing the private home page;
- full:  also the per-scenario set-up and tear-down, which behave keeps out of the step times: the
  simulator reset, the new browser context (and trace start) before, closing it (and dropping the
  trace) after. The suite's is measured by timing behave's scenario hooks in the subprocess.

Usage: python benchmarks/engine_speed.py [--runs-http N] [--runs-browser N] [--tags EXPR]
           [--runs N] [--iterations N] [--quick] [--json PATH]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from documents.tim_convenzione_mobile6.testdata import TestData  # noqa: E402
from portalcert import target  # noqa: E402
from portalcert.control import SimulatorClient  # noqa: E402
from portalcert.session import start_simulator  # noqa: E402

CM6 = "tim-convenzione-mobile-6"

CHROMIUM = "/usr/lib/chromium/chromium"
SCENARIO = "The right code opens the private area"  # CM6-24, in the document's login.feature
SCENARIO_TAGS = "@rule:CM6-24"  # its two scenarios; behave has no name filter in `portalcert run`
CHILD = "--child-hook-timings"  # internal: run `portalcert` in this process, timing behave's hooks
# The browser engine's launch flags (portalcert.engines.browser_launch), so both drive the same browser.
QUIET_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MS = 1000.0


# --- the suite, as subprocesses ------------------------------------------------------------------


def child(timings_path: str, argv: list[str]) -> None:
    """`python -m portalcert ARGV`, plus the time of each scenario including its hooks."""
    from portalcert import hooks
    from portalcert.cli import main as portalcert_main

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
                "steps": float(scenario.duration or 0.0),
                "before": context.bench_before,
                "after": ended - started,
                "full": ended - context.bench_started,
            }
        )

    hooks.before_scenario, hooks.after_scenario = before_scenario, after_scenario
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


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Stop a subprocess and whatever it started (its own process group)."""
    for sig, grace in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        if process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=grace)


def _call(command: list[str], log: Path) -> int:
    with log.open("wb") as sink:
        # Its own session: Ctrl-C reaches only us, and we stop the whole group (Playwright's driver too).
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            return process.wait()
        except BaseException:
            _kill(process)
            raise


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
        code = _call(command, folder / "output.log")
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


# --- the same scenario, by a plain Playwright script ---------------------------------------------


@dataclass
class PlainTimes:
    reset: list[float] = field(default_factory=list)
    open: list[float] = field(default_factory=list)  # new context (+ trace start) + new page
    steps: list[float] = field(default_factory=list)  # /login to the private home page
    close: list[float] = field(default_factory=list)  # (trace chunk dropped +) context closed

    @property
    def full(self) -> list[float]:
        return [sum(t) for t in zip(self.reset, self.open, self.steps, self.close, strict=True)]


def _start_simulator(tgt: target.Target) -> tuple[str, str, Any]:
    """The embedded simulator, started the way portalcert.session does; returns url, token, stop."""
    token = secrets.token_urlsafe(16)
    base_url, stop = start_simulator(tgt, token)
    return base_url, token, stop


def plain_playwright(iterations: int, warmups: int, executable: str) -> tuple[dict[str, PlainTimes], str]:
    """CM6-24's first scenario by hand; the untraced and traced variants alternate, iteration by iteration."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    tgt = target.load("simulator")
    data: TestData = tgt.binding(CM6).data
    user = data.user("user")
    pattern = tgt.patterns(CM6)["login_otp"]
    base_url, token, stop = _start_simulator(tgt)
    control = SimulatorClient(base_url, token)
    times = {"plain": PlainTimes(), "traced": PlainTimes()}
    try:
        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(
                    executable_path=executable, args=QUIET_ARGS, handle_sigint=False, timeout=30_000
                )
            except PlaywrightError as exc:
                raise SystemExit(
                    f"cannot launch Chromium at {executable}: {str(exc).splitlines()[0]}"
                ) from None
            try:
                for iteration in range(warmups + iterations):
                    for variant, record in times.items():
                        t0 = time.perf_counter()
                        control.reset()  # also empties the outbox: the code is the first SMS after it
                        t1 = time.perf_counter()
                        context = browser.new_context(base_url=base_url)
                        if variant == "traced":
                            context.tracing.start(screenshots=True, snapshots=True)
                            context.tracing.start_chunk()
                        page = context.new_page()
                        t2 = time.perf_counter()
                        page.goto("/cm6/login")
                        page.fill("input[name=username]", user.username)
                        page.fill("input[name=password]", user.password)
                        page.click("[data-testid=action-accedi]")
                        page.wait_for_selector("[data-page=login-otp]")
                        sms = control.messages("sms", user.business_mobile, after=0, wait=5)
                        match = pattern.search(sms[-1].body) if sms else None
                        if match is None:
                            raise SystemExit(f"no login code by SMS to {user.business_mobile}: {sms}")
                        page.fill("input[name=otp]", match.group(1))
                        page.click("[data-testid=action-accedi]")
                        page.wait_for_selector("[data-page=private-home]")
                        t3 = time.perf_counter()
                        if variant == "traced":
                            context.tracing.stop_chunk()  # no path: dropped, as the suite does on a PASS
                            context.tracing.stop()
                        context.close()
                        t4 = time.perf_counter()
                        if iteration >= warmups:
                            record.reset.append(t1 - t0)
                            record.open.append(t2 - t1)
                            record.steps.append(t3 - t2)
                            record.close.append(t4 - t3)
                version = browser.version
            finally:
                browser.close()
    finally:
        control.close()
        stop()
    return times, version


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


def _suite_row(label: str, runs: list[SuiteRun]) -> dict[str, Any]:
    picked = [s for run in runs for s in run.passed() if s.name == SCENARIO]
    return {
        "row": label,
        "samples": len(picked),
        "steps": [s.steps for s in picked],
        "full": [s.full for s in picked if s.full is not None],
    }


def scenario_rows(
    scenario_suite: dict[str, list[SuiteRun]],
    plain: dict[str, PlainTimes],
    whole_suite: dict[str, list[SuiteRun]],
) -> list[dict[str, Any]]:
    rows = [
        _suite_row("suite browser", scenario_suite.get("browser", [])),
        _suite_row("suite browser --no-trace", scenario_suite.get("browser-no-trace", [])),
    ]
    for key, label in (("plain", "plain Playwright"), ("traced", "plain Playwright + tracing")):
        record = plain.get(key)
        if record is not None:
            row = {"row": label, "samples": len(record.steps), "steps": record.steps, "full": record.full}
            rows.append({**row, "phases": asdict(record)})
    rows.append(_suite_row("suite http", scenario_suite.get("http", [])))
    for key in ("browser", "http"):  # the same scenario inside the whole-suite runs, if there were any
        if whole_suite.get(key):
            rows.append(_suite_row(f"  ({key}, whole-suite runs)", whole_suite[key]))
    return rows


def print_scenario_table(rows: list[dict[str, Any]], tags: str, plain: dict[str, PlainTimes]) -> None:
    print(f'\nOne scenario: CM6-24 "{SCENARIO}" (median ms)')
    print(f"  {'':28} {'steps':>8} {'full':>8}  samples")
    for row in rows:
        print(f"  {row['row']:28} {_median_ms(row['steps'])} {_median_ms(row['full'])}  {row['samples']:>7}")
    print(
        f"  suite rows: one sample per `portalcert run --tags '{tags}'` subprocess (the scenario runs once "
        "per run).\n"
        "  steps: compliance.json duration_seconds (behave's step times) / the plain script from opening "
        "/cm6/login\n"
        "         to the private home page. The suite's steps include its page-map lookups, page checks "
        "and the\n"
        "         browser engine's wait for a quiet network after every goto and click.\n"
        "  full:  steps plus per-scenario set-up and tear-down, which behave keeps out of duration_seconds:"
        " the\n"
        "         simulator reset, new context (+ trace start) and context close (+ trace dropped); the "
        "suite's\n"
        "         timed around behave's scenario hooks in the subprocess."
    )
    for key, label in (("plain", "plain"), ("traced", "plain + tracing")):
        record = plain.get(key)
        if record is not None and record.steps:
            phases = ", ".join(
                f"{name} {statistics.median(getattr(record, name)) * MS:.1f}"
                for name in ("reset", "open", "steps", "close")
            )
            print(f"  {label} phases (median ms): {phases}")


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
    parser.add_argument(
        "--runs", type=int, default=5, help="suite runs of --scenario-tags per suite row (one sample each)"
    )
    parser.add_argument(
        "--scenario-tags",
        default=SCENARIO_TAGS,
        help=f"what the suite runs for the one-scenario rows (default {SCENARIO_TAGS!r}); must include "
        f'"{SCENARIO}"',
    )
    parser.add_argument("--iterations", type=int, default=15, help="plain Playwright iterations per variant")
    parser.add_argument("--warmups", type=int, default=2, help="plain Playwright warm-up iterations")
    parser.add_argument("--quick", action="store_true", help="only the one-scenario part, fewer iterations")
    parser.add_argument("--browser-executable", default=CHROMIUM, metavar="PATH")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.iterations = min(args.runs, 2), min(args.iterations, 5)
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

    def progress(message: str) -> None:
        print(f"  [{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)

    progress(f"plain Playwright: {args.warmups} warm-ups + {args.iterations} iterations x 2 variants")
    plain, version = plain_playwright(args.iterations, args.warmups, args.browser_executable)
    scenario_suite: dict[str, list[SuiteRun]] = {"browser": [], "browser-no-trace": [], "http": []}
    for index in range(args.runs):  # interleaved, so that a slow spell of the machine hits every row
        progress(f"suite on {args.scenario_tags}, round {index + 1}/{args.runs}")
        scenario_suite["browser"].append(
            run_suite("browser", tags=args.scenario_tags, executable=args.browser_executable)
        )
        scenario_suite["browser-no-trace"].append(
            run_suite("browser", tags=args.scenario_tags, trace=False, executable=args.browser_executable)
        )
        scenario_suite["http"].append(run_suite("http", tags=args.scenario_tags))
    if not args.quick:
        for engine, runs in (("http", args.runs_http), ("browser", args.runs_browser)):
            for index in range(runs):
                progress(f"whole suite on {engine}, run {index + 1}/{runs}")
                suite.setdefault(engine, []).append(
                    run_suite(engine, tags=args.tags, executable=args.browser_executable)
                )

    print(f"browser: Chromium {version} ({args.browser_executable}), headless")
    if suite:
        print_suite_table(suite, args.tags)
    rows = scenario_rows(scenario_suite, plain, suite)
    print_scenario_table(rows, args.scenario_tags, plain)
    end_load = os.getloadavg()
    print(
        f"\ntotal {time.perf_counter() - started:.0f} s; load average at the end "
        f"{end_load[0]:.2f} {end_load[1]:.2f} {end_load[2]:.2f}"
        + (" (more than the cores: the figures are inflated)" if end_load[0] > (os.cpu_count() or 1) else "")
    )

    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": {
                        "cores": os.cpu_count(),
                        "load_average_at_start": load,
                        "load_average_at_end": end_load,
                    },
                    "chromium": {"version": version, "executable": args.browser_executable},
                    "whole_suite": {key: [asdict(run) for run in runs] for key, runs in suite.items()},
                    "scenario": {"name": SCENARIO, "tags": args.scenario_tags, "rows": rows},
                    "scenario_suite_runs": {
                        key: [asdict(run) for run in runs] for key, runs in scenario_suite.items()
                    },
                },
                indent=2,
            )
        )
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("\ninterrupted: the subprocess and the browser were stopped", file=sys.stderr)
        sys.exit(130)
