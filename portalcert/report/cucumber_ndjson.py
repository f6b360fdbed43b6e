"""Cucumber Messages (NDJSON) of a run, for Cucumber's HTML report and the dashboards that read it.

behave has no Cucumber Messages formatter, and a run split over workers or shards has no single behave
run to format anyway; so the messages are written from the run's result, like the other reports, and a
one-process run, a run with workers and a merged set of shards give the same messages. The feature files
are parsed by the official Gherkin parser (sources, Gherkin documents and pickles with the rules' tags);
each scenario that ran becomes a test case whose step results follow from its verdict
(`cucumber_steps`), its evidence files become attachments, and every message is built with the official
`cucumber-messages` types. What the run does not record is not invented: step durations are not kept
per step (each test case spans its scenario's duration), and test cases follow one another in report
order from the run's start time, also when workers ran them side by side.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import platform
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import cucumber_messages as cm
from gherkin.stream.gherkin_events import GherkinEvents
from gherkin.stream.source_events import Source

from portalcert import registry
from portalcert.report.cucumber_steps import Outcome, outcomes
from portalcert.results import RunResult, ScenarioResult, Status

FILE_NAME = "cucumber-messages.ndjson"
EMBED_LIMIT = 2 * 1024 * 1024  # larger evidence files are linked (ExternalAttachment), not embedded
RUN_ID = "run"
BEFORE_HOOK = cm.Hook(
    id="hook-before",
    name="portalcert: prepare the scenario (reset, engine, test data) or skip it as not applicable",
    type=cm.HookType.before_test_case,
    source_reference=cm.SourceReference(uri="portalcert/hooks.py"),
)
VERDICT_HOOK = cm.Hook(
    id="hook-verdict",
    name="portalcert: the verdict in the light of the whole run (locators that matched nothing)",
    type=cm.HookType.after_test_case,
    source_reference=cm.SourceReference(uri="portalcert/collect.py"),
)
_GHERKIN = cm.SourceMediaType.text_x_cucumber_gherkin_plain


@dataclass
class _Clock:
    """Timestamps of the written run: the run's start, moved on by each test case's duration."""

    nanos: int

    def stamp(self) -> Any:
        return cm.Timestamp(seconds=self.nanos // 1_000_000_000, nanos=self.nanos % 1_000_000_000)

    def advance(self, seconds: float) -> None:
        self.nanos += max(0, round(seconds * 1_000_000_000))


def _start_nanos(started_at: str) -> int:
    try:
        moment = datetime.fromisoformat(started_at.replace("Z", "+00:00"))
    except ValueError:
        return 0
    return round(moment.timestamp() * 1_000_000) * 1000


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


def _meta(result: RunResult) -> Any:
    return cm.Meta(
        protocol_version=_version("cucumber-messages"),
        implementation=cm.Product(name="portalcert", version=result.tool_version or None),
        runtime=cm.Product(name=platform.python_implementation(), version=platform.python_version()),
        os=cm.Product(name=platform.system() or "unknown", version=platform.release() or None),
        cpu=cm.Product(name=platform.machine() or "unknown"),
    )


def feature_files(result: RunResult) -> list[tuple[str, Path]]:
    """(uri as reports show it, path) of every feature file of the run's documents."""
    files = []
    for document in result.documents:
        for path in sorted(registry.get(document.id).features.glob("*.feature")):
            shown = registry.display_location(f"{path}:1").rpartition(":")[0]
            files.append((shown, path))
    return files


def _gherkin(files: list[tuple[str, Path]]) -> Iterator[dict[str, Any]]:
    """Source, GherkinDocument and Pickle envelopes, as the official parser writes them (ids shared)."""
    events = GherkinEvents(GherkinEvents.Options(print_source=True, print_ast=True, print_pickles=True))
    for uri, path in files:
        source = Source(uri=uri, data=path.read_text(encoding="utf-8"), mediaType=_GHERKIN.value)
        for envelope in events.enum({"source": source}):
            yield dict(envelope)


def _typed(envelope: dict[str, Any]) -> Any:
    return cm.message_converter.from_dict(envelope, cm.Envelope)


