"""Steps: getting in, recovery links (MYB-01, MYB-02)."""

from behave import given, then, when
from behave.runner import Context

from documents.tim_mybusiness.tasks import signing_in


@given("{user:User} is signed in")
def step_signed_in(context: Context, user: str) -> None:
    signing_in.ensure_signed_in(context.actor, user)


@when("{user:User} signs in with {wrong:Credential}")
def step_sign_in(context: Context, user: str, wrong: bool) -> None:
    signing_in.sign_in(context.actor, user, wrong_password=wrong)


@then("the user {access:Access}")
def step_access(context: Context, access: str) -> None:
    signing_in.expect_access(context.actor, access)


@when("a visitor follows the login page's link to recover the {credential:Recoverable}")
def step_follow_recovery(context: Context, credential: str) -> None:
    signing_in.follow_recovery_link(context.actor, credential)


@then("the {credential:Recoverable} recovery page is shown")
def step_recovery_page(context: Context, credential: str) -> None:
    signing_in.expect_recovery_page(context.actor, credential)
