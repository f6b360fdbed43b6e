"""Run the suite: start the session, run behave in-process, collect results, always write reports."""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import FrameType
from typing import Any

from behave.configuration import Configuration
from behave.matchers import ParseMatcher
from behave.runner import Runner
from behave.step_registry import registry as step_registry

from portalcert import __version__, catalog, phrase_types, provenance, registry, session
from portalcert.collect import RawScenario, gather, rule_facts, unjudged
from portalcert.docspec import DocumentSpec
from portalcert.errors import ConfigError
from portalcert.locator_ledger import LocatorLedger
from portalcert.locator_proof import EarlierRun
from portalcert.parallel import merge, shards
from portalcert.parallel.partial import Partial, RunIdentity
from portalcert.parallel.shards import Shard
from portalcert.progress import ProgressLine
from portalcert.results import RunResult, Status
from portalcert.session import RunSettings


@dataclass(frozen=True)
class RunRequest:
    settings: RunSettings
    documents: tuple[str, ...]
    tags: str = ""
    progress: bool = True
    allure: bool = True  # write allure-results (off for the sensitivity measurement's many runs)
    ledger: LocatorLedger = field(default_factory=LocatorLedger)  # filled with what the run looked up
    workers: int = 1  # processes running rules side by side (portalcert.parallel.workers)
    shard: Shard | None = None  # run only this slice of the rules (portalcert.parallel.shards)
    earlier: EarlierRun | None = None  # an earlier run's matched locators absences may lean on


class DocumentRunner(Runner):  # type: ignore[misc]
    """behave's runner for one document, with a step registry and phrase types of its own.

    behave keeps step definitions and parameter types in process-wide registries; each document
    runs on its own, after they are emptied, so one document's phrases never shadow another's.
    """

    def __init__(self, config: Configuration, document: DocumentSpec) -> None:
        super().__init__(config)
        self.document = document

    def load_hooks(self, filename: str | None = None) -> None:
        # behave loads hooks, then the steps dir: the registries are ready for this document's steps.
        step_registry.clear()
        ParseMatcher.TYPE_REGISTRY.clear()
        phrase_types.register(self.document.phrase_types)
        super().load_hooks(filename)


def behave_args(
    request: RunRequest, document: DocumentSpec, paths: list[str] | None = None, subject: str = ""
) -> list[str]:
    """behave's arguments for one document, or a profile on its `subject`: its features folder, or only
    `paths` (file:line)."""
    out = request.settings.out_dir
    args = list(paths) if paths is not None else [str(document.features)]
    args += [
        "--no-capture",
        "--no-summary",
        "--no-snippets",
        f"--define={catalog.SUBJECT_KEY}={subject}",
    ]
    if request.allure:
        # outfiles pair with formats in order: allure writes its folder, null prints nothing.
        # (JUnit is written from the results instead of by behave: see portalcert.report.junit.)
        args += [
            "--format=portalcert.allure_output:RuleAwareAllureFormatter",
            f"--outfile={out / 'allure-results'}",
        ]
    args.append("--format=null")
    if request.tags:
        args.append(f"--tags={request.tags}")
    return args


class GracefulStop:
    """First Ctrl-C / SIGTERM: let the running scenario finish, skip the rest, write the report.
    A second one stops at once. (Raising from the first signal could land in a destructor, where
    Python swallows exceptions, and the run would go on as if nothing happened.)"""

    def __init__(self) -> None:
        self.runner: Runner | None = None
        self.signals = 0

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.signals += 1
        if self.signals > 1:
            raise KeyboardInterrupt
        name = signal.Signals(signum).name
        if self.runner is not None:
            self.runner.abort(reason=f"{name}: finishing the running scenario, then writing the report")


def _check_rule_ids(settings: RunSettings, cat: catalog.Catalogue) -> None:
    """Scope and expected failures must name rules that exist, or a typo silently changes the verdict."""
    target = settings.target
    known = {rule.rule_id for rule in cat.rules}
    for rule in target.rules:
        if rule not in known:
            raise ConfigError(str(target.source), "rules", f"{rule} is not a rule of the documents in scope")
    for rule in target.expected.reasons:
        if rule not in known:
            raise ConfigError(
                target.expected.source, "failures", f"{rule} is not a rule of the documents in scope"
            )


