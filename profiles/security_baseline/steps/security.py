"""Steps of the security baseline: one line each, calling a task with the scenario's notes."""

from behave import given, then, when
from behave.runner import Context

from profiles.security_baseline.tasks import codes, passwords, web
from profiles.security_baseline.tasks.base import Notes


def notes(context: Context) -> Notes:
    """What this scenario noted so far (behave drops it when the scenario ends)."""
    if not hasattr(context, "security_notes"):
        context.security_notes = Notes()
    found: Notes = context.security_notes
    return found


# --- one-time codes ----------------------------------------------------------------------------


@given("a user who typed their password and received a sign-in code")
def step_asked_for_code(context: Context) -> None:
    codes.ask_for_code(context.actor, notes(context))


@given("a user who signed in with their password and a sign-in code")
def step_signed_in_with_code(context: Context) -> None:
    codes.sign_in_fully(context.actor, notes(context))


@given("a user who signed in")
def step_signed_in(context: Context) -> None:
    codes.sign_in_fully(context.actor, notes(context))


@given("a user one step away from signing in")
def step_about_to_sign_in(context: Context) -> None:
    codes.start_sign_in(context.actor, notes(context))


@when("the user completes the sign-in")
def step_complete_sign_in(context: Context) -> None:
    codes.finish_sign_in(context.actor, notes(context))


@given("a user who signed in and signed out")
def step_signed_in_and_out(context: Context) -> None:
    codes.sign_in_and_out(context.actor, notes(context))


@when("the user signs out and types their password again")
def step_sign_out_and_in(context: Context) -> None:
    codes.sign_out_and_in_again(context.actor, notes(context))


@when("the user types their password again")
def step_password_again(context: Context) -> None:
    codes.sign_in_again(context.actor, notes(context))


@when("the user types the {which:w} code")
def step_type_code(context: Context, which: str) -> None:
    codes.type_code(context.actor, notes(context), which)


@when("the user types {count:d} wrong codes")
def step_wrong_codes(context: Context, count: int) -> None:
    codes.type_wrong_codes(context.actor, notes(context), count)


@when("{count:d} wrong codes are sent at the same time")
def step_wrong_codes_together(context: Context, count: int) -> None:
    codes.send_wrong_codes_together(context.actor, notes(context), count)


@when("{minutes:d} minutes pass")
def step_minutes_pass(context: Context, minutes: int) -> None:
    codes.let_minutes_pass(context.actor, minutes)


@then("the code does not open the private area")
def step_code_refused(context: Context) -> None:
    codes.expect_code_refused(context.actor)


@when("a user types their password {count:d} times")
def step_sign_in_repeatedly(context: Context, count: int) -> None:
    codes.sign_in_repeatedly(context.actor, count)


@when("a user's password is sent {count:d} times at the same time")
def step_sign_in_together(context: Context, count: int) -> None:
    codes.sign_in_together(context.actor, count)


@then("at most {limit:d} sign-in codes reach the user's phone")
def step_at_most_codes(context: Context, limit: int) -> None:
    codes.expect_at_most_codes(context.actor, limit)


@when("a visitor who is not signed in has a code sent to the user's phone {count:d} times")
def step_anonymous_codes(context: Context, count: int) -> None:
    codes.send_codes_anonymously(context.actor, count)


@then("the user receives a sign-in code")
def step_receives_code(context: Context) -> None:
    codes.expect_a_code_received(context.actor)


# --- passwords and enumeration -----------------------------------------------------------------


@given("a registered user")
def step_registered_user(context: Context) -> None:
    passwords.choose_user(context.actor)


@when("{count:d} wrong passwords are typed for the user")
def step_wrong_passwords(context: Context, count: int) -> None:
    passwords.try_wrong_passwords(context.actor, count)


@when("{count:d} wrong passwords for the user are sent at the same time")
def step_wrong_passwords_together(context: Context, count: int) -> None:
    passwords.send_wrong_passwords_together(context.actor, count)


@when("the user types their password")
def step_sign_in(context: Context) -> None:
    passwords.sign_in(context.actor)


@then("the password is not accepted at once")
def step_held_back(context: Context) -> None:
    passwords.expect_held_back(context.actor)


@then("the user's password is still accepted")
def step_password_still_accepted(context: Context) -> None:
    passwords.expect_password_accepted(context.actor)


