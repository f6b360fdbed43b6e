"""`portalcert run --workers N`: N long-lived processes, each with a session of its own, taking rules.

The parent hands out rules, largest first, in batches to whichever worker is free: large batches while
much remains, single rules towards the end (guided self-scheduling, `shards.next_batch`), so workers
seldom pay behave's per-run cost (parsing the feature files, loading the steps) yet finish together. A
worker runs its batch through behave exactly as a one-process run would (`runner.execute_rules` on the
rules' locations) and answers with their raw results. The parent merges the answers as
`portalcert merge` merges shards. Each worker starts its own session: on the embedded simulator a
simulator and SQLite file of its own (resets never cross), on the browser engine a browser of its own.

Workers are forked from the parent once it has imported the harness, so a worker starts in
milliseconds; the parent starts no thread (no session, no sink) before forking. Each worker is put in
a session of its own: a terminal's Ctrl-C reaches the parent only, and the parent forwards exactly one
signal to each worker, which finishes its running scenario (see `GracefulStop`).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from portalcert import outofband, runner, session
from portalcert.catalog import RuleEntry
from portalcert.collect import unjudged
from portalcert.errors import ConfigError, TargetUnreachable
from portalcert.locator_ledger import LocatorLedger
from portalcert.parallel import shards
from portalcert.parallel.merge import absorb
from portalcert.parallel.partial import Partial
from portalcert.progress import ProgressLine
from portalcert.results import Status
from portalcert.sinks.relay import StoreRelay
from portalcert.sinks.store import MessageStore


class WorkerFailed(ConfigError):
    """A worker could not start its session (a browser that does not launch, say): as in one process."""

    def __init__(self, text: str) -> None:
        Exception.__init__(self, text)
        self.source, self.key, self.line = "worker", "", None


def refuse_shared_state(request: runner.RunRequest) -> None:
    """Workers must not undo each other's scenarios: say why up front."""
    target = request.settings.target
    if not target.embedded and target.has_reset:
        raise ConfigError(
            str(target.source),
            "control",
            "--workers needs a portal each worker can use alone: a reset between one worker's scenarios "
            "would wipe another's. Use --workers 1, shards against separate portal instances, or a "
            "target without reset and several accounts per role",
        )


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    rules: tuple[RuleEntry, ...] = ()  # what it is running


def _serve(request: runner.RunRequest, conn: Connection) -> None:
    """A worker's life: start a session, then run each rule it is sent until told to stop."""
    os.setsid()  # the parent forwards signals: a terminal's Ctrl-C must not reach the worker twice
    stop = runner.GracefulStop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, stop)
    try:
        relay = conn.recv()  # the parent's message relay ("" without sinks), sent once it listens
    except (EOFError, OSError):
        return  # the parent could not start its sinks and is gone
    try:
        live = session.start(replace(request.settings, message_relay=relay), LocatorLedger())
    except (ConfigError, TargetUnreachable) as exc:
        conn.send(("failed", type(exc).__name__, str(exc)))
        return
    try:
        live.on_scenario_done = lambda status, rule, name: conn.send(("scenario", status, rule, name))
        conn.send(("ready", live.base_url))
        while not stop.signals:
            batch = conn.recv()
            if batch is None:
                break
            executed, interrupted = runner.execute_rules(request, stop, batch)
            conn.send(("rules", tuple(rule.id for rule in batch), executed, live.ledger, interrupted))
    except (EOFError, BrokenPipeError):
        pass  # the parent is gone: nobody to answer
    finally:
        session.finish()
        if request.settings.engine == "browser":
            from portalcert.engines.browser_launch import HOST

            HOST.stop()  # a forked worker leaves through os._exit: no atexit to stop the browser


class _ForwardingStop:
    """The parent's signal handler: first signal, each worker finishes its scenario; second, stop now."""

    def __init__(self, workers: list[_Worker]) -> None:
        self.workers = workers
        self.signals = 0

    def __call__(self, signum: int, frame: Any) -> None:
        self.signals += 1
        if self.signals > 1:
            raise KeyboardInterrupt
        for worker in self.workers:
            if worker.process.is_alive() and worker.process.pid is not None:
                os.kill(worker.process.pid, signum)


