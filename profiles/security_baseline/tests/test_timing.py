"""SEC-07's judgement of answer times (tasks/passwords.py), on times like those of the simulator on a
shared 2-core machine (milliseconds, 5 tries each, in turns; the rows named "loaded..." as measured
under load): a loaded machine mixes the kinds' answers, a portal that spends more on one kind keeps them
apart. The times are given: no test here depends on a clock."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest

from portalcert.checks import RuleViolation
from portalcert.engines.wire import Exchange
from profiles.security_baseline.tasks import passwords
from profiles.security_baseline.tasks.base import Notes, SecActor

ACTOR = cast(SecActor, SimpleNamespace())


def _notes(known_ms: list[int], unknown_ms: list[int]) -> Notes:
    def answers(times: list[int]) -> list[Exchange]:
        return [Exchange("POST", "/login", (), 200, (), "", ms / 1000) for ms in times]

    return Notes(answers={"the user": answers(known_ms), "an unknown username": answers(unknown_ms)})


@pytest.mark.parametrize(
    ("known_ms", "unknown_ms"),
    [
        pytest.param([21, 23, 22, 25, 24], [18, 19, 20, 18, 22], id="unloaded"),
        pytest.param([73, 90, 120, 85, 101], [33, 95, 80, 140, 77], id="loaded-fastest-apart"),
        pytest.param([203, 246, 222, 139, 253], [222, 89, 108, 174, 216], id="loaded-mixed"),
        pytest.param([304, 141, 127, 60, 157], [171, 265, 723, 335, 140], id="loaded-20-of-25"),
    ],
)
def test_the_faithful_portal_passes(known_ms: list[int], unknown_ms: list[int]) -> None:
    passwords.expect_similar_times(ACTOR, _notes(known_ms, unknown_ms))


@pytest.mark.parametrize(
    ("known_ms", "unknown_ms", "observed"),
    [
        pytest.param([96, 88, 91, 102, 90], [19, 18, 21, 18, 20], "slower in 25 of the 25", id="unloaded"),
        pytest.param(
            [532, 585, 1054, 709, 984], [651, 236, 200, 239, 219], "slower in 23 of the 25", id="loaded"
        ),
        pytest.param(  # the fastest within the tolerance: the middle answers are not
            [440, 1026, 1316, 857, 975], [339, 440, 267, 478, 281], "slower in 23.5 of", id="loaded-middle"
        ),
        pytest.param([20, 19, 22, 21, 20], [95, 90, 99, 97, 93], "username's answers slower", id="reverse"),
    ],
)
def test_a_check_one_kind_alone_pays_fails(known_ms: list[int], unknown_ms: list[int], observed: str) -> None:
    with pytest.raises(RuleViolation, match=observed):
        passwords.expect_similar_times(ACTOR, _notes(known_ms, unknown_ms))


def test_ties_count_half() -> None:
    assert passwords.slower_pairings([2.0, 1.0], [1.0]) == 1.5