class _Writer:
    def __init__(self, result: RunResult, report_dir: Path) -> None:
        self.result = result
        self.report_dir = report_dir
        self.clock = _Clock(_start_nanos(result.started_at))
        self.envelopes: list[Any] = []
        self.pickles: dict[tuple[str, int], dict[str, Any]] = {}  # (uri, line) -> pickle
        self.ast_steps: dict[str, str] = {}  # Gherkin step id -> its keyword

    def add(self, **message: Any) -> None:
        self.envelopes.append(cm.Envelope(**message))

    def gherkin(self) -> None:
        for envelope in _gherkin(feature_files(self.result)):
            if "gherkinDocument" in envelope:
                self._index_steps(envelope["gherkinDocument"])
            if "pickle" in envelope:
                pickle = envelope["pickle"]
                self.pickles[(pickle["uri"], int(pickle["location"]["line"]))] = pickle
            self.envelopes.append(_typed(envelope))

    def _index_steps(self, node: Any) -> None:
        if isinstance(node, dict):
            if "keyword" in node and "text" in node and "id" in node:
                self.ast_steps[str(node["id"])] = str(node["keyword"])
            for value in node.values():
                self._index_steps(value)
        elif isinstance(node, list):
            for value in node:
                self._index_steps(value)

    def test_case(self, scenario: ScenarioResult, number: int) -> None:
        uri, _, line = scenario.location.rpartition(":")
        pickle = self.pickles.get((uri, int(line))) if line.isdigit() else None
        if pickle is None:
            raise ValueError(f"{scenario.location}: no scenario of the feature files at this line")
        case_id, started_id = f"tc-{number}", f"tcs-{number}"
        steps = [(self.ast_steps.get(step["astNodeIds"][0], ""), step["text"]) for step in pickle["steps"]]
        planned = outcomes(scenario, steps)
        test_steps = [cm.TestStep(id=f"{case_id}-before", hook_id=BEFORE_HOOK.id)]
        test_steps += [
            cm.TestStep(
                id=f"{case_id}-step-{index}",
                pickle_step_id=step["id"],
                step_definition_ids=[],
                step_match_arguments_lists=[],
            )
            for index, step in enumerate(pickle["steps"])
        ]
        test_steps.append(cm.TestStep(id=f"{case_id}-verdict", hook_id=VERDICT_HOOK.id))
        self.add(
            test_case=cm.TestCase(
                id=case_id, pickle_id=pickle["id"], test_steps=test_steps, test_run_started_id=RUN_ID
            )
        )
        self.add(
            test_case_started=cm.TestCaseStarted(
                attempt=0, id=started_id, test_case_id=case_id, timestamp=self.clock.stamp()
            )
        )
        results = [planned.before, *planned.steps, planned.verdict]
        attach_to = test_steps[-1].id
        for test_step, outcome in zip(test_steps, results, strict=True):
            self._step(started_id, test_step.id, outcome)
            if outcome.failed:
                attach_to = test_step.id
        for evidence in scenario.evidence:
            self.add(**self._attachment(evidence, started_id, attach_to))
        self.clock.advance(scenario.duration)
        self.add(
            test_case_finished=cm.TestCaseFinished(
                test_case_started_id=started_id, timestamp=self.clock.stamp(), will_be_retried=False
            )
        )

    def _step(self, started_id: str, step_id: str, outcome: Outcome) -> None:
        stamp = self.clock.stamp()
        self.add(
            test_step_started=cm.TestStepStarted(
                test_case_started_id=started_id, test_step_id=step_id, timestamp=stamp
            )
        )
        exception = None
        if outcome.failed:
            exception = cm.Exception(type=f"portalcert.{outcome.verdict}", message=outcome.reason or None)
        result = cm.TestStepResult(
            duration=cm.Duration(seconds=0, nanos=0),
            status=cm.TestStepResultStatus(outcome.status),
            exception=exception,
            message=outcome.message or None,
        )
        self.add(
            test_step_finished=cm.TestStepFinished(
                test_case_started_id=started_id,
                test_step_id=step_id,
                test_step_result=result,
                timestamp=stamp,
            )
        )

    def _attachment(self, evidence: str, started_id: str, step_id: str) -> dict[str, Any]:
        """An evidence file embedded (text as is, other files in base64), or linked when large or gone."""
        path = self.report_dir / evidence
        media_type = mimetypes.guess_type(evidence)[0] or "application/octet-stream"
        where = {"test_case_started_id": started_id, "test_step_id": step_id}
        if not path.is_file() or path.stat().st_size > EMBED_LIMIT:
            return {
                "external_attachment": cm.ExternalAttachment(media_type=media_type, url=evidence, **where)
            }
        data = path.read_bytes()
        if media_type.startswith("text/"):
            body, encoding = data.decode("utf-8", errors="replace"), cm.AttachmentContentEncoding.identity
        else:
            body, encoding = base64.b64encode(data).decode("ascii"), cm.AttachmentContentEncoding.base64
        attachment = cm.Attachment(
            body=body,
            content_encoding=encoding,
            media_type=media_type,
            file_name=Path(evidence).name,
            **where,
        )
        return {"attachment": attachment}

    def run(self) -> list[Any]:
        self.add(meta=_meta(self.result))
        self.gherkin()
        self.add(hook=BEFORE_HOOK)
        self.add(hook=VERDICT_HOOK)
        self.add(test_run_started=cm.TestRunStarted(timestamp=self.clock.stamp(), id=RUN_ID))
        number = 0
        for rule in self.result.rules():
            for scenario in rule.scenarios:
                if scenario.status is Status.NOT_COVERED:
                    continue  # not selected or not run: a pickle without a test case, as in Cucumber
                number += 1
                self.test_case(scenario, number)
        clock = _Clock(_start_nanos(self.result.started_at))
        clock.advance(self.result.duration)
        finished = max(clock.nanos, self.clock.nanos)
        self.add(
            test_run_finished=cm.TestRunFinished(
                success=self.result.exit_code() == 0 and not self.result.interrupted,
                timestamp=_Clock(finished).stamp(),
                test_run_started_id=RUN_ID,
                message="interrupted" if self.result.interrupted else None,
            )
        )
        return self.envelopes


def envelopes(result: RunResult, report_dir: Path) -> list[dict[str, Any]]:
    """Every message of the run, as JSON objects in the order Cucumber writes them."""
    return [cm.message_converter.to_dict(envelope) for envelope in _Writer(result, report_dir).run()]


def write_messages(result: RunResult, report_dir: Path) -> Path:
    """`<report_dir>/cucumber-messages.ndjson`: one message per line."""
    path = report_dir / FILE_NAME
    lines = [
        json.dumps(message, ensure_ascii=False, separators=(",", ":"))
        for message in envelopes(result, report_dir)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    return path
