"""One-time sign-in codes: single use, the latest only, short-lived, few wrong tries, few sent."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect

from .base import Notes, SecActor, flows, last_post, wire

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
        if not actor.portal.is_on(steps.pages.code):
            raise PreconditionFailed("the user's password did not lead to the sign-in code page")
        code = steps.sent_code(actor)
        if code not in notes.codes:
            notes.codes.append(code)
            return
    raise PreconditionFailed(f"the portal sent a code it had sent before, {DRAWS} times in a row")


def sign_in_fully(actor: SecActor, notes: Notes) -> None:
    ask_for_code(actor, notes)
    type_code(actor, notes, "latest")
    if not actor.portal.is_on(flows(actor).pages.private):
        raise PreconditionFailed("the user's password and code did not open the private area")


def sign_in_fully_with_temporary_password(actor: SecActor, notes: Notes) -> None:
    steps = flows(actor)
    steps.choose_user_with_temporary_password(actor)
    steps.sign_in(actor, "temporary")
    if not actor.portal.is_on(steps.pages.code):
        raise PreconditionFailed("the temporary password did not lead to the sign-in code page")
    notes.codes.append(steps.sent_code(actor))
    type_code(actor, notes, "latest")
    if not actor.portal.is_on(steps.pages.private):
        raise PreconditionFailed("the temporary password and the code did not open the private area")
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
    sign_in_again(actor, notes)
    type_code(actor, notes, "latest")


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
    flows(actor).type_code(actor, notes.codes[index])


def _wrong(code: str, index: int) -> str:
    return f"{code}{WRONG_SUFFIX}{index}"


def type_wrong_codes(actor: SecActor, notes: Notes, count: int) -> None:
    for index in range(count):
        flows(actor).type_code(actor, _wrong(notes.codes[-1], index))


def send_wrong_codes_together(actor: SecActor, notes: Notes, count: int) -> None:
    """One wrong code typed, then the same form sent `count - 1` times more at once, each with another
    wrong code: tries that arrive together must each count."""
    first = _wrong(notes.codes[-1], 0)
    flows(actor).type_code(actor, first)
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
    sent = flows(actor).codes_sent(actor)
    expect(sent <= limit, f"at most {limit} sign-in codes sent to the user's phone", f"{sent} arrived")
