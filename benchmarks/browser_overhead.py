"""Per-scenario overhead of the browser engine over a plain Playwright script doing the same clicks.

The scenario is CM6-24 "The right code opens the private area" (sign in with username and password,
read the SMS code from the simulator's outbox, type it, reach the private area), done by

- the suite: `portalcert run --engine browser --tags @rule:CM6-24` (with `--no-trace` untraced),
  timing behave's scenario hooks around the scenario;
- a plain Playwright script: the same clicks, no page map, no behave, no checks beyond waiting for
  the page it expects (`page.wait_for_selector`), with and without Playwright tracing.

Fair by construction:

- both run in subprocesses of the same shape: a fresh interpreter that starts the embedded simulator
  in a thread and one browser, then does the scenario `--warmups` times uncounted (a process's first
  scenario pays for the browser's first page and Python's first calls) and `--repeat` times counted;
- `--rounds` rounds interleave the four variants (suite/plain x traced/untraced), the order reversed
  every other round, so that a slow spell of a shared machine hits every variant;
- figures are medians over all counted samples; the ratios are suite / plain, traced vs traced and
  untraced vs untraced, for the steps and for the full scenario.

Two times per scenario:

- steps: behave's sum of step times (compliance.json's `duration_seconds`); for the plain script, from
  opening /cm6/login to seeing the private home page;
- full: steps plus the per-scenario set-up and tear-down: the simulator reset, the new browser context
  (and trace start), closing it (and dropping the trace). The suite's is timed around behave's
  scenario hooks in the subprocess.

`--baseline DIR` adds the suite of another checkout (say, the commit before a change) to every round,
so a before/after comparison meets the same machine conditions.

Usage: python benchmarks/browser_overhead.py [--rounds N] [--repeat N] [--warmups N] [--json PATH]
           [--profile PATH] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

BASELINE_ENV = "PORTALCERT_BENCH_ROOT"  # internal: a suite child imports portalcert from this checkout
ROOT = Path(os.environ.get(BASELINE_ENV) or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))

from scenario_timing import call, scenario_times  # noqa: E402  (beside this script)

CM6 = "tim-convenzione-mobile-6"
CHROMIUM = "/usr/lib/chromium/chromium"
SCENARIO = "The right code opens the private area"  # CM6-24, in the document's login.feature
SCENARIO_TAGS = "@rule:CM6-24"  # its two scenarios; `portalcert run` has no filter by name
SUITE_CHILD = "--child-suite"  # internal: run `portalcert` in this process, timing behave's hooks
PLAIN_CHILD = "--child-plain"  # internal: the plain Playwright script, in this process
# The browser engine's launch flags (portalcert.engines.browser_launch), so both drive the same browser.
QUIET_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VARIANTS = ("untraced", "traced")
MS = 1000.0


@dataclass
class Sample:
    steps: float
    full: float
    phases: dict[str, float] = field(default_factory=dict)


# --- the suite, repeated in one process --------------------------------------------------------


def suite_child(out_path: str, warmups: int, repeat: int, profile: str, argv: list[str]) -> None:
    """`portalcert ARGV` warmups+repeat times in this process, timing the scenario's hooks."""
    from portalcert.cli import main as portalcert_main

    profiler = None
    with scenario_times() as records:
        for index in range(warmups + repeat):
            if index == warmups and profile:
                import cProfile

                profiler = cProfile.Profile()
                profiler.enable()
            code = portalcert_main(argv)
            if code != 0:
                sys.exit(code)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    ours = [record for record in records if record["name"] == SCENARIO]
    Path(out_path).write_text(json.dumps(ours[warmups:]))


