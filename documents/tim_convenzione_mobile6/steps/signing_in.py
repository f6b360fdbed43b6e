"""Steps: signing in, password change, recovery, Convenzione 5 users (CM6-22..29)."""

from behave import given, then, when
from behave.runner import Context

from documents.tim_convenzione_mobile6.tasks import common, recovery, signing_in


@given("{user:User}")
def step_user(context: Context, user: str) -> None:
    signing_in.choose_user(context.actor, user)


@given("{days:d} days have passed")
def step_days_pass(context: Context, days: int) -> None:
    signing_in.advance_clock(context.actor, days)


@given("the user is signed in with the temporary password")
def step_signed_in_temporary(context: Context) -> None:
    signing_in.ensure_signed_in(context.actor, "temporary")


@when("the user signs in with {credential:Credential}")
def step_sign_in(context: Context, credential: str) -> None:
    signing_in.sign_in_as_user(context.actor, credential)


@when("the user types the login code")
def step_login_code(context: Context) -> None:
    signing_in.type_login_code(context.actor)


@when("the user types a wrong login code")
def step_wrong_login_code(context: Context) -> None:
    signing_in.type_login_code(context.actor, wrong=True)


@when("the user changes the password in Gestione Amministrativa, Aggiorna i tuoi dati, Dati personali")
def step_change_password(context: Context) -> None:
    signing_in.change_password(context.actor)


@when("the user signs out")
def step_sign_out(context: Context) -> None:
    signing_in.sign_out(context.actor)


@when("the user asks to recover the {what:Recoverable} with their registration data")
def step_recover(context: Context, what: str) -> None:
    recovery.recover(context.actor, what)


@when("the user asks to recover the {what:Recoverable} with a personal codice fiscale that is not theirs")
def step_recover_wrong(context: Context, what: str) -> None:
    recovery.recover(context.actor, what, own_data=False)


@then("the user {access:Access}")
def step_access(context: Context, access: str) -> None:
    signing_in.expect_access(context.actor, access)


@then("an SMS with the login code reaches the user's TIM business number")
def step_code_to_tim_number(context: Context) -> None:
    signing_in.expect_code_to_business_number(context.actor)


@then("the change is confirmed")
def step_change_confirmed(context: Context) -> None:
    signing_in.expect_change_confirmed(context.actor)


@then("the bottom of the login window offers to recover the {what:Recoverable}")
def step_recovery_offered(context: Context, what: str) -> None:
    recovery.expect_offered(context.actor, what)


@then("the portal confirms that an e-mail is on its way")
def step_notice(context: Context) -> None:
    common.expect_notice(context.actor)


@then("an e-mail with a temporary password reaches the user")
def step_recovered_password(context: Context) -> None:
    recovery.expect_recovered_password(context.actor)


@then("an e-mail with the user's username reaches the user")
def step_username_email(context: Context) -> None:
    recovery.expect_username_email(context.actor)


@then("the {what:Recoverable} recovery is refused, the data matching no user")
def step_no_match(context: Context, what: str) -> None:
    recovery.expect_no_match(context.actor, what)
