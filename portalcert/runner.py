"""Run the suite: start the session, run behave in-process, collect results, always write reports."""

from __future__ import annotations

import signal
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from behave.configuration import Configuration
from behave.runner import Runner

from portalcert import __version__, catalog, session
from portalcert.collect import collect
from portalcert.documents import DOCUMENTS
from portalcert.errors import ConfigError
from portalcert.locator_ledger import LocatorLedger
from portalcert.progress import ProgressLine
from portalcert.results import RunResult
from portalcert.session import RunSettings

PROJECT_DIR = Path(__file__).resolve().parent.parent
FEATURES_DIR = PROJECT_DIR / "features"


@dataclass(frozen=True)
class RunRequest:
    settings: RunSettings
    documents: tuple[str, ...]
    tags: str = ""
    progress: bool = True
    ledger: LocatorLedger = field(default_factory=LocatorLedger)  # filled with what the run looked up


def behave_args(request: RunRequest) -> list[str]:
    out = request.settings.out_dir
    args = [str(FEATURES_DIR / DOCUMENTS[doc].folder) for doc in request.documents]
    args += [
        "--no-capture",
        "--no-summary",
        "--no-snippets",
        # outfiles pair with formats in order: allure writes its folder, null prints nothing.
        # (JUnit is written from the results instead of by behave: see portalcert.report.junit.)
        "--format=portalcert.allure_output:RuleAwareAllureFormatter",
        f"--outfile={out / 'allure-results'}",
        "--format=null",
    ]
    if request.tags:
        args.append(f"--tags={request.tags}")
    return args


class _GracefulStop:
    """First Ctrl-C / SIGTERM: let the running scenario finish, skip the rest, write the report.
    A second one stops at once. (Raising from the first signal could land in a destructor, where
    Python swallows exceptions, and the run would go on as if nothing happened.)"""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.signals = 0

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.signals += 1
        if self.signals > 1:
            raise KeyboardInterrupt
        name = signal.Signals(signum).name
        self.runner.abort(reason=f"{name}: finishing the running scenario, then writing the report")


def _check_rule_ids(settings: RunSettings, cat: catalog.Catalogue) -> None:
    """Scope and expected failures must name rules that exist, or a typo silently changes the verdict."""
    target = settings.target
    known = {rule.id for rule in cat.rules}
    for rule in target.rules:
        if rule not in known:
            raise ConfigError(str(target.source), "rules", f"{rule} is not a rule of the documents in scope")
    for rule in target.expected.reasons:
        if rule not in known:
            raise ConfigError(
                target.expected.source, "failures", f"{rule} is not a rule of the documents in scope"
            )


def run(request: RunRequest) -> RunResult:
    """Run the selected documents against the target. Raises ConfigError / TargetUnreachable early."""
    settings = request.settings
    cat = catalog.load(FEATURES_DIR, list(request.documents))
    _check_rule_ids(settings, cat)
    started = datetime.now(UTC)
    clock = time.monotonic()
    live = session.start(settings, request.ledger)
    settings.out_dir.mkdir(parents=True, exist_ok=True)
    for line in live.channels.describe():
        print(f"portalcert: {line}", file=sys.stderr, flush=True)
    total = cat.count_selected(request.tags)
    progress = ProgressLine(total) if request.progress else None
    live.on_scenario_done = progress.scenario_done if progress else None
    interrupted = False
    features: list[Any] = []
    config = Configuration(command_args=behave_args(request), load_config=False)
    runner = Runner(config)
    stop = _GracefulStop(runner)
    # A cancelled CI job (SIGTERM) or Ctrl-C (SIGINT) still gets a report of what ran.
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            runner.run()
        except KeyboardInterrupt:
            interrupted = True
        interrupted = interrupted or stop.signals > 0
        features = list(runner.features)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if progress:
            progress.finish()
        base = RunResult(
            target=settings.target.name,
            base_url=live.base_url,
            engine=settings.engine,
            started_at=started.isoformat(timespec="seconds"),
            duration=round(time.monotonic() - clock, 3),
            interrupted=interrupted,
            tool_version=__version__,
        )
        result = collect(features, cat, live, base=base, interrupted=interrupted)
        session.finish()
    return result
