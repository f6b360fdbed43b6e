"""Which process runs which rule: a shard's deterministic slice, and the order workers take rules in.

The unit of work is a rule, so a rule's scenarios stay together (they share the locator lookups a
verdict may rest on, and the report rolls them up). Both plans go largest first: a long rule started
last would leave the other processes idle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from behave.tag_expression import make_tag_expression

from portalcert.catalog import Catalogue, RuleEntry
from portalcert.errors import ConfigError
from portalcert.target import Target

_SHARD = re.compile(r"^(\d+)/(\d+)$")


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based
    total: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        match = _SHARD.match(text.strip())
        if match is None or not 1 <= int(match.group(1)) <= int(match.group(2)):
            raise ConfigError("--shard", "", f"expected I/N with 1 <= I <= N, e.g. 2/3; got {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def label(self) -> str:
        return f"{self.index}/{self.total}"


def weights(catalogue: Catalogue, tags: str, target: Target | None) -> dict[str, int]:
    """Rule id -> the scenarios it will run: those the tags select; none when out of the target's scope
    (they are only reported NOT_APPLICABLE, which costs nothing)."""
    expression = make_tag_expression(tags) if tags else None
    return {
        rule.id: 0
        if target is not None and target.out_of_scope_reason(rule.id)
        else sum(1 for tags_of in rule.scenario_tags if expression is None or expression.check(tags_of))
        for rule in catalogue.rules
    }


def largest_first(catalogue: Catalogue, weight: dict[str, int]) -> list[RuleEntry]:
    """Every rule, the most scenarios first; ties in catalogue order (so the plan is deterministic)."""
    order = {rule.id: index for index, rule in enumerate(catalogue.rules)}
    return sorted(catalogue.rules, key=lambda rule: (-weight[rule.id], order[rule.id]))


def slice_of(catalogue: Catalogue, weight: dict[str, int], shard: Shard) -> list[RuleEntry]:
    """The rules of `shard`: largest first, each to the lightest bin (lowest index on ties).

    Every rule lands in exactly one shard, rules with nothing to run included, so a merge sees all.
    """
    loads = [0] * shard.total
    mine: set[str] = set()
    for rule in largest_first(catalogue, weight):
        lightest = min(range(shard.total), key=lambda b: (loads[b], b))
        loads[lightest] += weight[rule.id]
        if lightest == shard.index - 1:
            mine.add(rule.id)
    return [rule for rule in catalogue.rules if rule.id in mine]


def weights_of(rules: list[RuleEntry]) -> dict[str, int]:
    """What a batch of rules costs: its scenarios (a rule with none still costs a behave run)."""
    return {rule.id: max(1, len(rule.scenarios)) for rule in rules}


def next_batch(queue: list[RuleEntry], weight: dict[str, int], workers: int) -> tuple[RuleEntry, ...]:
    """Take from the head of `queue` (largest first) the next batch for a free worker: about half of
    an even share of what remains, so batches shrink towards single rules as the run ends and no
    worker is left with a long batch while the others idle. At least one rule."""
    remaining = sum(weight[rule.id] for rule in queue)
    share = remaining / (2 * max(workers, 1))
    batch = [queue.pop(0)]
    taken = weight[batch[0].id]
    while queue and taken + weight[queue[0].id] <= share:
        taken += weight[queue[0].id]
        batch.append(queue.pop(0))
    return tuple(batch)
