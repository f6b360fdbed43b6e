"""Password guessing, recovery that cannot lock a user out, and answers that do not tell who exists."""

from __future__ import annotations

from portalcert.checks import expect
from portalcert.engines.base import EngineError
from portalcert.engines.wire import Exchange

from .base import Notes, SecActor, flows, last_post, wire

# Timing: the fastest answers of the two kinds of tries, taken in turns, may differ by at most this share
# of the slower one, plus a fixed allowance. The fastest, because a busy machine or network only ever adds
# time: the quickest of several tries is the closest to what the portal itself spends (a median moves
# with the load). A portal that skips the password check for unknown usernames answers them several
# times faster, whatever the load.
TIME_TOLERANCE_SHARE = 1 / 2
TIME_TOLERANCE_SECONDS = 0.002


def choose_user(actor: SecActor) -> None:
    flows(actor).choose_user(actor)


def try_wrong_passwords(actor: SecActor, count: int) -> None:
    for _ in range(count):
        flows(actor).sign_in(actor, "wrong")


def send_wrong_passwords_together(actor: SecActor, count: int) -> None:
    flows(actor).sign_in(actor, "wrong")
    form = last_post(actor)
    wire(actor).send_together(form.method, form.url, [form.form] * (count - 1))


def sign_in(actor: SecActor) -> None:
    flows(actor).sign_in(actor, "right")


def expect_held_back(actor: SecActor) -> None:
    pages = flows(actor).pages
    expect(
        not actor.portal.is_on(pages.code) and not actor.portal.is_on(pages.private),
        "the right password held back after the guesses",
        "it was accepted at once",
    )


def choose_user_with_temporary_password(actor: SecActor) -> None:
    flows(actor).choose_user_with_temporary_password(actor)


def sign_in_with_temporary_password(actor: SecActor) -> None:
    flows(actor).sign_in(actor, "temporary")


def let_days_pass(actor: SecActor, days: int) -> None:
    flows(actor).let_days_pass(actor, days)


def expect_password_refused(actor: SecActor) -> None:
    pages = flows(actor).pages
    expect(
        not actor.portal.is_on(pages.code) and not actor.portal.is_on(pages.private),
        "the password refused",
        f"it was accepted ({actor.portal.engine.url})",
    )


def expect_asked_for_code(actor: SecActor) -> None:
    expect(
        actor.portal.arrives_on(flows(actor).pages.code),
        "the user's password still accepted (the sign-in code page)",
        f"another page ({actor.portal.engine.url})",
    )


def ask_for_new_password(actor: SecActor) -> None:
    flows(actor).recover_password(actor, "own data")


def note_answer(actor: SecActor, notes: Notes, name: str) -> None:
    """What the portal answered the last form: the page and the error it shows (read, not judged)."""
    with actor.portal.describing():
        page = actor.portal.current_page() or actor.portal.engine.url
        error = actor.portal.read(None, "error") or ""
    notes.said[name] = f"page {page}, error {error!r}"


def sign_in_as(actor: SecActor, notes: Notes, who: str) -> None:
    flows(actor).sign_in(actor, {"the user": "wrong", "an unknown username": "unknown user"}[who])
    note_answer(actor, notes, who)


def recover_for(actor: SecActor, notes: Notes, who: str) -> None:
    flows(actor).recover_password(actor, "wrong data" if who == "the user" else "unknown username")
    note_answer(actor, notes, who)


def expect_same_answers(actor: SecActor, notes: Notes) -> None:
    known, unknown = notes.said.get("the user"), notes.said.get("an unknown username")
    expect(
        known == unknown,
        "the same answer for the user's username and an unknown one",
        f"for the user: {known}; for an unknown username: {unknown}",
    )


def time_wrong_passwords(actor: SecActor, notes: Notes, rounds: int) -> None:
    """Wrong passwords for the user and for an unknown username, in turns; each answer's time noted."""
    steps = flows(actor)
    for _ in range(rounds):
        for who, which in (("the user", "unrelated"), ("an unknown username", "unknown user")):
            steps.sign_in(actor, which)
            notes.answers.setdefault(who, []).append(last_post(actor))


def expect_similar_times(actor: SecActor, notes: Notes) -> None:
    known = min(_timed(notes.answers["the user"]))
    unknown = min(_timed(notes.answers["an unknown username"]))
    allowed = TIME_TOLERANCE_SHARE * max(known, unknown) + TIME_TOLERANCE_SECONDS
    expect(
        abs(known - unknown) <= allowed,
        f"fastest answer times within {allowed * 1000:.0f} ms of each other",
        f"{known * 1000:.0f} ms for the user, {unknown * 1000:.0f} ms for an unknown username",
    )


def _timed(answers: list[Exchange]) -> list[float]:
    """The answers' times; an answer the engine could not time leaves the check without a measure."""
    times = [answer.seconds for answer in answers]
    if None in times:
        raise EngineError("the engine did not time the portal's answers: no timing to compare")
    return [seconds for seconds in times if seconds is not None]