def configuration(args: list[str]) -> Configuration:
    config = Configuration(command_args=args, load_config=False)
    # behave's default names Examples rows "<name> -- @1.4 <examples>"; ours are stable keys (catalog).
    config.scenario_outline_annotation_schema = catalog.SCENARIO_NAME_SCHEMA
    config.setup_model()
    return config


def units(documents: Sequence[str]) -> list[str]:
    """What one behave run each covers (catalog.unit_key), in order: each document, and each profile
    once per document of `documents` that opts in to it (once on none when none does)."""
    specs = [registry.get(document) for document in documents]
    found: list[str] = []
    for spec in specs:
        subjects = catalog.subjects_among(spec, specs)
        found += [catalog.unit_key(spec.id, s.id) for s in subjects] or [spec.id]
    return found


UnitDone = Callable[[str, list[Any], bool], None]


def execute(
    request: RunRequest,
    stop: GracefulStop | None = None,
    paths: dict[str, list[str]] | None = None,
    on_unit: UnitDone | None = None,
) -> tuple[list[Any], bool]:
    """behave over each unit of the request (`units`) in the running session: (features run,
    interrupted). `on_unit(unit, features, interrupted)` is told each unit's features as soon as it
    ran, while the session's notes are still that unit's (a profile's scenarios run once per subject).

    With `paths` (by unit), only those scenario locations (file:line) run, and only the units that
    have some.
    """
    stop = stop or GracefulStop()
    features: list[Any] = []
    interrupted = False
    for unit in units(request.documents):
        if interrupted or stop.signals:
            break  # the units not started are reported NOT_COVERED
        if paths is not None and not paths.get(unit):
            continue
        document, subject = catalog.split_unit(unit)
        spec = registry.get(document)
        # Notes are kept by file:line, which a profile's units share: each unit starts with none, so
        # one document's reasons (a flow it lacks) never stay on another's scenario.
        live = session.current()
        if live is not None:
            live.notes.clear()
        args = behave_args(request, spec, None if paths is None else paths[unit], subject)
        runner = stop.runner = DocumentRunner(configuration(args), spec)
        try:
            runner.run()
        except KeyboardInterrupt:
            interrupted = True
        features.extend(runner.features)
        if on_unit is not None:
            on_unit(unit, runner.features, interrupted or stop.signals > 0)
    return features, interrupted or stop.signals > 0


def run(request: RunRequest) -> RunResult:
    """Run the selected documents against the target. Raises ConfigError / TargetUnreachable early."""
    return run_with_part(request)[0]


def run_with_part(request: RunRequest) -> tuple[RunResult, Partial]:
    """The run's report, and the raw part it was made from (what a shard hands to `portalcert merge`)."""
    part, cat = run_partial(request)
    not_run = f"not run: not in this shard ({request.shard.label})" if request.shard else ""
    result = merge.to_result(part, cat, not_run=not_run)
    result.target_file = str(request.settings.target.source)
    result.target_sha256 = provenance.target_digest(request.settings.target, request.documents)
    result.browser = _browser_version(request.settings)
    return result, part


def _browser_version(settings: RunSettings) -> str:
    if settings.engine != "browser":
        return ""
    from portalcert.engines.browser_launch import HOST
    from portalcert.engines.browser_settings import resolve_executable

    # workers launch their browsers in their own processes: then ask the executable itself
    launched = HOST.version
    executable = None if launched or settings.browser.connect else resolve_executable(settings.browser)
    return provenance.browser_version(settings.engine, executable, launched)


