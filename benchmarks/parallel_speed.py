"""How much faster is the whole suite with `--workers 2` than with `--workers 1`?

Runs `portalcert run` on the whole CM6 suite (or the documents given) against the embedded
simulator, on the http and the browser engine, with one and with two workers, interleaved (1, 2, 1,
2, ...) so a change in the machine's load hits both alike, and prints per engine the median wall
time of each and their ratio, the CPU seconds each spent (what parallelism costs, whatever the
load), and the load average before and after (on a shared machine the wall times mean little
without it).

The issue's targets on 2 cores: browser >= 1.6x, http >= 1.5x.

Usage: python benchmarks/parallel_speed.py [--runs N] [--engine http|browser ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"http": 1.5, "browser": 1.6}
CM6 = "tim-convenzione-mobile-6"


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(engine: str, workers: int, out: Path, documents: list[str]) -> tuple[float, float]:
    """(wall seconds of the command, CPU seconds of it and its processes: the cost, whatever the load)."""
    cpu = cpu_of_children()
    started = time.perf_counter()
    command = ["run", "--no-progress", "--engine", engine, "--workers", str(workers), "--out", str(out)]
    command += [argument for document in documents for argument in ("--document", document)]
    done = subprocess.run(
        [sys.executable, "-m", "portalcert", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{engine} --workers {workers} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return wall, cpu_of_children() - cpu


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="repetitions per engine and worker count")
    parser.add_argument("--engine", action="append", choices=list(TARGETS), help="default: both")
    parser.add_argument(
        "--document",
        action="append",
        help=f"default: {CM6} (the issue's measure); repeat for several, 'all' for every document",
    )
    args = parser.parse_args()
    documents = [] if args.document == ["all"] else (args.document or [CM6])
    engines = args.engine or list(TARGETS)
    print(f"cores: {os.cpu_count()}, load average before: {load()}")
    times: dict[tuple[str, int], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="portalcert-parallel-") as tmp:
        for repetition in range(args.runs):
            for engine in engines:
                for workers in (1, 2):
                    out = Path(tmp) / f"{engine}-{workers}-{repetition}"
                    wall, cpu = timed_run(engine, workers, out, documents)
                    times.setdefault((engine, workers), []).append((wall, cpu))
                    print(f"  {engine:<7} --workers {workers}: {wall:6.1f} s wall, {cpu:6.1f} s CPU")
    print(f"load average after: {load()}")
    for engine in engines:
        one = statistics.median(wall for wall, _ in times[(engine, 1)])
        two = statistics.median(wall for wall, _ in times[(engine, 2)])
        cpu_one = statistics.median(cpu for _, cpu in times[(engine, 1)])
        cpu_two = statistics.median(cpu for _, cpu in times[(engine, 2)])
        ratio = one / two
        verdict = "meets" if ratio >= TARGETS[engine] else "misses"
        print(
            f"{engine:<7}: --workers 1 {one:.1f} s, --workers 2 {two:.1f} s: {ratio:.2f}x "
            f"({verdict} the {TARGETS[engine]}x target); CPU {cpu_one:.1f} s vs {cpu_two:.1f} s"
        )


if __name__ == "__main__":
    main()
