"""One-time sign-in codes: single use, the latest only, short-lived, few wrong tries, few sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from portalcert.checks import PreconditionFailed, expect

from ..support import ANONYMOUS_CODES, LOGIN_CODE, TEMPORARY_PASSWORD
from .base import Notes, SecActor, flows, last_post, required, wire

# A code's form field is the one that carried the typed code.
WRONG_SUFFIX = "Q"
# Passwords typed to get a code unlike the earlier ones: one repeat in thousands, three in a row never.
DRAWS = 3


def ask_for_code(actor: SecActor, notes: Notes) -> None:
    """A registered user types their password and receives a sign-in code."""
    steps = flows(actor)
    steps.choose_user(actor)
    sign_in_again(actor, notes)


def sign_in_again(actor: SecActor, notes: Notes) -> None:
    """Type the password and note the code it sent. Codes are drawn at random from a finite set, so a
    new one may repeat an earlier one; "the previous code" then means nothing, so ask again."""
    steps = flows(actor)
    for _ in range(DRAWS):
        steps.sign_in(actor, "right")
        code = _code_sent(actor, "the user's password")
        if code not in notes.codes:
            notes.codes.append(code)
            return
    raise PreconditionFailed(f"the portal sent a code it had sent before, {DRAWS} times in a row")


def _note_code(actor: SecActor, notes: Notes, what: str) -> None:
    notes.codes.append(_code_sent(actor, what))


def _code_sent(actor: SecActor, what: str) -> str:
    """The code page reached and the code it sent, after `what` was typed."""
    steps = flows(actor)
    page = steps.pages.code
    if page is None or not actor.portal.is_on(page):
        raise PreconditionFailed(f"{what} did not lead to the sign-in code page")
    return required(steps.sent_code, LOGIN_CODE)(actor)


def _complete_sign_in(actor: SecActor, notes: Notes, which: str = "right") -> None:
    """Username and password, and the sign-in code where the document has a code step."""
    steps = flows(actor)
    steps.sign_in(actor, which)
    if steps.has_code_step:
        _note_code(actor, notes, f"the {which} password")
        type_code(actor, notes, "latest")
    if not actor.portal.is_on(steps.pages.private):
        raise PreconditionFailed(f"signing in with the {which} password did not open the private area")


def sign_in_fully(actor: SecActor, notes: Notes) -> None:
    flows(actor).choose_user(actor)
    _complete_sign_in(actor, notes)


def start_sign_in(actor: SecActor, notes: Notes) -> None:
    """The user one step away from the private area: past the password where a code follows, else on
    the login page; the cookies held then are noted (none at all: no session an attacker could fix)."""
    steps = flows(actor)
    steps.choose_user(actor)
    if steps.has_code_step:
        sign_in_again(actor, notes)
    else:
        actor.portal.open(steps.pages.login)
    notes.cookies = wire(actor).cookies()


def finish_sign_in(actor: SecActor, notes: Notes) -> None:
    steps = flows(actor)
    if steps.has_code_step:
        type_code(actor, notes, "latest")
    else:
        steps.sign_in(actor, "right")
    if not actor.portal.is_on(steps.pages.private):
        raise PreconditionFailed("the last step of signing in did not open the private area")


def sign_in_fully_with_temporary_password(actor: SecActor, notes: Notes) -> None:
    steps = flows(actor)
    required(steps.choose_user_with_temporary_password, TEMPORARY_PASSWORD)(actor)
    _complete_sign_in(actor, notes, "temporary")
    steps.sign_out(actor)


def open_private_area(actor: SecActor) -> None:
    actor.portal.open(flows(actor).pages.private)


def sign_in_and_out(actor: SecActor, notes: Notes) -> None:
    sign_in_fully(actor, notes)
    sign_out(actor)


def sign_in_after_a_wrong_password(actor: SecActor, notes: Notes) -> None:
    steps = flows(actor)
    steps.choose_user(actor)
    steps.sign_in(actor, "wrong")
    _complete_sign_in(actor, notes)


def sign_out(actor: SecActor) -> None:
    flows(actor).sign_out(actor)


def sign_out_and_in_again(actor: SecActor, notes: Notes) -> None:
    flows(actor).sign_out(actor)
    sign_in_again(actor, notes)


def type_code(actor: SecActor, notes: Notes, which: str) -> None:
    """Type the latest code received, or the one before it."""
    index = {"latest": -1, "previous": -2}[which]
    if len(notes.codes) < -index:
        raise PreconditionFailed(f"no {which} code was received in this scenario")
    _typer(actor)(actor, notes.codes[index])


def _typer(actor: SecActor) -> Callable[[Any, str], None]:
    return required(flows(actor).type_code, LOGIN_CODE)


def _wrong(code: str, index: int) -> str:
    return f"{code}{WRONG_SUFFIX}{index}"


def type_wrong_codes(actor: SecActor, notes: Notes, count: int) -> None:
    for index in range(count):
        _typer(actor)(actor, _wrong(notes.codes[-1], index))


def send_wrong_codes_together(actor: SecActor, notes: Notes, count: int) -> None:
    """One wrong code typed, then the same form sent `count - 1` times more at once, each with another
    wrong code: tries that arrive together must each count."""
    first = _wrong(notes.codes[-1], 0)
    _typer(actor)(actor, first)
    form = last_post(actor)
    field = next((name for name, value in form.form if value == first), None)
    if field is None:
        raise PreconditionFailed("the code form did not carry the typed code")
    forms = [form.replacing(field, _wrong(notes.codes[-1], index)) for index in range(1, count)]
    wire(actor).send_together(form.method, form.url, forms)


def let_minutes_pass(actor: SecActor, minutes: int) -> None:
    if actor.control is None:
        raise PreconditionFailed("the target has no clock control")
    actor.control.advance_clock(days=minutes / 1440)


def expect_code_refused(actor: SecActor) -> None:
    pages = flows(actor).pages
    expect(
        not actor.portal.is_on(pages.private),
        "the code refused: the private area stays closed",
        "the private area opened",
    )


def sign_in_repeatedly(actor: SecActor, count: int) -> None:
    steps = flows(actor)
    steps.choose_user(actor)
    for _ in range(count):
        steps.sign_in(actor, "right")


def sign_in_together(actor: SecActor, count: int) -> None:
    """The password typed once, then the same form sent `count - 1` times more at once."""
    steps = flows(actor)
    steps.choose_user(actor)
    steps.sign_in(actor, "right")
    form = last_post(actor)
    wire(actor).send_together(form.method, form.url, [form.form] * (count - 1))


def expect_at_most_codes(actor: SecActor, limit: int) -> None:
    sent = required(flows(actor).codes_sent, LOGIN_CODE)(actor)
    expect(sent <= limit, f"at most {limit} sign-in codes sent to the user's phone", f"{sent} arrived")


def send_codes_anonymously(actor: SecActor, count: int) -> None:
    """A visitor who is not signed in has the portal send the user's phone a code `count` times; the
    codes that arrived are read off the user's inbox, so the sign-in code that follows is told apart."""
    steps = flows(actor)
    required(steps.send_codes_anonymously, ANONYMOUS_CODES)(actor, count)
    required(steps.codes_sent, LOGIN_CODE)(actor)


def expect_a_code_received(actor: SecActor) -> None:
    steps = flows(actor)
    wanted = "the user asked for the sign-in code, and one reached their phone"
    with actor.portal.describing():  # a refusal counts when seen; not seeing one proves nothing
        refused = actor.portal.is_on(steps.pages.login)
        error = actor.portal.read(None, "error") if refused else ""
    if refused:
        expect(False, wanted, f"the login page again, error {error!r}")
    page = steps.pages.code
    asked = page is not None and actor.portal.arrives_on(page)
    expect(asked, wanted, f"another page ({actor.portal.engine.url})")
    sent = required(steps.codes_sent, LOGIN_CODE)(actor)
    expect(sent >= 1, wanted, "no code arrived")
