"""Password guessing, recovery that cannot lock a user out, and answers that do not tell who exists."""

from __future__ import annotations

import math
from fractions import Fraction
from statistics import median

from portalcert.checks import expect
from portalcert.engines.base import EngineError
from portalcert.engines.wire import Exchange

from ..support import PASSWORD_RECOVERY, REGISTRATION, TEMPORARY_PASSWORD
from .base import Notes, SecActor, flows, last_post, required, wire

# Timing: the two kinds of tries (a known and an unknown username) take turns, each round led by the
# other kind, so load that comes and goes falls on both alike. The answers tell the kinds apart when both
# - the slower kind's answers are slower in more than this share of the pairings of one answer of each
#   kind (21 of 25 with 5 tries each). Load on the machine mixes the answers of the two kinds; a portal
#   that spends more on one kind spends it on every try, and its answers stay apart however loaded;
# - and the slower kind's answers take longer by more than this share of their time, plus a fixed
#   allowance (the baseline's own bound: a portal's work may vary a little), at the fastest or in the
#   middle (median). The fastest is the closest to what the portal itself spends on an idle machine
#   (load only ever adds time); on a loaded one a single lucky quick answer moves it, the middle holds.
# More tries would not help: the portal throttles a username after a few wrong passwords (SEC-05), and
# a throttled answer skips the very check whose time is compared.
TIME_APART_SHARE = Fraction(4, 5)
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
    """Wrong passwords for the user and for an unknown username, in turns (each round led by the other
    kind, so neither always follows the other); each answer's time noted."""
    steps = flows(actor)
    kinds = [("the user", "unrelated"), ("an unknown username", "unknown user")]
    for round_ in range(rounds):
        for who, which in kinds if round_ % 2 == 0 else reversed(kinds):
            steps.sign_in(actor, which)
            notes.answers.setdefault(who, []).append(last_post(actor))


def expect_similar_times(actor: SecActor, notes: Notes) -> None:
    known = _timed(notes.answers["the user"])
    unknown = _timed(notes.answers["an unknown username"])
    pairings = len(known) * len(unknown)
    slow_kind, slow, fast, slower_in = _slower_kind(known, unknown)
    most = math.floor(TIME_APART_SHARE * pairings)
    gaps = {"at the fastest": (min(slow), min(fast)), "in the middle": (median(slow), median(fast))}
    wide = [where for where, (slower, faster) in gaps.items() if _too_far(slower, faster)]
    shown = ", ".join(
        f"{where} {one * 1000:.0f} ms against {other * 1000:.0f} ms" for where, (one, other) in gaps.items()
    )
    expect(
        slower_in <= TIME_APART_SHARE * pairings or not wide,
        f"the answers of the two kinds mixed (the slower kind slower in at most {most} of the {pairings}"
        " pairings of one answer of each), or within half the slower one (plus"
        f" {TIME_TOLERANCE_SECONDS * 1000:.0f} ms) of each other at the fastest and in the middle",
        f"{slow_kind} answers slower in {slower_in:g} of the {pairings} pairings, {shown}",
    )


def _slower_kind(known: list[float], unknown: list[float]) -> tuple[str, list[float], list[float], float]:
    """Whose answers are the slower in most pairings: (whose, their times, the others', in how many)."""
    known_slower_in = slower_pairings(known, unknown)
    if known_slower_in >= len(known) * len(unknown) / 2:
        return "the user's", known, unknown, known_slower_in
    return "an unknown username's", unknown, known, len(known) * len(unknown) - known_slower_in


def _too_far(slower: float, faster: float) -> bool:
    return slower - faster > TIME_TOLERANCE_SHARE * slower + TIME_TOLERANCE_SECONDS


def slower_pairings(slower: list[float], faster: list[float]) -> float:
    """In how many pairings of one time of each list the first is the larger (a tie counts half)."""
    return sum(1.0 if one > other else 0.5 if one == other else 0.0 for one in slower for other in faster)


def _timed(answers: list[Exchange]) -> list[float]:
    """The answers' times; an answer the engine could not time leaves the check without a measure."""
    times = [answer.seconds for answer in answers]
    if None in times:
        raise EngineError("the engine did not time the portal's answers: no timing to compare")
    return [seconds for seconds in times if seconds is not None]