def _child(
    kind: str, variant: str, args: argparse.Namespace, extra: list[str], root: Path = ROOT
) -> list[dict[str, Any]]:
    folder = Path(tempfile.mkdtemp(prefix="pc-overhead-bench-"))
    try:
        out = folder / "samples.json"
        command = [sys.executable, str(Path(__file__).resolve()), kind, str(out)]
        command += [str(args.warmups), str(args.repeat), variant, args.browser_executable, *extra]
        code = call(command, folder / "output.log", cwd=root, env={**os.environ, BASELINE_ENV: str(root)})
        if code != 0 or not out.is_file():
            tail = (folder / "output.log").read_text(errors="replace").strip().splitlines()[-15:]
            raise SystemExit(f"the {kind[8:]} benchmark ({variant}) exited with {code}:\n" + "\n".join(tail))
        records: list[dict[str, Any]] = json.loads(out.read_text())
        bad = [r["status"] for r in records if r.get("status", "passed") != "passed"]
        if bad:
            raise SystemExit(f"the suite's scenario ended {bad}; timings would be meaningless")
        return records
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def suite_samples(
    variant: str, args: argparse.Namespace, profile: str = "", root: Path = ROOT
) -> list[Sample]:
    report = Path(tempfile.mkdtemp(prefix="pc-overhead-report-"))
    try:
        argv = ["run", "--no-progress", "--out", str(report), "--engine", "browser"]
        argv += ["--tags", SCENARIO_TAGS, "--browser-executable", args.browser_executable]
        if variant == "untraced":
            argv.append("--no-trace")
        records = _child(SUITE_CHILD, variant, args, [profile or "-", *argv], root)
    finally:
        shutil.rmtree(report, ignore_errors=True)
    return [
        Sample(r["steps"], r["full"], {"before": r["before"], "steps": r["steps"], "after": r["after"]})
        for r in records
    ]


# --- the same scenario, by a plain Playwright script ---------------------------------------------


def plain_child(out_path: str, warmups: int, repeat: int, variant: str, executable: str) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from documents.tim_convenzione_mobile6.testdata import TestData
    from portalcert import target
    from portalcert.control import SimulatorClient
    from portalcert.session import start_simulator

    tgt = target.load("simulator")
    data: TestData = tgt.binding(CM6).data
    user = data.user("user")
    pattern = tgt.patterns(CM6)["login_otp"]
    token = secrets.token_urlsafe(16)
    base_url, stop = start_simulator(tgt, token)
    control = SimulatorClient(base_url, token)
    records: list[dict[str, float]] = []
    try:
        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(
                    executable_path=executable, args=QUIET_ARGS, handle_sigint=False, timeout=30_000
                )
            except PlaywrightError as exc:
                problem = str(exc).splitlines()[0]
                raise SystemExit(f"cannot launch Chromium at {executable}: {problem}") from None
            try:
                for _ in range(warmups + repeat):
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
                    records.append({"reset": t1 - t0, "open": t2 - t1, "steps": t3 - t2, "close": t4 - t3})
            finally:
                browser.close()
    finally:
        control.close()
        stop()
    Path(out_path).write_text(json.dumps(records[warmups:]))


def plain_samples(variant: str, args: argparse.Namespace) -> list[Sample]:
    records = _child(PLAIN_CHILD, variant, args, [])
    return [Sample(r["steps"], sum(r.values()), r) for r in records]


# --- reporting -----------------------------------------------------------------------------------


def _median(samples: list[Sample], what: str) -> float:
    return statistics.median(float(getattr(s, what)) for s in samples)


def _minimum(samples: list[Sample], what: str) -> float:
    return min(float(getattr(s, what)) for s in samples)


def _phases(samples: list[Sample]) -> str:
    names = list(samples[0].phases)
    return ", ".join(f"{n} {statistics.median(s.phases[n] for s in samples) * MS:.1f}" for n in names)


def summary(results: dict[str, list[Sample]], kinds: list[str]) -> dict[str, Any]:
    """Per variant and per suite kind (suite, baseline): the medians and their ratio to plain's."""
    figures: dict[str, Any] = {}
    for variant in VARIANTS:
        plain = results[f"plain {variant}"]
        for kind in kinds:
            suite = results[f"{kind} {variant}"]
            figures[f"{kind} {variant}"] = {
                what: {
                    "suite_ms": _median(suite, what) * MS,
                    "plain_ms": _median(plain, what) * MS,
                    "ratio": _median(suite, what) / _median(plain, what),
                    # The fastest samples: what each costs when the machine leaves it alone.
                    "ratio_of_minimums": _minimum(suite, what) / _minimum(plain, what),
                }
                for what in ("steps", "full")
            }
    return figures


