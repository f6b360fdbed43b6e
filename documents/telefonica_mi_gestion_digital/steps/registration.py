"""Steps: Regístrate, step 1, Grandes Clientes, line, mobile, bank accounts, security code (MGD-01..10)."""

from behave import given, then, when
from behave.runner import Context

from documents.telefonica_mi_gestion_digital.tasks import common, registration


@when('the visitor chooses "Regístrate"')
def step_registrate(context: Context) -> None:
    registration.choose_registrate(context.actor)


@then("the registration asks for the company's fiscal id and the e-mail")
def step_step1(context: Context) -> None:
    registration.expect_step(context.actor, registration.STEP1)


@when("the interlocutor of the {company:Company} starts the registration")
def step_start(context: Context, company: str) -> None:
    registration.start_as_interlocutor(context.actor, company)


@when("a visitor starts the registration of the {company:Company} with {email:Email}")
def step_start_with(context: Context, company: str, email: str) -> None:
    registration.start_with_email(context.actor, company, email)


@then("the registration asks for a registration request")
def step_request_asked(context: Context) -> None:
    registration.expect_step(context.actor, registration.REQUEST)


@then("the registration asks for a phone number of the company")
def step_line_asked(context: Context) -> None:
    registration.expect_step(context.actor, registration.LINE)


@when("the interlocutor sends the registration request")
def step_send_request(context: Context) -> None:
    registration.send_request(context.actor)


@then("the portal says that an advisor will validate the request")
def step_request_sent(context: Context) -> None:
    registration.expect_step(context.actor, registration.REQUEST_SENT)


@given("the interlocutor of the Grandes Clientes company has sent a registration request")
def step_has_sent_request(context: Context) -> None:
    registration.has_sent_request(context.actor)


@when("the advisor validates the company's registration request")
def step_advisor(context: Context) -> None:
    registration.advisor_validates(context.actor)


@then("an e-mail with a temporary password reaches the interlocutor")
def step_temporary_password(context: Context) -> None:
    registration.expect_temporary_password_email(context.actor)


@then("the registration is refused as not finished, naming the advisor's number 1489")
def step_not_interlocutor(context: Context) -> None:
    registration.expect_refused_naming_advisor(context.actor)


@then("the registration is refused as already registered, for the company's web Administrator")
def step_already_registered(context: Context) -> None:
    common.expect_refused(context.actor, registration.STEP1, "email_already_registered")


@given("the interlocutor of the {company:Company} is at the phone step")
def step_at_phone(context: Context, company: str) -> None:
    registration.at_phone_step(context.actor, company)


@given("the interlocutor of the company with fixed and mobile lines has given a fixed line of the company")
def step_has_given_fixed(context: Context) -> None:
    registration.has_given_fixed_line(context.actor)


@when("the interlocutor gives {line:Line}")
def step_give_line(context: Context, line: str) -> None:
    registration.give_line(context.actor, line)


@when("the interlocutor gives {line:Line} as the Telefónica mobile")
def step_give_mobile(context: Context, line: str) -> None:
    registration.give_mobile(context.actor, line)


@then("the registration {outcome:RegistrationOutcome}")
def step_outcome(context: Context, outcome: tuple[str, bool | str]) -> None:
    if outcome[0]:
        common.expect_outcome(context.actor, outcome)
    else:
        registration.expect_moved_on(context.actor)


@given("the interlocutor of the {company:Company} has reached the bank accounts with {line:Line}")
def step_reach_accounts(context: Context, company: str, line: str) -> None:
    registration.reach_accounts(context.actor, company, line)


@then("the registration asks for {accounts:AccountsAsked}")
def step_accounts_asked(context: Context, accounts: tuple[bool, bool]) -> None:
    registration.expect_accounts_asked(context.actor, *accounts)


@when("the interlocutor gives {accounts:Accounts}")
def step_give_accounts(context: Context, accounts: str) -> None:
    registration.give_accounts(context.actor, accounts)


@then("the security code reaches {where:CodeDestination}")
def step_code_at(context: Context, where: str) -> None:
    registration.expect_code_at(context.actor, where)


@when("the interlocutor types the security code")
def step_type_code(context: Context) -> None:
    registration.type_code(context.actor)


@when("the interlocutor types a wrong security code")
def step_type_wrong_code(context: Context) -> None:
    registration.type_code(context.actor, wrong=True)
