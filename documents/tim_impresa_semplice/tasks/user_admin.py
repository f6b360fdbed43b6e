"""Gestione Utenze: the Rappresentante Legale adds employees, associates them with lines, registers them."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect

from ..actor import TisActor as Actor
from ..testdata import Employee, LegalRepresentative
from . import access, messages
from .common import describe_current, expect_page, expect_refused, require_notice, require_page

PROFILE_PAGE, USER_ADMIN, ADD_USER, UPDATE_LINE = "profile", "user_admin", "add_user", "update_line"
# The guide's profile names -> the page map's option names of the profile field.
PROFILES = {"Amministratore Full": "full", "Amministratore Light": "light", "Utilizzatore": "user"}
PROFILE_NAMES = {option: name for name, option in PROFILES.items()}
ADD_ACTIONS = {"Aggiungi e Registra": "add_and_register", "Aggiungi Utente": "add_user"}


def signed_in(actor: Actor) -> None:
    """Given: the company's Rappresentante Legale in the Area Clienti."""
    actor.memory.legal_representative = actor.data.legal_representative()
    rl = actor.memory.legal_representative
    access.sign_in(actor, access.RL, rl.password)
    require_page(actor, access.PRIVATE_HOME, "sign in as the Rappresentante Legale")


def on_user_admin(actor: Actor) -> None:
    """Given: Gestione Utenze open at its own address (how it is reached from the menu is TIS-07's check)."""
    signed_in(actor)
    actor.portal.open(USER_ADMIN)
    require_page(actor, USER_ADMIN, "open Gestione Utenze")


def open_profile(actor: Actor) -> None:
    actor.portal.press(access.PRIVATE_HOME, "profile")


def expect_user_admin_offered(actor: Actor) -> None:
    expect_page(actor, PROFILE_PAGE)
    expect(
        actor.portal.offers(PROFILE_PAGE, "user_admin"),
        "Gestione Utenze offered in Visualizza PROFILO E DATI AZIENDA",
        "not offered on " + describe_current(actor),
    )


def open_user_admin_from_profile(actor: Actor) -> None:
    actor.portal.press(PROFILE_PAGE, "user_admin")


def expect_user_admin(actor: Actor) -> None:
    expect_page(actor, USER_ADMIN)


def _employee(actor: Actor, role: str) -> Employee:
    employee = actor.data.employee(role)
    actor.memory.employee = employee
    return employee


def add_employee(actor: Actor, profile: str, action: str, role: str = "employee") -> None:
    """Aggiungi: mobile, e-mail, the e-mail as username (as the guide advises), profile; then `action`."""
    employee = _employee(actor, role)
    actor.portal.press(USER_ADMIN, "add")
    require_page(actor, ADD_USER, "open Aggiungi")
    if employee.mobile:
        actor.portal.fill(ADD_USER, "mobile", employee.mobile)
    actor.portal.fill(ADD_USER, "email", employee.email)
    actor.portal.fill(ADD_USER, "username", employee.email)
    actor.portal.choose(ADD_USER, "profile", PROFILES[profile])
    actor.memory.profile = profile
    actor.portal.press(ADD_USER, ADD_ACTIONS[action])
    actor.data.consume(employee.id)  # its e-mail is a username now


def _user_row(actor: Actor, username: str) -> tuple[str, str] | None:
    """(profile, state) of the web user `username` as Gestione Utenze lists it."""
    names = actor.portal.read_all(USER_ADMIN, "user_usernames")
    profiles = actor.portal.read_all(USER_ADMIN, "user_profiles")
    states = actor.portal.read_all(USER_ADMIN, "user_states")
    for name, profile, state in zip(names, profiles, states, strict=False):
        if name.lower() == username.lower():
            return profile, state
    return None


def expect_listed(actor: Actor, *, profile: str = "", state: str = "") -> None:
    expect_page(actor, USER_ADMIN)
    username = access.account(actor, access.EMPLOYEE).username
    row = _user_row(actor, username)
    expect(row is not None, f'the employee "{username}" listed', "not among the web users listed")
    assert row is not None
    if profile:
        expect(row[0] == profile, f'"{username}" listed as {profile}', f"listed as {row[0]}")
    if state:
        expect(row[1] == state, f'"{username}" listed as "{state}"', f'listed as "{row[1]}"')


def register_saved_employee(actor: Actor) -> None:
    actor.portal.choose(USER_ADMIN, "user", access.account(actor, access.EMPLOYEE).username)
    actor.portal.press(USER_ADMIN, "register_user")


def resend_to_employee(actor: Actor) -> None:
    """The RL, back in Gestione Utenze, sends the employee's username e-mail again."""
    on_user_admin(actor)
    actor.portal.choose(USER_ADMIN, "user", access.account(actor, access.EMPLOYEE).username)
    actor.portal.press(USER_ADMIN, "resend")


