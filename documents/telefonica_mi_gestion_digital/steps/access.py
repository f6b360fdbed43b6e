"""Steps: temporary password, one-time code, forced change, "He olvidado mi contraseña" (MGD-14..17)."""

from behave import given, then, when
from behave.runner import Context

from documents.telefonica_mi_gestion_digital.tasks import access


@given("the interlocutor of the company with fixed and mobile lines has completed the registration")
def step_completed(context: Context) -> None:
    access.completed_registration(context.actor)


@given("{role:UserRole}")
def step_user(context: Context, role: str) -> None:
    access.choose_user(context.actor, role)


@when("the user signs out")
def step_sign_out(context: Context) -> None:
    access.sign_out(context.actor)


@when("the user signs in with {credential:Credential}")
def step_sign_in(context: Context, credential: str) -> None:
    access.sign_in(context.actor, credential)


@then("the user is asked where to receive the one-time code")
def step_channel_asked(context: Context) -> None:
    access.expect_channel_choice(context.actor)


@then("the sign-in is refused for wrong credentials")
def step_wrong_credentials(context: Context) -> None:
    access.expect_login_refused(context.actor, "credentials_wrong")


@when("the user chooses to receive the one-time code by {channel:Channel}")
def step_channel(context: Context, channel: str) -> None:
    access.choose_channel(context.actor, channel)


@then("the one-time code reaches the user's {destination:Destination}")
def step_login_code_at(context: Context, destination: str) -> None:
    access.expect_code_by(context.actor, destination)


@when("the user types a wrong one-time code")
def step_wrong_login_code(context: Context) -> None:
    access.type_login_code(context.actor, wrong=True)


@then("the sign-in refuses the code as wrong")
def step_login_code_refused(context: Context) -> None:
    access.expect_login_refused(context.actor, "code_wrong")


@when("the user signs in with the temporary password and the one-time code")
@given("the user has signed in with the temporary password and the one-time code")
def step_signed_in(context: Context) -> None:
    access.signed_in_with_code(context.actor)


@then("the user is asked to change the temporary password")
def step_change_asked(context: Context) -> None:
    access.expect_change_asked(context.actor)


@when("the user changes the temporary password for one of {length:d} characters {makeup:PasswordMakeup}")
def step_change(context: Context, length: int, makeup: str) -> None:
    access.change_password(context.actor, length, makeup)


@then("the new password is {outcome:PasswordOutcome}")
def step_change_outcome(context: Context, outcome: str) -> None:
    access.expect_change_outcome(context.actor, outcome)


@when('the user asks for a new password with "He olvidado mi contraseña", the code by {channel:Channel}')
def step_forgot(context: Context, channel: str) -> None:
    access.ask_new_password(context.actor, channel)


@then("the password code reaches the user's {destination:Destination}")
def step_forgot_code_at(context: Context, destination: str) -> None:
    access.expect_code_by(context.actor, destination)


@when("the user types the password code and a new password")
def step_forgot_code(context: Context) -> None:
    access.type_forgot_code(context.actor)


@when("the user types a wrong password code and a new password")
def step_forgot_wrong_code(context: Context) -> None:
    access.type_forgot_code(context.actor, wrong=True)


@then("the portal confirms the new password")
def step_new_password_confirmed(context: Context) -> None:
    access.expect_new_password_confirmed(context.actor)
