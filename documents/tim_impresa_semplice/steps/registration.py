"""Steps: the Rappresentante Legale's registration by TIM and its completion (TIS-01..06)."""

from behave import given, then, when
from behave.runner import Context

from documents.tim_impresa_semplice.tasks import access, backoffice


@given("a company whose Rappresentante Legale TIM has not registered yet")
def step_company_not_registered(context: Context) -> None:
    backoffice.company_not_registered(context.actor)


@given("a Rappresentante Legale registered by TIM who has not completed the registration")
def step_pending(context: Context) -> None:
    access.pending_legal_representative(context.actor)


@given("a Rappresentante Legale whose username e-mail has arrived")
def step_email_arrived(context: Context) -> None:
    access.username_email_arrived(context.actor)


@given("a Rappresentante Legale without a mobile number whose username e-mail has arrived")
def step_email_arrived_without_mobile(context: Context) -> None:
    access.username_email_arrived(context.actor, "pending_legal_representative_without_mobile")


@given("a Rappresentante Legale who completed the registration with the link in the e-mail")
def step_completed(context: Context) -> None:
    access.completed_registration(context.actor)


@given("a Rappresentante Legale who has a password")
def step_with_password(context: Context) -> None:
    access.with_password(context.actor)


@when("TIM records the company's first purchase of {segment:Segment} products made {channel:Channel}")
def step_purchase(context: Context, segment: str, channel: str) -> None:
    backoffice.first_purchase(context.actor, segment, channel)


@when("the Servizio Clienti 191 resends the username at the caller's request to another e-mail address")
def step_resend_191(context: Context) -> None:
    backoffice.resend_by_191(context.actor)


@when("{who:Who} follows the link in the e-mail")
def step_follow(context: Context, who: str) -> None:
    access.follow_link(context.actor)


@when("{who:Who} follows the link in the e-mail again")
def step_follow_again(context: Context, who: str) -> None:
    access.follow_link(context.actor)


@when("{who:Who} types the verification code from the {channel:CodeChannel} and a new password twice")
def step_code_and_password(context: Context, who: str, channel: str) -> None:
    access.type_code_and_password(context.actor, who, channel)


@when("{who:Who} types a wrong verification code and a new password twice")
def step_wrong_code(context: Context, who: str) -> None:
    access.type_code_and_password(context.actor, who, "sms", wrong_code=True)


@when("{who:Who} signs in with the username and the new password")
def step_sign_in(context: Context, who: str) -> None:
    access.sign_in(context.actor, who)


@when("{who:Who} asks the portal to send the username e-mail again")
def step_ask_resend(context: Context, who: str) -> None:
    access.ask_resend(context.actor, who)


@when("the Rappresentante Legale asks Recupera Password for their username")
def step_recovery(context: Context) -> None:
    access.ask_recovery(context.actor)


@when("the employee asks for the verification code by e-mail")
def step_code_by_email(context: Context) -> None:
    access.ask_code_by_email(context.actor)


@then("the username e-mail reaches the Rappresentante Legale at the address given in the contract")
def step_email_to_contract_address(context: Context) -> None:
    access.expect_username_email(context.actor, access.RL)


@then("the username e-mail reaches the employee")
def step_email_to_employee(context: Context) -> None:
    access.expect_username_email(context.actor, access.EMPLOYEE)


@then("the e-mail carries the username and a link to complete the registration")
def step_username_and_link(context: Context) -> None:
    access.expect_username_and_link(context.actor, access.RL)


@then("the e-mail carries the employee's username and a link to complete the registration")
def step_employee_username_and_link(context: Context) -> None:
    access.expect_username_and_link(context.actor, access.EMPLOYEE)


@then("no e-mail reaches the other address")
def step_nothing_elsewhere(context: Context) -> None:
    backoffice.expect_nothing_at_other_address(context.actor)


@then("{who:Who} is in the Area Clienti")
def step_in_area(context: Context, who: str) -> None:
    access.expect_in_area(context.actor, who)


@then("the employee is in the Area Clienti as {profile:Profile}")
def step_in_area_as(context: Context, profile: str) -> None:
    access.expect_in_area(context.actor, access.EMPLOYEE, profile)


@then("the registration is refused for the wrong verification code")
def step_code_refused(context: Context) -> None:
    access.expect_code_refused(context.actor)


@then("the link is refused as no longer valid")
def step_link_refused(context: Context) -> None:
    access.expect_link_refused(context.actor)


@then("a second e-mail brings the verification code to the Rappresentante Legale")
def step_code_email_rl(context: Context) -> None:
    access.expect_code_by_email(context.actor, access.RL)


@then("the verification code reaches the employee by e-mail")
def step_code_email_employee(context: Context) -> None:
    access.expect_code_by_email(context.actor, access.EMPLOYEE)


@then("an e-mail with a link to choose a new password reaches the Rappresentante Legale")
def step_recovery_email(context: Context) -> None:
    access.expect_recovery_email(context.actor)
