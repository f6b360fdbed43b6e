"""The rule catalogue, read from the feature files: they are the single source of rule ids and quotes.

A rule is a Gherkin `Rule:` tagged `@rule:<ID>` inside a feature tagged `@doc:<document id>`.
Its description holds the original-language quote in «guillemets»; a line starting `Review:`
says what a person must judge (the rule is then tagged `@review`).

A baseline profile's rules are judged once per document of the run that opts in to it: each is
catalogued once per such document, its id qualified by the document's rule prefix ("SEC-01@MGD").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from behave.model import ScenarioOutline
from behave.parser import parse_file

from portalcert import registry
from portalcert.docspec import DocumentSpec
from portalcert.errors import ConfigError

# An Examples row is named by its outline's name with the row's values filled in, nothing else: the
# names are then stable keys (reports, JUnit, sensitivity declarations), and unique within a rule.
SCENARIO_NAME_SCHEMA = "{name}"
ScenarioOutline.annotation_schema = SCENARIO_NAME_SCHEMA

_RULE_ID = r"[A-Z0-9]+-\d{2,}"
RULE_ID = re.compile(f"^{_RULE_ID}$")  # "CM6-17": what target files and expected failures may name
SUBJECT_MARK = "@"  # "SEC-01@MGD": a profile's rule as judged on one document
SUBJECT_KEY = "portalcert.subject"  # behave userdata: the document a profile's scenarios act on
RULE_TAG = re.compile(f"^rule:({_RULE_ID})$")
DOC_TAG = re.compile(r"^doc:([a-z0-9-]+)$")


@dataclass
class RuleEntry:
    id: str
    title: str
    quote: str
    review_reason: str
    document: str
    location: str
    scenarios: list[str] = field(default_factory=list)  # scenario names, outlines expanded
    tags: frozenset[str] = frozenset()
    scenario_tags: list[frozenset[str]] = field(default_factory=list)  # effective tags, per scenario
    # Each scenario's own file:line (an Examples row's is its row), for results of scenarios not run.
    scenario_locations: list[str] = field(default_factory=list)
    subject: str = ""  # a profile's rule: the document it is judged on ("": a document's own rule)

    @property
    def rule_id(self) -> str:
        """The id as the feature file tags it (what target files name), without the subject."""
        return plain(self.id)

    @property
    def unit(self) -> str:
        """What one behave run covers: a document, or a profile on one document (`unit_key`)."""
        return unit_key(self.document, self.subject)


@dataclass
class Catalogue:
    documents: list[DocumentSpec]
    rules: list[RuleEntry]

    def rules_of(self, document: str) -> list[RuleEntry]:
        return [rule for rule in self.rules if rule.document == document]

    def count_selected(self, tags: str, rules: list[RuleEntry] | None = None) -> int:
        """How many scenarios a behave tag expression selects (all when empty), of `rules` or all."""
        from behave.tag_expression import make_tag_expression

        expression = make_tag_expression(tags) if tags else None
        return sum(
            1
            for rule in (self.rules if rules is None else rules)
            for scenario_tags in rule.scenario_tags
            if expression is None or expression.check(scenario_tags)
        )

    def rule(self, rule_id: str) -> RuleEntry:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def qualified(rule_id: str, subject: DocumentSpec | None) -> str:
    """A profile's rule id as judged on `subject` ("SEC-01@MGD"); a document's rule id as it is."""
    return f"{rule_id}{SUBJECT_MARK}{subject.rule_prefix}" if subject is not None else rule_id


def plain(rule_id: str) -> str:
    return rule_id.split(SUBJECT_MARK, 1)[0]


def unit_key(document: str, subject: str = "") -> str:
    return f"{document}{SUBJECT_MARK}{subject}" if subject else document


def split_unit(key: str) -> tuple[str, str]:
    """(document, subject) of a `unit_key`."""
    document, _, subject = key.partition(SUBJECT_MARK)
    return document, subject


def subjects_among(profile: DocumentSpec, documents: list[DocumentSpec]) -> list[DocumentSpec]:
    """The documents among `documents` that opt in to `profile` (none for a document)."""
    return [doc for doc in documents if profile.profile and profile.id in doc.profiles]


def split_description(lines: list[str]) -> tuple[str, str]:
    """(quote, review reason) from a Rule's description lines."""
    text = " ".join(line.strip() for line in lines if line.strip())
    review = ""
    if "Review:" in text:
        text, review = text.split("Review:", 1)
    quotes = re.findall(r"«(.+?)»", text)
    quote = " … ".join(q.strip() for q in quotes) if quotes else text.strip()
    return quote, review.strip()


