"""Steps: signing in with a mobile number and what it may reach (MTH-11..13)."""

from behave import given, then, when
from behave.runner import Context

from documents.telekom_hu_business_login.tasks import functions, phone


@given("a company mobile number")
def step_number(context: Context) -> None:
    phone.choose_number(context.actor)


@given("a company mobile number with the {prefix:Prefix} prefix")
def step_number_prefix(context: Context, prefix: str) -> None:
    phone.choose_number(context.actor, prefix=prefix)


@given("a user signed in with a company mobile number")
def step_signed_in_number(context: Context) -> None:
    phone.ensure_signed_in_with_number(context.actor)


@given("a user signed in with a company mobile number whose Egyenleg és forgalom is withheld")
def step_signed_in_restricted(context: Context) -> None:
    phone.ensure_signed_in_with_number(context.actor, "restricted_number")


@when("the user types the number as {form:NumberForm} and presses Tovább")
def step_type_number(context: Context, form: str) -> None:
    phone.type_number(context.actor, form)


@when('the user asks for the SMS with "Kérem az SMS-t"')
def step_request_sms(context: Context) -> None:
    phone.request_sms(context.actor)


@when("the user types the code and presses Belépek")
def step_phone_code(context: Context) -> None:
    phone.type_code(context.actor)


@when("the user types a wrong code and presses Belépek")
def step_phone_wrong_code(context: Context) -> None:
    phone.type_code(context.actor, wrong=True)


@when("the user types the address of the company's {function:CompanyFunction}")
def step_company_address(context: Context, function: str) -> None:
    functions.type_company_address(context.actor, function)


@when("the user types the address of the number's {function:NumberFunction}")
def step_number_address(context: Context, function: str) -> None:
    functions.type_number_address(context.actor, function)


@when(
    "the main admin withholds {function:NumberFunction} from a company mobile number"
    ' in "Felhasználói jogok beállítása"'
)
def step_withhold(context: Context, function: str) -> None:
    functions.withhold_from_number(context.actor, function)


@when("a user signs in with a company mobile number")
def step_someone_signs_in_number(context: Context) -> None:
    phone.choose_number(context.actor)
    phone.sign_in_with_number(context.actor)


@then("the self-service offers company-level functions")
def step_company_functions(context: Context) -> None:
    phone.expect_company_functions(context.actor)


@when("the user signs in with that mobile number")
def step_sign_in_number(context: Context) -> None:
    phone.sign_in_with_number(context.actor)


@then('the portal shows the number for checking and offers "Kérem az SMS-t"')
def step_number_shown(context: Context) -> None:
    phone.expect_number_shown(context.actor)


@then("the portal refuses the number's format")
def step_format_refused(context: Context) -> None:
    phone.expect_format_refused(context.actor)


@then("an SMS with the login code reaches the number")
def step_sms_to_number(context: Context) -> None:
    phone.expect_sms_to_number(context.actor)


@then("the user reaches the self-service of that number")
def step_number_self_service(context: Context) -> None:
    phone.expect_number_self_service(context.actor)


@then("the number's login is refused for a wrong code")
def step_number_code_refused(context: Context) -> None:
    phone.expect_code_refused(context.actor)


@then("the self-service offers the number's functions and no company-level function")
def step_only_number_functions(context: Context) -> None:
    phone.expect_only_number_functions(context.actor)


@then("the setting is confirmed")
def step_setting_confirmed(context: Context) -> None:
    functions.expect_setting_confirmed(context.actor)
