"""Registration, steps 1 to 4."""

from __future__ import annotations

import secrets
import string
from enum import Enum

from portalcert.checks import PreconditionFailed, expect

from ..actor import Cm6Actor as Actor
from ..testdata import User
from . import messages, signing_in
from .common import describe_current, expect_page, require_page

STEP1, STEP2, OTP, STEP3 = (
    "registration_step1",
    "registration_step2",
    "registration_otp",
    "registration_step3",
)
SUCCESS, FAILURE = "registration_success", "registration_failure"

DEFAULT_ENTITY, DEFAULT_SIM, REGISTRANT = "entity", "active_sim", "registrant"
DEFAULT_USERNAME = "portalcert01"
# SIMs nobody registered: a completed registration binds one to its new user for good.
FREE_SIM_ROLES = ("active_sim", "declared_sim")


class Point(Enum):
    """Where a Given leaves the visitor in the registration."""

    STEP1 = "step 1"
    STEP2 = "step 2"
    OTP = "step 2 with the SMS code sent"
    STEP3 = "step 3"
    STEP4 = "step 4"


class Spoiler(Enum):
    """Ways step 1 input can be made wrong on purpose."""

    NONE = ""
    WRONG_CHECK_DIGIT = "with a wrong check digit"
    WRONG_CAPTCHA = "with a wrong graphic code"
    NO_CAPTCHA = "without the graphic code"


class CodeVariant(Enum):
    EXACT = "exactly as received"
    NO_SPACE = "without its space"
    WRONG_WORD = "with a wrong word"


# Expected state: page, and whether an error must (True) / must not (False) be shown, or which kind
# of refusal must be (a page-map `errors` kind: another refusal does not count).
STATES: dict[str, tuple[str, bool | str | None]] = {
    "is at step 1": (STEP1, None),
    "moves on to step 2": (STEP2, False),
    "asks for the SMS code": (OTP, False),
    "rejects the code": (OTP, "code_wrong"),
    "moves on to step 3": (STEP3, False),
    "completes successfully": (SUCCESS, False),
    "ends with a negative outcome": (FAILURE, None),
}


def expect_state(actor: Actor, state: str) -> None:
    page, error = STATES[state]
    expect_page(actor, page, error=error)


def _alter_check_digit(identifier: str) -> str:
    last = identifier[-1]
    wrong = str((int(last) + 1) % 10) if last.isdigit() else ("A" if last != "A" else "B")
    return identifier[:-1] + wrong


def _wrong_captcha(actor: Actor) -> str:
    """A random answer that is neither the test bypass value nor any real (short) captcha."""
    wrong = "zz" + secrets.token_hex(4)
    return wrong if wrong != actor.captcha_test_value else wrong + "z"


def identify(actor: Actor, entity_role: str, kind: str, spoiler: Spoiler = Spoiler.NONE) -> None:
    """Step 1: choose the identifier kind, type the identifier and the graphic code, PROSEGUI."""
    by_vat = kind == "vat_number"
    # A public body may have no partita IVA: the pool member leased here must have one.
    entity = actor.data.entity(entity_role, with_partita_iva=by_vat)
    identifier = (entity.partita_iva or "") if by_vat else entity.codice_fiscale  # "": never, see above
    if spoiler is Spoiler.WRONG_CHECK_DIGIT:
        identifier = _alter_check_digit(identifier)
    captcha = {Spoiler.WRONG_CAPTCHA: _wrong_captcha(actor), Spoiler.NO_CAPTCHA: ""}.get(
        spoiler, actor.captcha_test_value
    )
    submit_step1(actor, kind, identifier, captcha)


def identify_with_personal_code(actor: Actor) -> None:
    person = actor.data.person(REGISTRANT)
    submit_step1(actor, "entity_fiscal_code", person.personal_fiscal_code, actor.captcha_test_value)


def submit_step1(actor: Actor, kind: str, identifier: str, captcha: str) -> None:
    portal = actor.portal
    portal.choose(STEP1, "identifier_kind", kind)
    portal.fill(STEP1, "identifier", identifier)
    portal.fill(STEP1, "captcha", captcha)
    portal.press(STEP1, "continue")


