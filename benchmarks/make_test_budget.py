"""Where `make test`'s time goes, and what five documents of CM6's size would cost.

    python benchmarks/make_test_budget.py [--junit FILE] [--skip-lint]

Runs the steps of `make test` one after another (lint, type check, the pytest suite on 2 workers as
the Makefile does, with a JUnit file), prints each step's wall time, splits pytest's time by concern
(sensitivity, browser, whole-suite runs, unit) from the per-test times in the JUnit file, and projects
the cost for five documents: the fixed part once (lint, types, engines, harness, test portals, parallel
runs), and the part that grows with each document five times (CM6's sensitivity measurement with its
browser sample, its document tests and the simulator tests, counted whole to stay on the safe side).
Figures only; nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"

# (concern, whether it grows with each document): the first rule whose marker is in the test's
# module or name wins.
CONCERNS: list[tuple[str, tuple[str, ...], bool]] = [
    ("sensitivity", ("test_sensitivity",), True),
    ("browser", ("browser", "independent_portal", "vendor_portal", "test_actionable", "speech"), False),
    ("document", ("documents.", "tests.simulator."), True),
    (
        "whole-suite runs",
        (
            "parallel",
            "test_cli",
            "test_run_outputs",
            "pagemap_mistakes",
            "typos",
            "tests.bundle.",
            "dashboards",
        ),
        False,
    ),
    ("unit", ("",), False),
]


def timed(args: list[str]) -> float:
    start = time.monotonic()
    done = subprocess.run(args, cwd=ROOT, check=False)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed with exit code {done.returncode}")
    return time.monotonic() - start


def concern_of(classname: str, name: str) -> tuple[str, bool]:
    text = f"{classname}.{name}"
    for concern, markers, per_document in CONCERNS:
        if any(marker in text for marker in markers):
            return concern, per_document
    return "unit", False


def split(junit: Path) -> dict[str, tuple[float, bool]]:
    sums: dict[str, float] = defaultdict(float)
    grows: dict[str, bool] = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        concern, per_document = concern_of(case.get("classname", ""), case.get("name", ""))
        sums[concern] += float(case.get("time", "0"))
        grows[concern] = per_document
    return {concern: (seconds, grows[concern]) for concern, seconds in sums.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--junit", type=Path, default=Path("/tmp/portalcert-test-budget.xml"))
    parser.add_argument("--skip-lint", action="store_true")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    steps: dict[str, float] = {}
    if not args.skip_lint:
        # Without their caches, as on CI's fresh clone.
        steps["lint"] = timed([str(BIN / "ruff"), "check", "--no-cache", "."]) + timed(
            [str(BIN / "ruff"), "format", "--no-cache", "--check", "."]
        )
        steps["type"] = timed([str(BIN / "mypy"), "--cache-dir", os.devnull])
    pytest = [str(BIN / "pytest"), "-n", "2", "--dist", "loadgroup", "-q", "-p", "no:cacheprovider"]
    steps["pytest"] = timed([*pytest, f"--junitxml={args.junit}"])
    print(f"load average after: {os.getloadavg()[0]:.1f}\n")
    for step, seconds in steps.items():
        print(f"{step:<10} {seconds:7.1f} s wall")
    concerns = split(args.junit)
    test_seconds = sum(seconds for seconds, _ in concerns.values())
    # Two pytest workers: a concern's share of the wall time is its share of the summed test times.
    wall = steps["pytest"]
    print(f"\npytest by concern (share of its {wall:.0f} s wall, from {test_seconds:.0f} s of test time):")
    fixed = sum(seconds for step, seconds in steps.items() if step != "pytest")
    per_document = 0.0
    for concern, (seconds, grows) in sorted(concerns.items(), key=lambda item: -item[1][0]):
        share = wall * seconds / test_seconds if test_seconds else 0.0
        print(f"  {concern:<17} {share:7.1f} s{'  (per document)' if grows else ''}")
        if grows:
            per_document += share
        else:
            fixed += share
    total = fixed + per_document
    five = fixed + 5 * per_document
    print(f"\nnow (one document): {total / 60:.1f} min", end=" ")
    print(f"= fixed {fixed:.0f} s + per document {per_document:.0f} s")
    print(f"five documents of CM6's size: {five / 60:.1f} min")


if __name__ == "__main__":
    main()