@when("someone asks for a new password for the user")
def step_recover(context: Context) -> None:
    passwords.ask_for_new_password(context.actor)


@when("a wrong password is typed for {who}")
def step_wrong_password_for(context: Context, who: str) -> None:
    passwords.sign_in_as(context.actor, notes(context), who)


@when("a new password is asked for {who} with data that do not match")
def step_recover_for(context: Context, who: str) -> None:
    passwords.recover_for(context.actor, notes(context), who)


@when("a visitor starts a registration with {identifier}")
def step_register_with(context: Context, identifier: str) -> None:
    passwords.register_with(context.actor, notes(context), identifier)


@then("both are answered the same")
def step_same_answers(context: Context) -> None:
    passwords.expect_same_answers(context.actor, notes(context))


@when("wrong passwords are typed {rounds:d} times each for the user and for an unknown username")
def step_time_passwords(context: Context, rounds: int) -> None:
    passwords.time_wrong_passwords(context.actor, notes(context), rounds)


@then("the fastest answer times differ by at most half the slower one plus {allowance:d} ms")
def step_similar_times(context: Context, allowance: int) -> None:
    passwords.expect_similar_times(context.actor, notes(context), allowance / 1000)


# --- sessions, forms, headers, secrets ----------------------------------------------------------


@given("the session cookies are noted")
def step_note_cookies(context: Context) -> None:
    web.note_cookies(context.actor, notes(context))


@when("the session cookies are noted")
def step_note_cookies_when(context: Context) -> None:
    web.note_cookies(context.actor, notes(context))


@given("the cookies that keep the user signed in are noted")
def step_note_session_cookies(context: Context) -> None:
    web.note_signed_in_cookies(context.actor, notes(context))


@when("the user changes their password")
def step_change_password(context: Context) -> None:
    web.change_password(context.actor)


@then("the portal gave the user a new session id")
def step_new_session(context: Context) -> None:
    web.expect_new_session_cookies(context.actor, notes(context))


@when("the user signs out")
def step_sign_out(context: Context) -> None:
    codes.sign_out(context.actor)


@when("the noted cookies are used to open the private area")
def step_old_cookies(context: Context) -> None:
    web.open_private_area_with_old_cookies(context.actor, notes(context))


@then("the private area does not open")
def step_private_closed(context: Context) -> None:
    web.expect_private_area_closed(context.actor)


@then("every cookie the portal set is HttpOnly and SameSite, and Secure over HTTPS")
def step_cookie_flags(context: Context) -> None:
    web.expect_cookie_flags(context.actor)


@when("every form the user sent is sent again without its anti-forgery token")
def step_replay_without_token(context: Context) -> None:
    web.replay_forms_without_token(context.actor, notes(context))


@then("the portal refuses each of them")
def step_replays_refused(context: Context) -> None:
    web.expect_replays_refused(context.actor, notes(context))


@then("every page carried the security headers")
def step_security_headers(context: Context) -> None:
    web.expect_security_headers(context.actor)


@given("a user who typed a wrong password, then signed in")
def step_wrong_then_signed_in(context: Context) -> None:
    codes.sign_in_after_a_wrong_password(context.actor, notes(context))


@then("no password or code appeared in an address or a page")
def step_no_secret(context: Context) -> None:
    web.expect_no_secret_exposed(context.actor, notes(context))


# --- temporary passwords, idle sessions --------------------------------------------------------


@given("a user who was sent a temporary password")
def step_temporary_user(context: Context) -> None:
    passwords.choose_user_with_temporary_password(context.actor)


@given("a user who signed in with a temporary password and signed out")
def step_used_temporary(context: Context) -> None:
    codes.sign_in_fully_with_temporary_password(context.actor, notes(context))


@when("{days:d} days pass since the temporary password was sent")
def step_days_pass(context: Context, days: int) -> None:
    passwords.let_days_pass(context.actor, days)


@when("the user types the temporary password")
def step_temporary_password(context: Context) -> None:
    passwords.sign_in_with_temporary_password(context.actor)


@then("the password is not accepted")
def step_password_refused(context: Context) -> None:
    passwords.expect_password_refused(context.actor)


@when("the user opens the private area")
def step_open_private(context: Context) -> None:
    codes.open_private_area(context.actor)
