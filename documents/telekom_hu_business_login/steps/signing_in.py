"""Steps: signing in with a business user, passwords, SMS codes and the Telekom fiók prompt (MTH-05..10)."""

from behave import given, then, when
from behave.runner import Context

from documents.telekom_hu_business_login.tasks import recovery, signing_in


@given("{user:User}")
def step_user(context: Context, user: str) -> None:
    signing_in.choose_user(context.actor, user)


@given("the user is signed in with the temporary password")
def step_signed_in_temporary(context: Context) -> None:
    signing_in.ensure_signed_in_temporary(context.actor)


@when("the user types their username and presses Tovább")
def step_type_username(context: Context) -> None:
    signing_in.type_username(context.actor)


@when("the user types their password and presses Tovább")
def step_type_password(context: Context) -> None:
    signing_in.type_password(context.actor, "their")


@when("the user signs in with {credential:Credential}")
def step_sign_in(context: Context, credential: str) -> None:
    signing_in.sign_in(context.actor, credential)


@when("the user types the login code")
def step_login_code(context: Context) -> None:
    signing_in.type_login_code(context.actor)


@when("the user types a wrong login code")
def step_wrong_login_code(context: Context) -> None:
    signing_in.type_login_code(context.actor, wrong=True)


@when("the user types the first login code")
def step_first_login_code(context: Context) -> None:
    signing_in.type_login_code(context.actor, first=True)


@when("the user says the SMS did not arrive")
def step_sms_not_received(context: Context) -> None:
    signing_in.say_sms_not_received(context.actor)


@when("the user changes the temporary password")
def step_change_password(context: Context) -> None:
    signing_in.change_temporary_password(context.actor)


@when("the user signs out")
def step_sign_out(context: Context) -> None:
    signing_in.sign_out(context.actor)


@when('the user asks for a one-time code by {channel:Channel} with "Nem tudom a jelszavam"')
def step_ask_reset(context: Context, channel: str) -> None:
    recovery.ask_reset_code(context.actor, channel)


@when("the user types the one-time code and a new password")
def step_reset(context: Context) -> None:
    recovery.type_reset_code(context.actor)


@when("the user types a wrong one-time code and a new password")
def step_reset_wrong(context: Context) -> None:
    recovery.type_reset_code(context.actor, wrong=True)


@when("the user declines the Telekom fiók offer")
def step_decline(context: Context) -> None:
    recovery.decline_offer(context.actor)


@then("the portal asks for the password of that username, with a Tovább button")
def step_password_asked(context: Context) -> None:
    signing_in.expect_password_asked(context.actor)


@then("the portal asks for the code sent by SMS")
def step_code_asked(context: Context) -> None:
    signing_in.expect_code_asked(context.actor)


@then("the user reaches the self-service")
def step_self_service(context: Context) -> None:
    signing_in.expect_self_service(context.actor)


@then("the user is refused for wrong credentials")
def step_refused_credentials(context: Context) -> None:
    signing_in.expect_login_refused(context.actor, "credentials_wrong")


@then("the user is refused for a wrong code")
def step_refused_code(context: Context) -> None:
    signing_in.expect_login_refused(context.actor, "code_wrong")


@then("a new SMS with a login code reaches the user's mobile")
def step_new_sms(context: Context) -> None:
    signing_in.expect_new_sms(context.actor)


@then("the portal requires a new password before anything else")
def step_change_required(context: Context) -> None:
    signing_in.expect_password_change_required(context.actor)


@then("the change is confirmed")
def step_change_confirmed(context: Context) -> None:
    signing_in.expect_change_confirmed(context.actor)


@then('"Nem tudom a jelszavam" is offered beside the password field')
def step_forgotten_beside(context: Context) -> None:
    recovery.expect_forgotten_link_beside_password(context.actor)


@then("a one-time code reaches the user's {channel:Channel}")
def step_reset_code(context: Context, channel: str) -> None:
    recovery.expect_reset_code(context.actor, channel)


@then("the portal confirms the new password")
def step_new_password(context: Context) -> None:
    recovery.expect_new_password_confirmed(context.actor)


@then("the new password is refused for a wrong code")
def step_reset_refused(context: Context) -> None:
    recovery.expect_reset_refused(context.actor)


@then("the portal offers to {offer:Offer}")
def step_offer(context: Context, offer: str) -> None:
    recovery.expect_offer(context.actor, offer)
