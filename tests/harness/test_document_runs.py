"""Each document runs with its own steps and phrase types: two documents that use the same step text
and parameter type name, with different meanings, both run in one process and neither shadows the other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portalcert.docspec import DatasetSpec, DocumentSpec
from portalcert.phrase_types import choice
from portalcert.runner import DocumentRunner, configuration

STEPS = """
from pathlib import Path

from behave import given, then


@given("a {{animal:Animal}}")
def step_animal(context, animal):
    context.animal = animal


@then("the document remembers it")
def step_remember(context):
    Path({log!r}).open("a", encoding="utf-8").write(f"{name} saw {{context.animal}}\\n")
"""

FEATURE = """Feature: animals
  Scenario: one animal
    Given a cat
    Then the document remembers it
"""


def _document(root: Path, name: str, meaning: str, log: Path) -> DocumentSpec:
    (root / "features").mkdir(parents=True)
    (root / "steps").mkdir()
    (root / "features" / "animals.feature").write_text(FEATURE, encoding="utf-8")
    (root / "steps" / "animals.py").write_text(STEPS.format(log=str(log), name=name), encoding="utf-8")
    (root / "environment.py").write_text("", encoding="utf-8")

    def nothing(*_: Any) -> Any:
        return None

    return DocumentSpec(
        id=name,
        title=name,
        language="en",
        seed_file="",
        rule_prefix=name.upper(),
        root=root,
        phrase_types={"Animal": choice({"cat": meaning})},
        dataset=DatasetSpec(schema="none", load=nothing, validate=lambda data, every: []),
        new_memory=dict,
        describe_accounts=lambda data: [],
    )


def test_two_documents_with_the_same_phrases_run_one_after_the_other(tmp_path: Path) -> None:
    log = tmp_path / "seen.txt"
    first = _document(tmp_path / "first", "first", "a cat that purrs", log)
    second = _document(tmp_path / "second", "second", "a cat that hunts", log)
    for spec in (first, second):
        runner = DocumentRunner(configuration([str(spec.features), "--format=null", "--no-summary"]), spec)
        failed = runner.run()
        assert not failed, f"{spec.id}: {[s.status.name for f in runner.features for s in f.scenarios]}"
    assert log.read_text(encoding="utf-8").splitlines() == [
        "first saw a cat that purrs",
        "second saw a cat that hunts",
    ]
