"""The Node.js tools the dashboards use, from the project's own node_modules (`make setup`: npm ci).

Only the project's pinned packages are used (package.json, package-lock.json): never a global install
and never a download at report time, so a report renders the same offline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from portalcert.errors import ConfigError

PROJECT = Path(__file__).resolve().parents[2]
NODE_MODULES_ENV = "PORTALCERT_NODE_MODULES"  # where a checkout keeps node_modules elsewhere
SCRIPTS = Path(__file__).resolve().parent / "node"


class NodeToolError(ConfigError):
    """A dashboard tool that is missing or that failed."""

    def __init__(self, message: str) -> None:
        super().__init__("report", "", message)


def node_modules() -> Path:
    folder = Path(os.environ.get(NODE_MODULES_ENV) or PROJECT / "node_modules")
    if not folder.is_dir():
        raise NodeToolError(f"{folder}: no node_modules; run `make setup` (npm ci) in {PROJECT}")
    return folder


def package_file(*parts: str) -> Path:
    """A file of an installed npm package, e.g. package_file("allure", "cli.js")."""
    path = node_modules().joinpath(*parts)
    if not path.is_file():
        raise NodeToolError(f"{path}: missing; run `make setup` (npm ci) to install the pinned npm packages")
    return path


def node() -> str:
    found = shutil.which("node")
    if found is None:
        raise NodeToolError("no `node` on PATH: the dashboards need Node.js (20 or later) and `make setup`")
    return found


def run_node(script: Path, *args: str, what: str) -> None:
    """Run a Node.js script; a failure raises naming `what` and the tool's own last lines."""
    done = subprocess.run(
        [node(), str(script), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"},
        check=False,
    )
    if done.returncode != 0:
        said = (done.stderr.strip() or done.stdout.strip()).splitlines()[-5:]
        raise NodeToolError(f"{what} failed (exit {done.returncode}): {' | '.join(said) or 'no output'}")