def _lines(actor: Actor) -> dict[str, str]:
    numbers = actor.portal.read_all(USER_ADMIN, "line_numbers")
    states = actor.portal.read_all(USER_ADMIN, "line_states")
    return dict(zip(numbers, states, strict=False))


def expect_every_mobile_line(actor: Actor) -> None:
    rl = access_rl(actor)
    wanted = actor.data.mobile_lines(rl.company)
    listed = sorted(_lines(actor))
    expect(listed == wanted, f"the mobile lines {wanted}", f"{listed}")


def expect_line_state(actor: Actor, wanted: str) -> None:
    """A number no employee is associated with (the data set's `free_line`) shows `wanted`."""
    line = actor.data.line("free_line")
    state = _lines(actor).get(line.number)
    expect(state == wanted, f'{line.number} "{wanted}"', f'"{state}"' if state else "not listed")


def access_rl(actor: Actor) -> LegalRepresentative:
    rl = actor.memory.legal_representative
    if rl is None:
        raise PreconditionFailed("no Rappresentante Legale signed in")
    return rl


def update_referente_line(actor: Actor) -> None:
    line = actor.data.line("referente_line")
    actor.memory.line_number = line.number
    actor.portal.choose(USER_ADMIN, "line", line.number)
    actor.portal.press(USER_ADMIN, "update")


def expect_referente_prefilled(actor: Actor) -> None:
    line = actor.data.line("referente_line")
    assert line.referente is not None  # the data set's promise for this role (validate.py)
    expect_page(actor, UPDATE_LINE)
    email = actor.portal.read(UPDATE_LINE, "email") or ""
    username = actor.portal.read(UPDATE_LINE, "username") or ""
    profile = actor.portal.read(UPDATE_LINE, "profile") or ""
    wanted = line.referente
    expect(email == wanted.email, f'the e-mail "{wanted.email}"', f'"{email}"')
    expect(bool(username), "a username", "none")
    expect(
        profile == wanted.profile,
        f"the profile {PROFILE_NAMES.get(wanted.profile, wanted.profile)}",
        PROFILE_NAMES.get(profile, f'"{profile}"'),
    )


def associate_employee(actor: Actor, profile: str) -> None:
    """Aggiorna on a number to register: e-mail, the e-mail as username, profile; confirm."""
    line = actor.data.line("free_line")
    employee = _employee(actor, "employee")
    actor.memory.line_number = line.number
    actor.portal.choose(USER_ADMIN, "line", line.number)
    actor.portal.press(USER_ADMIN, "update")
    require_page(actor, UPDATE_LINE, "choose Aggiorna on a number to register")
    actor.portal.fill(UPDATE_LINE, "email", employee.email)
    actor.portal.fill(UPDATE_LINE, "username", employee.email)
    actor.portal.choose(UPDATE_LINE, "profile", PROFILES[profile])
    actor.portal.press(UPDATE_LINE, "confirm")
    actor.data.consume(employee.id)
    actor.data.consume(line.id)
    # The employee's mobile is the line's number from now on.
    actor.memory.employee = Employee(
        employee.id, employee.first_name, employee.last_name, employee.email, line.number
    )


def register_line(actor: Actor) -> None:
    require_page(actor, USER_ADMIN, "come back to Gestione Utenze after Aggiorna")
    actor.portal.choose(USER_ADMIN, "line", actor.memory.line_number)
    actor.portal.press(USER_ADMIN, "register_line")


# --- employees, seen from their side -------------------------------------------------------------------


def employee_registered(actor: Actor, profile: str, role: str = "employee") -> None:
    """Given: the RL registered an employee with Aggiungi e Registra; the username e-mail arrived."""
    on_user_admin(actor)
    add_employee(actor, profile, "Aggiungi e Registra", role)
    require_notice(actor, USER_ADMIN, "register the employee with Aggiungi e Registra")
    email = access.account(actor, access.EMPLOYEE).email
    message = messages.next_message(actor, "email", email)
    if message is None:
        raise PreconditionFailed(f"the username e-mail never reached {email}")
    access.remember_username_email(actor, message, access.EMPLOYEE)
    access.sign_out(actor)


def employee_saved(actor: Actor) -> None:
    """Given: the RL saved an employee with Aggiungi Utente, and signed out."""
    on_user_admin(actor)
    add_employee(actor, "Utilizzatore", "Aggiungi Utente")
    require_notice(actor, USER_ADMIN, "save the employee with Aggiungi Utente")
    access.sign_out(actor)


def expect_no_email_to_employee(actor: Actor) -> None:
    messages.expect_nothing(actor, access.account(actor, access.EMPLOYEE).email)


def expect_told_to_ask_rl(actor: Actor) -> None:
    expect_refused(actor, access.RESEND, "not_registered")
