"""What can two processes gain on this machine at all? The ceiling under `parallel_speed.py`'s ratios.

    python benchmarks/parallel_ceiling.py [--pages N] [--browser-executable PATH]

Without portalcert: the same work done by one process, then by two at once, and the ratio
(two processes' work / the time they took, over one process's time for its share):

- CPU: a pure Python loop, one process vs two;
- browser: a plain Playwright script (launch Chromium, then per page a new context, set a small form,
  fill it, click, close), one process vs two, each with a browser of its own, as `--workers 2` has.

A ratio near 2.0 means the machine runs two such processes side by side; near 1.0, that it does
not, whatever the harness does. Figures only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

CHROMIUM = "/usr/lib/chromium/chromium"


def spin() -> None:
    total = 0
    for number in range(20_000_000):
        total += number


def browse(pages: int, executable: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable)
        for number in range(pages):
            context = browser.new_context()
            page = context.new_page()
            page.set_content(f"<h1>page {number}</h1><form><input name=a><button>ok</button></form>")
            page.fill("input[name=a]", "x")
            page.click("h1")
            context.close()
        browser.close()


def side_by_side(child: list[str], processes: int) -> float:
    """Wall seconds for `processes` copies of `child` started together."""
    started = time.perf_counter()
    running = [subprocess.Popen([sys.executable, __file__, *child]) for _ in range(processes)]
    for process in running:
        if process.wait() != 0:
            sys.exit(f"{child} failed")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--browser-executable", default=CHROMIUM, metavar="PATH")
    parser.add_argument("--child", choices=["spin", "browse"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "spin":
        spin()
        return
    if args.child == "browse":
        browse(args.pages, args.browser_executable)
        return
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    kinds = {
        "CPU (Python loop)": ["--child", "spin"],
        "browser (plain Playwright)": [
            "--child",
            "browse",
            "--pages",
            str(args.pages),
            "--browser-executable",
            args.browser_executable,
        ],
    }
    for name, child in kinds.items():
        one = side_by_side(child, 1)
        two = side_by_side(child, 2)
        print(f"{name:<28} one process {one:6.1f} s, two at once {two:6.1f} s: {2 * one / two:.2f}x")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