def print_table(results: dict[str, list[Sample]], figures: dict[str, Any]) -> None:
    print(f'\nOne scenario: CM6-24 "{SCENARIO}", median ms')
    print(f"  {'':18} {'steps':>8} {'full':>8} {'samples':>8}  phases")
    for label, samples in results.items():
        print(
            f"  {label:18} {_median(samples, 'steps') * MS:8.1f} {_median(samples, 'full') * MS:8.1f} "
            f"{len(samples):>8}  {_phases(samples)}"
        )
    print("\n  / plain, same variant  steps     full   (ratio of minimums: steps     full)")
    for label, row in figures.items():
        steps, full = row["steps"], row["full"]
        print(
            f"  {label:21} {steps['ratio']:7.2f}x {full['ratio']:7.2f}x  "
            f"{'':20}{steps['ratio_of_minimums']:7.2f}x {full['ratio_of_minimums']:7.2f}x"
        )


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == SUITE_CHILD:
        out, warmups, repeat, _variant, _executable, profile, *argv = sys.argv[2:]
        suite_child(out, int(warmups), int(repeat), "" if profile == "-" else profile, argv)
        return
    if len(sys.argv) > 2 and sys.argv[1] == PLAIN_CHILD:
        out, warmups, repeat, variant, executable = sys.argv[2:7]
        plain_child(out, int(warmups), int(repeat), variant, executable)
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the four variants (default 3)")
    parser.add_argument("--repeat", type=int, default=5, help="counted scenarios per subprocess (default 5)")
    parser.add_argument("--warmups", type=int, default=1, help="uncounted scenarios first (default 1)")
    parser.add_argument("--browser-executable", default=CHROMIUM, metavar="PATH")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    parser.add_argument(
        "--profile", metavar="PATH", help="also profile one untraced suite subprocess (cProfile stats)"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="also time the suite of another checkout (e.g. `git worktree add DIR <commit>`), interleaved",
    )
    args = parser.parse_args()
    if not Path(args.browser_executable).is_file():
        raise SystemExit(f"no Chromium at {args.browser_executable}: pass --browser-executable PATH")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    load = os.getloadavg()
    print(
        f"machine: {os.cpu_count()} cores, load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
        f"Python {platform.python_version()}, {platform.platform()}"
    )
    started = time.perf_counter()
    kinds = ["plain", "suite"] + (["baseline"] if args.baseline else [])
    results: dict[str, list[Sample]] = {f"{k} {v}": [] for v in VARIANTS for k in kinds}
    order = [(kind, variant) for variant in VARIANTS for kind in kinds]
    for index in range(args.rounds):
        for kind, variant in order if index % 2 == 0 else order[::-1]:
            elapsed = time.perf_counter() - started
            print(f"  [{elapsed:6.1f} s] round {index + 1}/{args.rounds}: {kind} {variant}", file=sys.stderr)
            if kind == "plain":
                samples = plain_samples(variant, args)
            else:
                samples = suite_samples(variant, args, root=args.baseline if kind == "baseline" else ROOT)
            results[f"{kind} {variant}"] += samples
    if args.profile:
        suite_samples("untraced", args, profile=args.profile)
    figures = summary(results, kinds[1:])
    print_table(results, figures)
    end_load = os.getloadavg()
    print(
        f"\ntotal {time.perf_counter() - started:.0f} s; load average at the end "
        f"{end_load[0]:.2f} {end_load[1]:.2f} {end_load[2]:.2f}"
        + (" (more than the cores: the figures are inflated)" if end_load[0] > (os.cpu_count() or 1) else "")
    )
    if args.profile:
        print(f"profile of one untraced suite subprocess written to {args.profile}")
    if args.json:
        raw = {label: [asdict(s) for s in values] for label, values in results.items()}
        args.json.write_text(json.dumps({"load": [load, end_load], "figures": figures, "samples": raw}))
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("\ninterrupted: the subprocesses and their browsers were stopped", file=sys.stderr)
        sys.exit(130)
