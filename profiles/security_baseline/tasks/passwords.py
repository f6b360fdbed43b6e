"""Password guessing, recovery that cannot lock a user out, and answers that do not tell who exists."""

from __future__ import annotations

from portalcert.checks import expect
from portalcert.engines.base import EngineError
from portalcert.engines.wire import Exchange

from ..support import PASSWORD_RECOVERY, REGISTRATION, TEMPORARY_PASSWORD
from .base import Notes, SecActor, flows, last_post, required, wire

# Timing: the fastest answers of the two kinds of tries, taken in turns, may differ by at most this share
# of the slower one, plus the allowance the scenario states. The fastest, because a busy machine or
# network only ever adds time: the quickest of several tries is the closest to what the portal itself
# spends (a median moves with the load). The allowance absorbs what load still adds to a cheap hash
# (a 20 ms check measured 9 to 39 ms on a busy 2-CPU machine); a portal that skips the password check for
# unknown usernames saves a whole production hash (scrypt: 150 ms and more), far past it.
TIME_TOLERANCE_SHARE = 1 / 2


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


def _past_the_password(actor: SecActor) -> bool:
    """On the code page (where the document has one) or in the private area: the password accepted."""
    pages = flows(actor).pages
    on_code_page = pages.code is not None and actor.portal.is_on(pages.code)
    return on_code_page or actor.portal.is_on(pages.private)


def expect_held_back(actor: SecActor) -> None:
    expect(
        not _past_the_password(actor),
        "the right password held back after the guesses",
        "it was accepted at once",
    )


def choose_user_with_temporary_password(actor: SecActor) -> None:
    required(flows(actor).choose_user_with_temporary_password, TEMPORARY_PASSWORD)(actor)


def sign_in_with_temporary_password(actor: SecActor) -> None:
    flows(actor).sign_in(actor, "temporary")


def let_days_pass(actor: SecActor, days: int) -> None:
    required(flows(actor).let_days_pass, TEMPORARY_PASSWORD)(actor, days)


def expect_password_refused(actor: SecActor) -> None:
    expect(
        not _past_the_password(actor),
        "the password refused",
        f"it was accepted ({actor.portal.engine.url})",
    )


def expect_password_accepted(actor: SecActor) -> None:
    pages = flows(actor).pages
    page = pages.code or pages.private  # the page the right password leads to
    expect(
        actor.portal.arrives_on(page),
        f"the user's password still accepted (the {page} page)",
        f"another page ({actor.portal.engine.url})",
    )


def ask_for_new_password(actor: SecActor) -> None:
    required(flows(actor).recover_password, PASSWORD_RECOVERY)(actor, "own data")


def note_answer(actor: SecActor, notes: Notes, name: str, typed: str = "") -> None:
    """What the portal answered the last form: the page and the error it shows (read, not judged), the
    `typed` identifier it may repeat replaced (repeating what was typed tells nothing)."""
    with actor.portal.describing():
        page = actor.portal.current_page() or actor.portal.engine.url
        error = actor.portal.read(None, "error") or ""
    if typed:
        error = error.replace(typed, "<identifier>")
    notes.said[name] = f"page {page}, error {error!r}"


# Whose account a try names, by the step's words: the user's ("known") or none ("unknown").
KNOWN, UNKNOWN = "known", "unknown"
WHO = {
    "the user": KNOWN,
    "an unknown username": UNKNOWN,
    "the user's identifier": KNOWN,
    "an identifier no account has": UNKNOWN,
}


def sign_in_as(actor: SecActor, notes: Notes, who: str) -> None:
    flows(actor).sign_in(actor, "wrong" if WHO[who] == KNOWN else "unknown user")
    note_answer(actor, notes, WHO[who])


def recover_for(actor: SecActor, notes: Notes, who: str) -> None:
    recover = required(flows(actor).recover_password, PASSWORD_RECOVERY)
    recover(actor, "wrong data" if WHO[who] == KNOWN else "unknown username")
    note_answer(actor, notes, WHO[who])


def register_with(actor: SecActor, notes: Notes, identifier: str) -> None:
    """A visitor starts a registration with the identifier, up to the portal's first answer about it."""
    typed = required(flows(actor).register, REGISTRATION)(actor, WHO[identifier])
    note_answer(actor, notes, WHO[identifier], typed)


def expect_same_answers(actor: SecActor, notes: Notes) -> None:
    known, unknown = notes.said.get(KNOWN), notes.said.get(UNKNOWN)
    expect(
        known == unknown,
        "the same answer for the user's account and for none",
        f"for the user's: {known}; for none: {unknown}",
    )


def time_wrong_passwords(actor: SecActor, notes: Notes, rounds: int) -> None:
    """Wrong passwords for the user and for an unknown username, in turns; each answer's time noted."""
    steps = flows(actor)
    for _ in range(rounds):
        for who, which in (("the user", "unrelated"), ("an unknown username", "unknown user")):
            steps.sign_in(actor, which)
            notes.answers.setdefault(who, []).append(last_post(actor))


def expect_similar_times(actor: SecActor, notes: Notes, allowance_seconds: float) -> None:
    known = min(_timed(notes.answers["the user"]))
    unknown = min(_timed(notes.answers["an unknown username"]))
    allowed = TIME_TOLERANCE_SHARE * max(known, unknown) + allowance_seconds
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
