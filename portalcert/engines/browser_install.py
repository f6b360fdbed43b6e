"""Make sure the browser engine has a browser: find one, or install Debian's Chromium.

`make test` runs this, so a fresh machine gets its browser from the project's own files.
Order: an explicit executable ($PORTALCERT_BROWSER_EXECUTABLE), Debian's /usr/lib/chromium,
a Playwright-managed Chromium; otherwise install Debian's package with apt (as root), and
where that is impossible, Playwright's own download (machines with a normal network).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from portalcert.engines.browser_settings import DEBIAN_CHROMIUM, EXECUTABLE_ENV

APT_ENV = {"DEBIAN_FRONTEND": "noninteractive"}


def managed_chromium() -> Path | None:
    """Playwright's own Chromium, when one was downloaded on this machine."""
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as playwright:
            path = Path(playwright.chromium.executable_path)
    except Error:  # e.g. asked from a process whose own Playwright is already running
        return None
    return path if path.is_file() else None


def find() -> str | None:
    explicit = os.environ.get(EXECUTABLE_ENV, "")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    if DEBIAN_CHROMIUM.is_file():
        return str(DEBIAN_CHROMIUM)
    managed = managed_chromium()
    return str(managed) if managed else None


def _run(command: list[str]) -> bool:
    print("portalcert: " + " ".join(command), file=sys.stderr, flush=True)
    env = {**os.environ, **APT_ENV}
    return subprocess.run(command, env=env, check=False).returncode == 0


def install() -> str | None:
    """Install a Chromium the browser engine can launch; the path, or None when nothing worked."""
    if shutil.which("apt-get") and os.geteuid() == 0:
        # -o quiet keeps CI logs short; chromium pulls in its libraries itself.
        apt = ["apt-get", "-o", "quiet=2"]
        if _run([*apt, "update"]) and _run([*apt, "install", "-y", "--no-install-recommends", "chromium"]):
            return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.is_file() else None
    if _run([sys.executable, "-m", "playwright", "install", "chromium"]):
        managed = managed_chromium()
        return str(managed) if managed else None
    return None


def main() -> int:
    found = find()
    if found:
        print(f"portalcert: browser engine uses {found}", file=sys.stderr)
        return 0
    if os.environ.get(EXECUTABLE_ENV):
        print(f"portalcert: ${EXECUTABLE_ENV} points to no file", file=sys.stderr)
        return 1
    installed = install()
    if installed:
        print(f"portalcert: installed a browser: {installed}", file=sys.stderr)
        return 0
    print(
        "portalcert: no browser for the browser engine, and installing one failed. Install Debian's "
        f"chromium (apt-get install chromium) or set ${EXECUTABLE_ENV} to a Chromium binary.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
