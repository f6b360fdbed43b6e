"""A rule re-checked alone, as a vendor does after a fix: absences proven by an earlier run on the target.

SEC-07 on MGD relies on not being shown the channel page; run alone it never visits that page, so its
absence is unverified (BROKEN). With `--locators-from` a run that did see the page, it is judged.
"""

from __future__ import annotations

import json
from pathlib import Path

from portalcert import locator_proof

from .suite_runs import SuiteRun, portalcert, run_suite

MGD = ("--document", "telefonica-mi-gestion-digital", "--document", "security-baseline")
CHANNEL_PAGE = "pages.login_channel.recognise"


def test_a_narrowed_run_leans_on_an_earlier_runs_matched_locators(tmp_path: Path) -> None:
    alone = run_suite(tmp_path / "alone", *MGD, "--tags", "@rule:SEC-07")
    assert alone.exit_code == 3, alone.stderr
    broken = alone.rule("SEC-07@MGD")
    assert broken["status"] == "BROKEN"
    assert (
        f"`{CHANNEL_PAGE}` ([data-page=login-channel]) matched nothing" in broken["scenarios"][0]["message"]
    )
    assert "locators_from" not in alone.report

    earlier = run_suite(tmp_path / "earlier", *MGD, "--tags", "@rule:SEC-01")
    assert earlier.rule_statuses()["SEC-01@MGD"] == "PASS", earlier.stderr
    proof = json.loads((earlier.out_dir / locator_proof.FILE_NAME).read_text(encoding="utf-8"))
    assert proof["matched"][f"telefonica-mi-gestion-digital:{CHANNEL_PAGE}"] == "[data-page=login-channel]"

    again = run_suite(
        tmp_path / "again", *MGD, "--tags", "@rule:SEC-07", "--locators-from", str(earlier.out_dir)
    )
    assert again.exit_code == 0, again.stderr
    assert again.rule_statuses()["SEC-07@MGD"] == "PASS"
    assert again.report["locators_from"] == {
        "file": str(earlier.out_dir / locator_proof.FILE_NAME),
        "started_at": proof["started_at"],
        "entries": len(proof["matched"]),
    }
    assert "Locators proven by" in (again.out_dir / "compliance.html").read_text(encoding="utf-8")
    # What the re-run saw itself is all it hands on: the page it never visited is not in its file.
    handed_on = json.loads((again.out_dir / locator_proof.FILE_NAME).read_text(encoding="utf-8"))
    assert f"telefonica-mi-gestion-digital:{CHANNEL_PAGE}" not in handed_on["matched"]


def test_another_targets_locators_are_refused_before_anything_runs(tmp_path: Path) -> None:
    (tmp_path / locator_proof.FILE_NAME).write_text(
        json.dumps({"schema": locator_proof.SCHEMA, "target": "someone else", "matched": {}}),
        encoding="utf-8",
    )
    done = run_suite(tmp_path / "out", *MGD, "--locators-from", str(tmp_path))
    assert done.exit_code == 2
    assert "--locators-from: " in done.stderr
    assert "a run on target 'someone else'" in done.stderr
    assert not (tmp_path / "out" / "compliance.json").exists()


def test_shards_of_a_narrowed_run_lean_on_it_alike_and_merge(tmp_path: Path) -> None:
    earlier = run_suite(tmp_path / "earlier", *MGD, "--tags", "@rule:SEC-01")
    narrowed = (*MGD, "--tags", "@rule:SEC-07", "--locators-from", str(earlier.out_dir))
    shards = [run_suite(tmp_path / f"shard{i}", *narrowed, "--shard", f"{i}/2") for i in (1, 2)]
    done = portalcert("merge", str(tmp_path / "merged"), *(str(shard.out_dir) for shard in shards))
    assert done.returncode == 0, done.stderr[-2000:]
    merged = SuiteRun(done.returncode, done.stdout, done.stderr, tmp_path / "merged")
    assert merged.rule_statuses()["SEC-07@MGD"] == "PASS"
    assert merged.report["locators_from"]["file"] == str(earlier.out_dir / locator_proof.FILE_NAME)
    assert (merged.out_dir / locator_proof.FILE_NAME).exists()
