"""What a document package gives the harness: the one interface between portalcert and a document.

A document package (`documents/<name>/`) holds its features, steps, phrase types, tasks, data set and
page-map contract, and exposes one `DocumentSpec` as `documents.<name>.document.DOCUMENT`. The harness
reaches a document only through this object, so adding a document touches nothing outside its folder.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portalcert.leases import Leases

PhraseTypes = Mapping[str, Callable[[str], Any]]
RuleScope = Callable[[str], bool]  # is this rule id in scope?


@dataclass(frozen=True)
class DatasetSpec:
    """How the document's test data set is read, checked and (for the simulator) generated.

    `load(data, source)` turns a parsed, already validated JSON object into the typed test data the
    document's tasks use; `validate(data, scope)` lists problems as sentences: with `scope=None` the
    whole reference set, with a scope (a predicate on rule ids) only what the rules in scope use, a role
    they do not use may be left out; `generate(seed)` makes the simulator's reference set.
    """

    schema: str
    load: Callable[[dict[str, Any], str], Any]
    validate: Callable[[dict[str, Any], RuleScope | None], list[str]]
    generate: Callable[[int], dict[str, Any]] | None = None
    reference_seed: int = 0
    # A scenario's view of the test data, leasing pool members through the scenario's Leases
    # (portalcert.leases); None: the data set has no pools and scenarios share the loaded data.
    leased: Callable[[Any, Leases], Any] | None = None


@dataclass(frozen=True)
class ProfileSupport:
    """A document's answer to one baseline profile.

    `flows` is of the type the profile's package defines (its tasks call them with the document's actor);
    `lacks` names the profile's `@needs:<flow>` tags the document has no such flow for, each with the
    reason, and the profile's scenarios needing one are NOT_APPLICABLE for the document. Flows that can
    say what they leave out (an `absent()` method, e.g. a flow left None) add those needs to `lacks`.
    """

    flows: Any
    lacks: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        absent = getattr(self.flows, "absent", None)
        if callable(absent):
            object.__setattr__(self, "lacks", {**absent(), **self.lacks})  # the document's reasons win


@dataclass(frozen=True)
class DocumentSpec:
    id: str
    title: str
    language: str
    seed_file: str  # the source document in shared/seeds/
    rule_prefix: str  # rule ids are <prefix>-<NN>
    root: Path  # the package folder
    phrase_types: PhraseTypes
    dataset: DatasetSpec
    new_memory: Callable[[], Any]  # what an actor of this document remembers during a scenario
    describe_accounts: Callable[[Any], list[str]]  # demo accounts of a data set, for `portalcert serve`
    # States or features a portal may lack, name -> what it means; a target declares them `absent`
    # and the scenarios tagged `@needs:<name>` are NOT_APPLICABLE there.
    capabilities: Mapping[str, str] = field(default_factory=dict)
    # A baseline profile (a package under `profiles/`, e.g. security-baseline) has no portal, page map or
    # data set of its own: its rules run on the flows of a document in scope that opts in to it.
    profile: bool = False
    # The profiles this document opts in to: profile id -> what it gives that profile (its flows, built
    # from the document's own tasks, and the profile's flows it lacks, with the reason).
    profiles: Mapping[str, ProfileSupport] = field(default_factory=dict)

    @property
    def features(self) -> Path:
        return self.root / "features"

    @property
    def contract(self) -> Path:
        return self.root / "contract.yaml"

    @property
    def reference_pagemap(self) -> Path:
        """The page map of the document's portal in the reference simulator."""
        return self.root / "reference" / "pagemap.yaml"

    @property
    def reference_dataset(self) -> Path:
        return self.root / "reference" / "dataset.json"
