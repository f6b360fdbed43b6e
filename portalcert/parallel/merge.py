"""One run from its parts: workers' answers in the parent, shards' outputs in `portalcert merge`.

Both go through `absorb` and `to_result`, so a run split over processes or machines is judged exactly
like one process's run: the locator ledgers are pooled before any verdict that rests on an absence is
checked, and the rules nobody ran are filled in from the catalogue.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import fields
from pathlib import Path

from portalcert import catalog
from portalcert.collect import assemble
from portalcert.errors import ConfigError
from portalcert.parallel import partial
from portalcert.parallel.partial import Partial
from portalcert.results import RunResult

COPIED = ("allure-results", "evidence")  # report folders merged file by file (names are unique per scenario)


class MergeError(ConfigError):
    """Parts that do not make one run: overlapping, missing, or from different runs."""

    def __init__(self, message: str) -> None:
        super().__init__("merge", "", message)


def absorb(total: Partial, piece: Partial, *, where: str = "") -> None:
    """Add `piece` (a worker's rule, a shard) to `total`; a rule may be run by one part only."""
    twice = sorted(set(total.executed) & set(piece.executed))
    if twice:
        raise MergeError(f"{', '.join(twice)} ran in more than one part{where}")
    total.executed.update(piece.executed)
    total.assigned = total.assigned + tuple(r for r in piece.assigned if r not in total.assigned)
    for key, locator in piece.ledger.locators.items():
        total.ledger.locators.setdefault(key, locator)
    total.ledger.matched |= piece.ledger.matched
    total.ledger.earlier.update(piece.ledger.earlier)
    total.interrupted = total.interrupted or piece.interrupted


def to_result(part: Partial, catalogue: catalog.Catalogue, *, not_run: str = "") -> RunResult:
    """The report of the (merged) run; a rule no part ran is NOT_COVERED with `not_run` as reason."""
    identity = part.identity
    base = RunResult(
        target=identity.target,
        base_url=part.base_url,
        engine=identity.engine,
        started_at=part.started_at,
        duration=round(part.duration, 3),
        interrupted=part.interrupted,
        tool_version=identity.tool_version,
    )
    if identity.locators_from:
        base.locators_from = {
            "file": identity.locators_from,
            "started_at": identity.locators_started_at,
            "entries": len(part.ledger.earlier),
        }
    reason = not_run or ("not run: the run was interrupted" if part.interrupted else "not run")
    return assemble(part.executed, part.ledger, catalogue, part.facts, base=base, not_run=reason)


# --- shards: `portalcert merge OUT DIR...` ------------------------------------------------------


def load_shard(folder: Path) -> Partial:
    path = folder / partial.FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MergeError(
            f"{folder}: no {partial.FILE_NAME} (not the output of `portalcert run --shard I/N`)"
        ) from None
    except (OSError, ValueError) as exc:
        raise MergeError(f"{path}: unreadable: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") != partial.SCHEMA:
        raise MergeError(f"{path}: not a {partial.SCHEMA} file")
    try:
        part = partial.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise MergeError(f"{path}: malformed ({type(exc).__name__}: {exc})") from None
    if part.shard is None:
        raise MergeError(f"{path}: not a shard (run with --shard I/N)")
    return part


def check_one_run(parts: list[tuple[Path, Partial]]) -> None:
    """The shards must be the N slices of one run: same tool, target, engine, scope; each index once."""
    (first_dir, first), *others = parts
    for folder, part in others:
        for name in (f.name for f in fields(first.identity)):
            mine, theirs = getattr(first.identity, name), getattr(part.identity, name)
            if mine != theirs:
                raise MergeError(f"mixed runs: {first_dir} has {name} {mine!r}, {folder} has {theirs!r}")
        if part.facts != first.facts:
            raise MergeError(
                f"mixed runs: {first_dir} and {folder} differ in the target's scope or expected failures"
            )
    shards = [(folder, part.shard) for folder, part in parts if part.shard is not None]
    if len({shard.total for _, shard in shards}) > 1:
        listing = ", ".join(f"{folder} is {shard.label}" for folder, shard in shards)
        raise MergeError(f"shards of different splits: {listing}")
    total = shards[0][1].total
    seen: dict[int, Path] = {}
    for folder, part in parts:
        assert part.shard is not None  # load_shard refuses anything else
        if part.shard.index in seen:
            raise MergeError(f"shard {part.shard.label} given twice: {seen[part.shard.index]} and {folder}")
        seen[part.shard.index] = folder
    missing = [f"{index}/{total}" for index in range(1, total + 1) if index not in seen]
    if missing:
        have = ", ".join(f"{index}/{total}" for index in sorted(seen))
        raise MergeError(f"missing shard(s) {', '.join(missing)} (given: {have})")


def merge_shards(folders: list[Path]) -> tuple[RunResult, Partial]:
    """The one run the shards in `folders` make up (checked to be complete and disjoint)."""
    parts = [(folder, load_shard(folder)) for folder in folders]
    check_one_run(parts)
    ordered = sorted(parts, key=lambda item: item[1].shard.index if item[1].shard else 0)
    first = ordered[0][1]
    total = Partial(
        identity=first.identity,
        facts=first.facts,
        base_url=first.base_url,
        started_at=min(part.started_at for _, part in ordered),
        duration=max(part.duration for _, part in ordered),  # the shards ran side by side
    )
    owner: dict[str, Path] = {}
    for folder, part in ordered:
        for rule in part.assigned:
            if rule in owner:
                raise MergeError(f"shards overlap: {rule} is in {owner[rule]} and {folder}")
            owner[rule] = folder
        absorb(total, part, where=f" ({folder})")
    cat = catalog.load(list(first.identity.documents))
    unowned = [rule.id for rule in cat.rules if rule.id not in owner]
    if unowned:
        raise MergeError(f"no shard holds {', '.join(unowned)}: the shards come from another version")
    result = to_result(total, cat)
    result.target_file, result.target_sha256, result.browser = _run_facts(ordered[0][0])
    return result, total


def _run_facts(folder: Path) -> tuple[str, str, str]:
    """The target file, its digest and the browser a shard's compliance.json names (empty: none)."""
    try:
        target = json.loads((folder / "compliance.json").read_text(encoding="utf-8"))["target"]
        return str(target.get("file", "")), str(target.get("sha256", "")), str(target.get("browser", ""))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return "", "", ""


def copy_outputs(folders: list[Path], out: Path) -> None:
    """Each shard's allure results and evidence into `out` (file names never collide across shards)."""
    for folder in folders:
        for name in COPIED:
            source = folder / name
            if source.is_dir() and source.resolve() != (out / name).resolve():
                shutil.copytree(source, out / name, dirs_exist_ok=True)
