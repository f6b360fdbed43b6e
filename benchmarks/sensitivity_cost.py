"""What proving every check can fail costs: the reach-based measurement against a whole run per defect.

`portalcert defects --coverage` runs the suite once (the baseline, recording which defect switches
each scenario reaches) and then each defect only on the scenarios that reach its switch, all against
one embedded simulator. The naive way runs the whole suite once per defect (`portalcert run --defect`).
This script times both on this machine, in one run, and prints their ratio together with the number
of scenario executions each needs. The naive way is timed on a sample of defects (`--sample`, spread
over the catalogue) and scaled to the whole catalogue: each of its runs costs about the same.

Usage: python benchmarks/sensitivity_cost.py [--sample N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def portalcert(*args: str) -> float:
    """Run `python -m portalcert ARGS` from the repository root; its wall time in seconds."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "portalcert", *args], cwd=ROOT, capture_output=True, check=False, timeout=1800
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=4, help="defects timed the naive way (default 4)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="portalcert-bench-") as tmp:
        out = Path(tmp)
        measured = portalcert("defects", "--coverage", "--json", str(out / "coverage.json"))
        coverage = json.loads((out / "coverage.json").read_text(encoding="utf-8"))
        defects = list(coverage["defects"])
        step = max(1, len(defects) // args.sample)
        sample = defects[::step][: args.sample]
        naive = [
            portalcert("run", "--no-progress", "--out", str(out / name), "--defect", name) for name in sample
        ]
    scenarios = len(coverage["scenarios"])
    reached = sum(len(effect["reached"]) for effect in coverage["defects"].values())
    naive_total = sum(naive) / len(naive) * len(defects)
    print(f"defects: {len(defects)}, scenarios: {scenarios}")
    print(
        f"reach-based (defects --coverage): {measured:7.1f} s wall, "
        f"{scenarios + reached} scenario executions (baseline {scenarios} + reached {reached})"
    )
    print(
        f"whole run per defect (run --defect): {naive_total:7.1f} s wall, scaled from {len(sample)} runs "
        f"of {min(naive):.1f}-{max(naive):.1f} s; {scenarios * len(defects)} scenario executions"
    )
    print(f"ratio naive / reach-based: {naive_total / measured:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