def run_partial(request: RunRequest) -> tuple[Partial, catalog.Catalogue]:
    """The raw results of the request's rules (all, or the shard's), in this process or in workers."""
    settings = request.settings
    cat = catalog.load(list(request.documents))
    _check_rule_ids(settings, cat)
    weight = shards.weights(cat, request.tags, settings.target)
    rules = cat.rules if request.shard is None else shards.slice_of(cat, weight, request.shard)
    if request.workers > 1:
        from portalcert.parallel import workers  # it runs this module's `execute` in each worker

        workers.refuse_shared_state(request)
    if request.earlier is not None:
        request.ledger.earlier.update(request.earlier.matched)
    started = datetime.now(UTC)
    clock = time.monotonic()
    part = Partial(
        identity=identity(request),
        facts=rule_facts(settings.target, cat),
        base_url="",
        started_at=started.isoformat(timespec="seconds"),
        duration=0.0,
        assigned=tuple(rule.id for rule in rules),
        ledger=request.ledger,
        shard=request.shard,
    )
    settings.out_dir.mkdir(parents=True, exist_ok=True)
    total = cat.count_selected(request.tags, rules)
    progress = ProgressLine(total) if request.progress else None
    try:
        if request.workers > 1:
            order = [rule for rule in shards.largest_first(cat, weight) if rule.id in part.assigned]
            workers.run_pool(request, order, part, progress)
        else:
            _run_here(request, rules if request.shard else None, part, progress)
    finally:
        if progress:
            progress.finish()
    part.duration = round(time.monotonic() - clock, 3)
    # What nobody ran: interrupted before it began, or no worker left to run it.
    reason, status = ("not run", Status.NOT_COVERED)
    if part.interrupted:
        reason = "not run: the run was interrupted"
    elif request.workers > 1:
        reason, status = "not run: every worker process stopped", Status.BROKEN
    for rule in rules:
        if rule.id not in part.executed:
            part.executed[rule.id] = unjudged(rule, reason, status)
    return part, cat


def _run_here(
    request: RunRequest, rules: list[catalog.RuleEntry] | None, part: Partial, progress: ProgressLine | None
) -> None:
    """In this process: every document whole, or only `rules`."""
    live = session.start(request.settings, request.ledger)
    part.base_url = live.base_url
    for line in live.channels.describe():
        print(f"portalcert: {line}", file=sys.stderr, flush=True)
    live.on_scenario_done = progress.scenario_done if progress else None
    stop = GracefulStop()
    # A cancelled CI job (SIGTERM) or Ctrl-C (SIGINT) still gets a report of what ran.
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if rules is None:

            def collect(unit: str, features: list[Any], interrupted: bool) -> None:
                part.executed.update(gather(features, live, interrupted=interrupted, unit=unit))

            _, part.interrupted = execute(request, stop, on_unit=collect)
        else:
            executed, part.interrupted = execute_rules(request, stop, rules)
            part.executed.update(executed)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        session.finish()


def execute_rules(
    request: RunRequest, stop: GracefulStop, rules: Sequence[catalog.RuleEntry]
) -> tuple[dict[str, list[RawScenario]], bool]:
    """Some rules' scenarios in one behave run per document, in the running session (a shard's or a
    worker's unit of work): (their raw results, interrupted)."""
    live = session.current()
    paths: dict[str, list[str]] = {}
    # In file and line order: behave reads a file once only for consecutive locations in it.
    for rule in sorted(rules, key=lambda rule: _file_and_line(rule.location)):
        paths.setdefault(rule.unit, []).append(rule.location)
    wanted = {rule.id for rule in rules}
    executed: dict[str, list[RawScenario]] = {}

    def collect(unit: str, features: list[Any], interrupted: bool) -> None:
        executed.update(gather(features, live, interrupted=interrupted, rules=wanted, unit=unit))

    _, interrupted = execute(request, stop, paths=paths, on_unit=collect)
    return executed, interrupted


def _file_and_line(location: str) -> tuple[str, int]:
    path, _, line = location.rpartition(":")
    return (path, int(line)) if line.isdigit() else (location, 0)


def identity(request: RunRequest) -> RunIdentity:
    settings = request.settings
    return RunIdentity(
        tool_version=__version__,
        target=settings.target.name,
        target_url=settings.target.base_url,
        engine=settings.engine,
        documents=tuple(request.documents),
        tags=request.tags,
        defects=tuple(settings.defects),
        locators_from=request.earlier.path if request.earlier else "",
        locators_started_at=request.earlier.started_at if request.earlier else "",
    )