def personal_data(
    actor: Actor, sim_role: str = DEFAULT_SIM, *, omit: str = "", override: tuple[str, str] | None = None
) -> None:
    """Step 2: type the registrant's data and a business number, PROSEGUI."""
    person = actor.data.person(REGISTRANT)
    sim = actor.data.sim(sim_role)
    values = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "contact_mobile": person.contact_mobile,
        "personal_fiscal_code": person.personal_fiscal_code,
        "email": person.email,
        "business_mobile": sim.number,
    }
    if omit:
        values[omit] = ""
    if override:
        values[override[0]] = override[1]
    for name, value in values.items():
        actor.portal.fill(STEP2, name, value)
    actor.memory.person = person
    actor.memory.business_mobile = values["business_mobile"]
    actor.memory.business_sim = sim.id if sim_role in FREE_SIM_ROLES else ""
    actor.portal.press(STEP2, "continue")


def registration_code(actor: Actor) -> str:
    """The code from the registration SMS (read now unless a check already read it)."""
    message = actor.memory.sms or messages.received_sms(actor, actor.memory.business_mobile)
    return messages.code_from(actor, "registration_otp", message)


def type_code(actor: Actor, variant: CodeVariant = CodeVariant.EXACT) -> None:
    code = registration_code(actor)
    if variant is CodeVariant.NO_SPACE:
        code = code.replace(" ", "")
    elif variant is CodeVariant.WRONG_WORD:
        first = code.split(" ")[0]
        code = f"{first} {'ZZZQ' if not code.endswith('ZZZQ') else 'QQQZ'}"
    actor.portal.fill(OTP, "otp", code)
    actor.portal.press(OTP, "continue")


def fresh_username(shape: str) -> str:
    """A username nobody has yet, of the same shape as `shape`: each ASCII letter or digit replaced by
    a random one of its kind, anything else (an underscore, an accented letter) kept. What CM6-17
    judges (length, kinds of character) stays the same, and a portal without reset never sees the
    same username twice, in this run or the next."""

    def fresh(char: str) -> str:
        for kind in (string.digits, string.ascii_lowercase, string.ascii_uppercase):
            if char in kind:
                return secrets.choice(kind)
        return char

    return "".join(fresh(char) for char in shape)


def choose_username(actor: Actor, username: str) -> None:
    """Step 3: a fresh username shaped like `username`, PROSEGUI."""
    chosen = fresh_username(username)
    actor.memory.username = chosen
    actor.portal.fill(STEP3, "username", chosen)
    actor.portal.press(STEP3, "continue")
    _consume_registration(actor)


def _consume_registration(actor: Actor) -> None:
    """Unless the portal visibly kept the registration at step 3, it may have made a user: its SIM and
    its registrant are used up. CM6 ties a user to the line (CM6-21 refuses a second user on it); it
    says nothing of one person holding two users, so a portal may refuse that too, and the registrant
    is not registered twice either."""
    with actor.portal.describing():  # bookkeeping: no check relies on what this look does not find
        if actor.portal.is_on(STEP3):
            return
    if actor.memory.business_sim:
        actor.data.consume(actor.memory.business_sim)
    if actor.memory.person is not None:
        actor.data.consume(actor.memory.person.id)


def reach(actor: Actor, point: Point, sim_role: str = DEFAULT_SIM) -> None:
    """Given: walk the registration to `point` the way a registrant would, on the happy path."""
    actor.portal.open(STEP1)
    require_page(actor, STEP1, "open registration step 1")
    if point is Point.STEP1:
        return
    identify(actor, DEFAULT_ENTITY, "entity_fiscal_code")
    require_page(actor, STEP2, "pass registration step 1")
    if point is Point.STEP2:
        return
    personal_data(actor, sim_role)
    require_page(actor, OTP, "send the personal data of step 2")
    if point is Point.OTP:
        return
    type_code(actor)
    require_page(actor, STEP3, "confirm the SMS code of step 2")
    if point is Point.STEP3:
        return
    choose_username(actor, DEFAULT_USERNAME)
    require_page(actor, SUCCESS, "complete the registration")


