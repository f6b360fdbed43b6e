"""`portalcert run --shard I/N` and `portalcert merge`: slices that make up exactly one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert import catalog, target
from portalcert.errors import ConfigError
from portalcert.parallel import partial
from portalcert.parallel.merge import MergeError, check_one_run, merge_shards
from portalcert.parallel.partial import Partial, RunIdentity
from portalcert.parallel.shards import Shard, largest_first, next_batch, slice_of, weights, weights_of
from tests.simulator_target import write as write_target
from tests.suite_runs import SuiteRun, portalcert, run_suite

from . import normalise

pytestmark = pytest.mark.xdist_group("parallel-runs")


@pytest.mark.parametrize("text", ["0/3", "4/3", "1/0", "2", "a/b", "1/3/4", ""])
def test_a_bad_shard_is_a_usage_error(text: str) -> None:
    with pytest.raises(ConfigError, match="--shard: expected I/N with 1 <= I <= N"):
        Shard.parse(text)


@pytest.mark.parametrize("total", [1, 2, 3, 5, 29, 40])
def test_every_rule_is_in_exactly_one_shard_and_the_shards_are_balanced(total: int) -> None:
    cat = catalog.load()
    weight = weights(cat, "", target.load("simulator"))
    slices = [slice_of(cat, weight, Shard(index, total)) for index in range(1, total + 1)]
    ids = [rule.id for rules in slices for rule in rules]
    assert sorted(ids) == sorted(rule.id for rule in cat.rules)
    loads = [sum(weight[rule.id] for rule in rules) for rules in slices]
    assert max(loads) - min(loads) <= max(weight.values()), loads
    assert slices == [slice_of(cat, weight, Shard(index, total)) for index in range(1, total + 1)]


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_workers_take_shrinking_batches_that_cover_every_rule_once(workers: int) -> None:
    cat = catalog.load()
    queue = largest_first(cat, weights(cat, "", None))
    weight = weights_of(queue)
    batches = []
    while queue:
        batches.append(next_batch(queue, weight, workers))
    taken = [rule.id for batch in batches for rule in batch]
    assert sorted(taken) == sorted(rule.id for rule in cat.rules) and len(taken) == len(set(taken))
    sizes = [sum(weight[rule.id] for rule in batch) for batch in batches]
    assert len(batches) < len(taken), "some batches hold several rules"
    assert len(batches[-1]) == 1, "the last work handed out is a single rule"
    total = sum(weight.values())
    assert sizes[0] <= max(total / (2 * workers), max(weight.values()))


def test_a_tag_selection_balances_what_it_selects() -> None:
    cat = catalog.load()
    weight = weights(cat, "@rule:CM6-13 or @rule:CM6-17", target.load("simulator"))
    first, second = (slice_of(cat, weight, Shard(index, 2)) for index in (1, 2))
    assert {"CM6-13", "CM6-17"} <= {rule.id for rule in first} ^ {rule.id for rule in second}
    assert ("CM6-13" in {rule.id for rule in first}) != ("CM6-17" in {rule.id for rule in first})


@pytest.mark.slow
def test_three_shards_merged_equal_one_run(
    one_process_run: SuiteRun, shard_runs: list[SuiteRun], tmp_path: Path
) -> None:
    for shard in shard_runs:
        assert shard.exit_code == 0, shard.stderr[-2000:]
        statuses = shard.rule_statuses()
        assert 0 < sum(status != "NOT_COVERED" for status in statuses.values()) < len(statuses)
    done = portalcert("merge", str(tmp_path), *(str(run.out_dir) for run in shard_runs))
    assert done.returncode == 0, done.stderr[-2000:]
    merged = SuiteRun(done.returncode, done.stdout, done.stderr, tmp_path)
    assert merged.rule_statuses() == one_process_run.rule_statuses()
    assert merged.report["summary"] == one_process_run.report["summary"]
    assert normalise.compliance(tmp_path) == normalise.compliance(one_process_run.out_dir)
    assert normalise.junit(tmp_path) == normalise.junit(one_process_run.out_dir)
    assert normalise.allure(tmp_path) == normalise.allure(one_process_run.out_dir)
    assert normalise.cucumber(tmp_path) == normalise.cucumber(one_process_run.out_dir)


def merge_error(out: Path, *dirs: Path) -> str:
    done = portalcert("merge", str(out), *(str(folder) for folder in dirs))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert not (out / "compliance.json").exists(), "no report from parts that are not one run"
    return lines[0]


@pytest.mark.slow
def test_merge_refuses_overlapping_missing_and_foreign_parts(
    one_process_run: SuiteRun, shard_runs: list[SuiteRun], tmp_path: Path
) -> None:
    first, second, third = (run.out_dir for run in shard_runs)
    out = tmp_path / "merged"
    assert "shard 2/3 given twice" in merge_error(out, first, second, second, third)
    assert "missing shard(s) 2/3 (given: 1/3, 3/3)" in merge_error(out, first, third)
    assert "no portalcert-shard.json" in merge_error(out, first, second, one_process_run.out_dir)
    other = write_target(tmp_path, "name: portalcert reference simulator", "name: another portal")
    # A small slice suffices: the target is the first thing compared.
    foreign = run_suite(
        tmp_path / "foreign", "--target", str(other), "--shard", "2/3", "--tags", "@rule:CM6-02"
    )
    assert foreign.exit_code == 0, foreign.stderr[-2000:]
    message = merge_error(out, first, foreign.out_dir, third)
    assert "mixed runs:" in message and "'another portal'" in message


def in_memory_shard(index: int, total: int, rules: tuple[str, ...]) -> Partial:
    identity = RunIdentity("1", "portal", "embedded", "http", ("doc",), "", ())
    return Partial(
        identity,
        {},
        "http://127.0.0.1:1",
        "2026-01-01T00:00:00+00:00",
        1.0,
        assigned=rules,
        shard=Shard(index, total),
    )


def test_shards_of_different_splits_do_not_merge() -> None:
    parts = [(Path("a"), in_memory_shard(1, 3, ("X-01",))), (Path("b"), in_memory_shard(2, 2, ("X-02",)))]
    with pytest.raises(MergeError, match="shards of different splits: a is 1/3, b is 2/2"):
        check_one_run(parts)


def test_shards_that_claim_the_same_rule_do_not_merge(tmp_path: Path) -> None:
    folders = [tmp_path / "a", tmp_path / "b"]
    for index, folder in enumerate(folders, start=1):
        folder.mkdir()
        partial.write(in_memory_shard(index, 2, ("X-01", f"X-0{index + 1}")), folder)
    with pytest.raises(MergeError, match=f"shards overlap: X-01 is in {folders[0]} and {folders[1]}"):
        merge_shards(folders)
