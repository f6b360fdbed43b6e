"""A live progress line on the console while the suite runs."""

from __future__ import annotations

import sys
from typing import TextIO


class ProgressLine:
    """`[ 12/87] PASS  CM6-07 Step 2 shows its number and name`; rewritten in place on a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.counts: dict[str, int] = {}
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()

    def scenario_done(self, status: str, rule_id: str, name: str) -> None:
        self.done += 1
        self.counts[status] = self.counts.get(status, 0) + 1
        tally = " ".join(f"{k}:{v}" for k, v in sorted(self.counts.items()))
        width = len(str(self.total))
        line = f"[{self.done:>{width}}/{self.total}] {status:<14} {rule_id:<7} {name}"
        if self.live:
            self.stream.write("\r\x1b[2K" + f"{line[:100]}  ({tally})")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
