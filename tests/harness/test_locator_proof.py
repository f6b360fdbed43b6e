"""An earlier run's matched locators, as a narrowed re-run of one rule leans on them (`--locators-from`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from portalcert import locator_proof
from portalcert.collect import set_aside_unverified
from portalcert.errors import ConfigError
from portalcert.locator_ledger import LocatorLedger
from portalcert.results import ScenarioResult, Status

KEY = "tim-convenzione-mobile-6:pages.login_channel.recognise"
LOCATOR = "[data-page=login-channel]"


def narrowed_run(earlier: dict[str, str], locator: str = LOCATOR) -> tuple[LocatorLedger, list[str]]:
    """A run that looked for the page only where it is absent, and relied on that absence."""
    ledger = LocatorLedger(earlier=earlier)
    scenario = ledger.for_scenario("SEC-07", page_map="tim-convenzione-mobile-6")
    scenario.saw("pages.login_channel.recognise", locator, matched=False)
    scenario.rely_on_absence("pages.login_channel.recognise")
    return ledger, scenario.unverified_absences()


def test_an_absence_rests_on_what_an_earlier_run_saw_match_with_the_same_locator() -> None:
    assert narrowed_run({})[1] == [KEY]
    assert narrowed_run({KEY: LOCATOR})[1] == []


def test_a_locator_edited_since_the_earlier_run_is_not_vouched_for() -> None:
    ledger, unverified = narrowed_run({KEY: LOCATOR}, locator="[data-page=login-chanel]")
    assert unverified == [KEY]
    result = ScenarioResult("s", Status.PASS)
    set_aside_unverified(result, unverified, ledger)
    assert result.status is Status.BROKEN
    assert result.message.startswith(
        "page map: `pages.login_channel.recognise` ([data-page=login-chanel]) matched nothing in this"
        " run (the earlier run's match was of [data-page=login-channel])"
    )


def test_the_file_holds_only_what_this_run_saw_match(tmp_path: Path) -> None:
    ledger = LocatorLedger(earlier={"x:pages.gone.recognise": "#gone"})
    ledger.saw(KEY, LOCATOR, matched=True)
    ledger.saw("x:common.read.error", ".error", matched=False)
    locator_proof.write(ledger, "portal", "2026-12-01T00:00:00+00:00", tmp_path)
    earlier = locator_proof.load(tmp_path, "portal")
    assert earlier.matched == {KEY: LOCATOR}
    assert (earlier.path, earlier.started_at) == (
        str(tmp_path / locator_proof.FILE_NAME),
        "2026-12-01T00:00:00+00:00",
    )


def test_another_targets_run_proves_nothing(tmp_path: Path) -> None:
    locator_proof.write(LocatorLedger(), "staging portal", "2026-12-01T00:00:00+00:00", tmp_path)
    with pytest.raises(ConfigError, match="a run on target 'staging portal', not 'production portal'"):
        locator_proof.load(tmp_path, "production portal")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "no such file"),
        ("{", "unreadable"),
        ('{"schema": "portalcert-shard/1"}', "not a portalcert-locators/1 file"),
        (
            json.dumps({"schema": locator_proof.SCHEMA, "target": "t", "matched": ["a"]}),
            "`matched` is not a table of page-map keys to locators",
        ),
    ],
)
def test_a_file_that_is_not_a_runs_locators_is_a_usage_error(
    tmp_path: Path, text: str | None, message: str
) -> None:
    if text is not None:
        (tmp_path / locator_proof.FILE_NAME).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as raised:
        locator_proof.load(tmp_path, "t")
    assert str(raised.value).startswith("--locators-from: ")