def run_pool(
    request: runner.RunRequest, rules: list[RuleEntry], part: Partial, progress: ProgressLine | None
) -> None:
    """Run `rules` (in this order, as workers free up) in `request.workers` processes; merge into `part`.

    A rule left unrun (interrupted, or no worker left) is absent from `part.executed` afterwards.
    """
    settings = request.settings
    # One lease folder for the whole run on a shared portal: no two workers ever hold the same account.
    # On the embedded simulator each worker has a portal of its own, so a folder of its own: sharing
    # would make workers wait for each other's accounts for nothing.
    lease_dir = settings.lease_dir or settings.out_dir / ".leases"
    made = not lease_dir.exists()
    lease_dir.mkdir(parents=True, exist_ok=True)
    shared = not settings.target.embedded
    workers = _start(
        request, len(rules), lambda number: lease_dir if shared else lease_dir / f"worker-{number}"
    )
    # Only now, the workers forked: threads (the sinks') do not survive a fork.
    sinks = _SharedSinks(request)
    try:
        sinks.start()
    except BaseException:
        _end(workers, finished=False)
        raise
    for worker in workers:
        with contextlib.suppress(OSError):
            worker.conn.send(sinks.relay_url)
    queue = list(rules)
    weight = shards.weights_of(rules)
    stop = _ForwardingStop(workers)
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    failure: Exception | None = None
    active = list(workers)
    try:
        while active and failure is None:
            ready = wait([worker.conn for worker in active])
            for worker in [w for w in active if w.conn in ready]:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    active.remove(worker)
                    _lost(worker, part, interrupted=stop.signals > 0)
                    continue
                failure = _handle(message, worker, part, progress)
                if message[0] in ("ready", "rules"):
                    _next(worker, queue, weight, len(workers), stopping=stop.signals > 0)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _end(workers, finished=not active)
        sinks.stop()
        if made:
            shutil.rmtree(lease_dir, ignore_errors=True)
    if failure is not None:
        raise failure
    part.interrupted = part.interrupted or stop.signals > 0


class _SharedSinks:
    """The run's SMS and e-mail sinks, in the parent, and the relay its workers read them through."""

    def __init__(self, request: runner.RunRequest) -> None:
        self.request = request
        self.channels: outofband.Channels | None = None
        self.relay: StoreRelay | None = None

    @property
    def relay_url(self) -> str:
        return self.relay.url if self.relay is not None else ""

    def start(self) -> None:
        target = self.request.settings.target
        channels = outofband.start(target.messages, self.request.settings.out_dir, str(target.source))
        self.channels = channels
        if not channels.addresses:
            return  # the simulator's outbox: each worker reads its own simulator
        for line in channels.describe():
            print(f"portalcert: {line}", file=sys.stderr, flush=True)
        assert isinstance(channels.store, MessageStore)  # the parent's own sinks fill it
        self.relay = StoreRelay(channels.store)
        self.relay.start()

    def stop(self) -> None:
        if self.relay is not None:
            self.relay.stop()
        if self.channels is not None:
            self.channels.stop()


def _end(workers: list[_Worker], *, finished: bool) -> None:
    """Workers told to stop are leaving on their own; any other (an error, a second Ctrl-C) is ended."""
    for worker in workers:
        worker.process.join(timeout=10 if finished else 0)
        if worker.process.is_alive():
            worker.process.terminate()  # a worker's stop: it finishes its scenario, or leaves at once
            worker.process.join(timeout=10)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()


def _start(request: runner.RunRequest, rules: int, lease_dir: Callable[[int], Path]) -> list[_Worker]:
    context = multiprocessing.get_context("fork")
    workers = []
    for number in range(1, min(request.workers, max(rules, 1)) + 1):
        leases = lease_dir(number)
        leases.mkdir(parents=True, exist_ok=True)  # given to the worker, so it never removes it
        settings = replace(request.settings, lease_dir=leases)
        parent_end, child_end = context.Pipe()
        process = context.Process(
            target=_serve,
            args=(replace(request, progress=False, settings=settings), child_end),
            name=f"portalcert-worker-{number}",
            daemon=True,
        )
        process.start()
        child_end.close()
        workers.append(_Worker(process, parent_end))
    return workers


def _handle(
    message: tuple[Any, ...], worker: _Worker, part: Partial, progress: ProgressLine | None
) -> Exception | None:
    kind = message[0]
    if kind == "scenario" and progress is not None:
        progress.scenario_done(*message[1:])
    elif kind == "ready":
        part.base_url = part.base_url or message[1]
    elif kind == "rules":
        _, rule_ids, executed, ledger, interrupted = message
        worker.rules = ()
        piece = replace(part, assigned=rule_ids, executed=executed, ledger=ledger, interrupted=interrupted)
        absorb(part, piece)
    elif kind == "failed":
        name, text = message[1:]
        return TargetUnreachable(text) if name == "TargetUnreachable" else WorkerFailed(text)
    return None


def _next(
    worker: _Worker, queue: list[RuleEntry], weight: dict[str, int], workers: int, *, stopping: bool
) -> None:
    """Give a free worker the next batch of rules, or tell it to stop."""
    if stopping or not queue:
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        return
    worker.rules = shards.next_batch(queue, weight, workers)
    with contextlib.suppress(OSError):  # it just died: the closed pipe says so at the next wait
        worker.conn.send(worker.rules)


def _lost(worker: _Worker, part: Partial, *, interrupted: bool) -> None:
    """A worker whose pipe closed: done, or dead in the middle of a batch, whose rules get no verdict."""
    worker.process.join(timeout=10)
    code = worker.process.exitcode
    if not worker.rules or (interrupted and code == 0):
        return  # finished, or stopped by the interruption before it began the batch
    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    reason = (
        f"the worker process running this rule stopped unexpectedly ({how}); its scenarios have no verdict"
    )
    for rule in worker.rules:
        part.executed[rule.id] = unjudged(rule, reason, Status.BROKEN)
    worker.rules = ()
