"""The rule catalogue, read from the feature files: they are the single source of rule ids and quotes.

A rule is a Gherkin `Rule:` tagged `@rule:<ID>` inside a feature tagged `@doc:<document id>`.
Its description holds the original-language quote in «guillemets»; a line starting `Review:`
says what a person must judge (the rule is then tagged `@review`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
                rules.append(entry)
    rules.sort(key=lambda r: _sort_key(r.id))
    return Catalogue(wanted, rules)


def feature_files(doc: DocumentSpec) -> list[Path]:
    return sorted(doc.features.glob("*.feature"))


def _sort_key(rule_id: str) -> tuple[str, int]:
    prefix, _, number = rule_id.rpartition("-")
    return prefix, int(number)