def follow_entry_point(actor: Actor, entry: str) -> None:
    """'register_now' on the public home, or the top menu's 'menu_register'."""
    actor.portal.press("public_home" if entry == "register_now" else None, entry)


def expect_title(actor: Actor, title: str) -> None:
    shown = actor.portal.read(None, "page_title") or ""
    expect(title in shown, f'a page title with "{title}"', f'"{shown}"')


def expect_progress(actor: Actor, names: list[str]) -> None:
    shown = actor.portal.read_all(None, "progress_steps")
    expect(shown == names, f"progress steps {names}", f"{shown}")


def expect_current_step(actor: Actor, name: str) -> None:
    shown = actor.portal.read(None, "progress_current")
    expect(
        shown == name, f'"{name}" marked as the current step', f'"{shown}"' if shown else "no current step"
    )


def expect_print_offered(actor: Actor) -> None:
    expect(
        actor.portal.offers(STEP3, "print"), "a STAMPA (print) action", "none on " + describe_current(actor)
    )


def cancel(actor: Actor) -> None:
    actor.portal.press(actor.portal.current_page(), "cancel")


def start_new_registration(actor: Actor) -> None:
    actor.portal.open(STEP1)


def expect_retry_offered(actor: Actor) -> None:
    expect(actor.portal.offers(FAILURE, "retry"), "a RIPROVA action", "none on " + describe_current(actor))


def retry(actor: Actor) -> None:
    actor.portal.press(FAILURE, "retry")


def expect_reason(actor: Actor, kind: str) -> None:
    """The negative outcome names this reason (a page-map `errors` kind), not just any."""
    reason = actor.portal.read(FAILURE, "reason")
    wanted = f'the "{kind}" reason for the negative outcome'
    expect(bool(reason), wanted, "no reason shown")  # an empty reason is seen, not inferred
    expect(actor.portal.shows_error(FAILURE, kind), wanted, f'the reason "{reason}"')


def expect_registration_sms(actor: Actor, sender: str) -> None:
    message = messages.received_sms(actor, actor.memory.business_mobile)
    expect(message.sender == sender, f'an SMS from "{sender}"', f'an SMS from "{message.sender}"')


def expect_two_word_code(actor: Actor) -> None:
    code = registration_code(actor)
    words = code.split(" ")
    expect(
        len(words) == 2 and all(words),
        "a code of two words separated by one space",
        f'"{code}"',
    )


def expect_confirmation_email(actor: Actor, sender: str, subject: str) -> None:
    person = actor.memory.person or actor.data.person(REGISTRANT)
    message = messages.received_email(actor, person.email)
    expect(
        message.sender == sender and message.subject == subject,
        f'an e-mail from "{sender}" with subject "{subject}"',
        f'from "{message.sender}" with subject "{message.subject}"',
    )


def expect_email_says(actor: Actor, phrase: str) -> None:
    message = actor.memory.email
    expect(
        message is not None and phrase in message.body,
        f'an e-mail saying "{phrase}"',
        f'"{message.body}"' if message else "no e-mail",
    )


def expect_temporary_password(actor: Actor) -> None:
    if actor.memory.email is None:
        raise PreconditionFailed("no e-mail was read before looking for the temporary password")
    actor.memory.temporary_password = messages.code_from(actor, "temporary_password", actor.memory.email)


def actor_opens_public_area(actor: Actor) -> None:
    actor.portal.open("public_home")
    require_page(actor, "public_home", "open the public area")


def registrant_signs_in(actor: Actor) -> None:
    """Sign in to the new account: the chosen username and the e-mailed temporary password."""
    person = actor.memory.person or actor.data.person(REGISTRANT)
    actor.memory.user = User(
        "registrant",
        actor.memory.username,
        actor.memory.temporary_password,
        person,
        actor.memory.business_mobile,
    )
    actor.memory.sms = None  # the registration SMS is not the login code
    signing_in.sign_in_as_user(actor, "temporary")
