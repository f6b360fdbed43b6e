"""Where a run's verdict came from: the portalcert commit, the feature files' digest, the browser.

A certification bundle (`portalcert bundle`) is read by people who were not there: these facts, written
into compliance.json at the end of a run, let them check that the bundled feature files are the ones
that ran and which browser judged the portal.
"""

from __future__ import annotations

import functools
import hashlib
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from portalcert import registry
from portalcert.errors import ConfigError

if TYPE_CHECKING:
    from portalcert.target import Target

_SOURCE_ROOT = Path(__file__).resolve().parent.parent
_GIT_TIMEOUT_SECONDS = 10
_VERSION = re.compile(r"\d+(?:\.\d+)+")


@functools.lru_cache(maxsize=1)
def commit() -> str:
    """The git commit of this portalcert checkout, with "-dirty" when it has uncommitted changes;
    empty when portalcert is not run from a git checkout (an installed wheel)."""
    try:
        head = _git("rev-parse", "HEAD")
        changes = _git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.SubprocessError):
        return ""
    return f"{head}-dirty" if changes else head


def _git(*args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(_SOURCE_ROOT), *args],
        capture_output=True,
        text=True,
        timeout=_GIT_TIMEOUT_SECONDS,
        check=True,
    )
    return done.stdout.strip()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_digest(files: dict[str, bytes]) -> str:
    """One digest for a set of files: SHA-256 over "<sha256>  <relative path>\\n" lines in path order
    (the format of `sha256sum`), so it can be recomputed from a bundle without portalcert."""
    lines = "".join(f"{sha256_bytes(files[name])}  {name}\n" for name in sorted(files))
    return sha256_bytes(lines.encode("utf-8"))


def feature_files(document_id: str) -> dict[str, bytes]:
    """A document's feature files, by path relative to its features folder."""
    folder = registry.get(document_id).features
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*.feature"))
        if path.is_file()
    }


def features_digest(document_id: str) -> str:
    """The digest of a document's feature files as they are now; empty for an unknown document."""
    try:
        return tree_digest(feature_files(document_id))
    except ConfigError:
        return ""


class TargetSource(NamedTuple):
    name: str  # in a bundle: target/<file>, target/<document>/<file>
    path: Path
    kind: str  # "target", "pagemap" or "data"


def target_sources(target: Target, documents: Iterable[str]) -> list[TargetSource]:
    """The files that describe the portal: the target file, and each document's page map and data set."""
    sources = [TargetSource(f"target/{target.source.name}", target.source, "target")]
    for document in documents:
        if document not in target.bindings:
            continue  # a profile: it runs on a document's page map and data set, listed under that document
        binding = target.binding(document)
        pagemap = Path(binding.pagemap.source)
        sources.append(TargetSource(f"target/{document}/{pagemap.name}", pagemap, "pagemap"))
        sources.append(
            TargetSource(f"target/{document}/{binding.data_source.name}", binding.data_source, "data")
        )
    return sources


def target_digest(target: Target, documents: Iterable[str]) -> str:
    """The digest of `target_sources` as they are now (before any redaction)."""
    return tree_digest(
        {source.name: source.path.read_bytes() for source in target_sources(target, documents)}
    )


def browser_version(engine: str, executable: str | None, launched: str) -> str:
    """What drove the portal: `launched` (the version the run's browser reported) when known, else the
    executable's own `--version` answer; "" for an engine without a browser."""
    if engine != "browser":
        return ""
    if launched:
        return launched
    if not executable:
        return "unknown (a remote or Playwright-managed browser not launched in this process)"
    try:
        done = subprocess.run(
            [executable, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"unknown ({executable}: {exc})"
    # the same form as a launched browser's ("chromium 156.0.7510.2"): runs compare equal however run
    found = _VERSION.search(done.stdout)
    return f"chromium {found.group(0)}" if found else f"unknown ({executable}: no version in its answer)"
