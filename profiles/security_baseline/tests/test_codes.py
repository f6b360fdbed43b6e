"""Sign-in codes drawn at random can repeat: the checks of "the previous code" must not mistake a
repeat for a reused code."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import cast

import pytest

from portalcert.checks import PreconditionFailed
from profiles.security_baseline.support import Pages, SecurityFlows
from profiles.security_baseline.tasks import codes
from profiles.security_baseline.tasks.base import Notes, SecActor


def _actor(sent: Iterator[str], typed: list[str]) -> SecActor:
    def unused(*_: object) -> None:
        raise AssertionError("not part of this check")

    flows = SecurityFlows(
        choose_user=unused,
        choose_user_with_temporary_password=unused,
        sign_in=lambda actor, which: typed.append(which),
        let_days_pass=unused,
        sent_code=lambda actor: next(sent),
        codes_sent=unused,  # type: ignore[arg-type]
        type_code=unused,
        sign_out=unused,
        recover_password=unused,
        pages=Pages(login="login", code="code", private="private"),
    )
    portal = SimpleNamespace(is_on=lambda page: page == "code")
    return cast(SecActor, SimpleNamespace(portal=portal, profile=flows))


def test_a_code_like_an_earlier_one_is_asked_for_again() -> None:
    typed: list[str] = []
    notes = Notes(codes=["ACE BAY"])
    codes.sign_in_again(_actor(iter(["ACE BAY", "FOX OAK"]), typed), notes)
    assert notes.codes == ["ACE BAY", "FOX OAK"]
    assert typed == ["right", "right"]


def test_a_new_code_is_taken_at_once() -> None:
    typed: list[str] = []
    notes = Notes(codes=["ACE BAY"])
    codes.sign_in_again(_actor(iter(["FOX OAK"]), typed), notes)
    assert notes.codes == ["ACE BAY", "FOX OAK"]
    assert typed == ["right"]


def test_a_portal_sending_the_same_code_every_time_leaves_the_check_undecided() -> None:
    notes = Notes(codes=["ACE BAY"])
    with pytest.raises(PreconditionFailed, match="3 times in a row"):
        codes.sign_in_again(_actor(iter(["ACE BAY"] * codes.DRAWS), []), notes)
    assert notes.codes == ["ACE BAY"]