def rule_id_of(tags: list[str]) -> str | None:
    for tag in tags:
        match = RULE_TAG.match(str(tag))
        if match:
            return match.group(1)
    return None


def document_of(tags: list[str]) -> str | None:
    for tag in tags:
        match = DOC_TAG.match(str(tag))
        if match:
            return match.group(1)
    return None


def entry_for(rule: Any, document: str) -> RuleEntry:
    rule_id = rule_id_of(list(rule.tags))
    location = str(rule.location)
    if rule_id is None:
        raise ConfigError(location, "", f"Rule {rule.name!r} has no @rule:<ID> tag")
    quote, review = split_description(list(rule.description))
    if not quote:
        raise ConfigError(location, rule_id, "the rule quotes no original-language text")
    if ("review" in rule.tags) != bool(review):
        raise ConfigError(location, rule_id, "@review and a 'Review:' line go together")
    names = [scenario.name for scenario in rule.walk_scenarios()]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ConfigError(location, rule_id, f"scenario names must differ within a rule: {twice[0]!r}")
    return RuleEntry(
        id=rule_id,
        title=rule.name,
        quote=quote,
        review_reason=review,
        document=document,
        location=location,
        scenarios=names,
        tags=frozenset(str(t) for t in rule.tags),
        scenario_tags=[frozenset(str(t) for t in s.effective_tags) for s in rule.walk_scenarios()],
        scenario_locations=[str(s.location) for s in rule.walk_scenarios()],
    )


def load(documents: list[str] | None = None) -> Catalogue:
    """Parse the documents' feature files (every document when None) into the rule catalogue."""
    wanted = [registry.get(d) for d in documents] if documents else list(registry.all_documents().values())
    return load_specs(wanted)


def load_specs(wanted: list[DocumentSpec]) -> Catalogue:
    rules: list[RuleEntry] = []
    seen: dict[str, str] = {}
    for doc in wanted:
        for path in feature_files(doc):
            feature = parse_file(str(path))
            if feature is None:
                continue
            if document_of(list(feature.tags)) != doc.id:
                raise ConfigError(str(path), "", f"feature is not tagged @doc:{doc.id}")
            for rule in feature.iter_rules():
                entry = entry_for(rule, doc.id)
                if not entry.id.startswith(f"{doc.rule_prefix}-"):
                    raise ConfigError(
                        entry.location, entry.id, f"{doc.id}'s rule ids start {doc.rule_prefix}-"
                    )
                if entry.id in seen:
                    raise ConfigError(entry.location, entry.id, f"rule id already used at {seen[entry.id]}")
                seen[entry.id] = entry.location
                rules.extend(_judged_on(entry, doc, wanted))
    rules.sort(key=lambda r: _sort_key(r.id))
    return Catalogue(wanted, rules)


def _judged_on(entry: RuleEntry, doc: DocumentSpec, wanted: list[DocumentSpec]) -> list[RuleEntry]:
    """A document's rule as it is; a profile's, once per document in `wanted` that opts in (as it is
    when none does: it is then reported NOT_APPLICABLE, with that reason)."""
    subjects = subjects_among(doc, wanted)
    if not subjects:
        return [entry]
    return [replace(entry, id=qualified(entry.id, subject), subject=subject.id) for subject in subjects]


def feature_files(doc: DocumentSpec) -> list[Path]:
    return sorted(doc.features.glob("*.feature"))


def _sort_key(rule_id: str) -> tuple[str, int, str]:
    """By prefix and number, then by the document a profile's rule is judged on."""
    rule, _, subject = rule_id.partition(SUBJECT_MARK)
    prefix, _, number = rule.rpartition("-")
    return prefix, int(number), subject
