"""Steps: the main admin, the declaration form and business users' permissions (MTH-02..04, MTH-06)."""

from behave import given, then, when
from behave.runner import Context

from documents.telekom_hu_business_login.tasks import functions, signing_in


@given("the main admin is signed in")
def step_main_admin(context: Context) -> None:
    signing_in.ensure_signed_in(context.actor, "main_admin")


@given("a business user {holding:Holding} the {function:CompanyFunction} permission is signed in")
def step_user_with_permission(context: Context, holding: str, function: str) -> None:
    functions.ensure_user_signed_in(context.actor, holding, function)


@given("a company without a main admin")
def step_undeclared(context: Context) -> None:
    functions.choose_undeclared_company(context.actor)


@when("customer service records the company's main admin declaration form")
def step_declaration(context: Context) -> None:
    functions.record_declaration(context.actor)


@when("the main admin signs in as admin@<cégnév> with the temporary password from the notice")
def step_declared_admin(context: Context) -> None:
    functions.sign_in_as_declared_admin(context.actor)


@when("the user opens {function:CompanyFunction} from the menu")
def step_open_from_menu(context: Context, function: str) -> None:
    functions.open_from_menu(context.actor, function)


@when("the user types the address of {function:CompanyFunction}")
def step_type_address(context: Context, function: str) -> None:
    functions.type_company_address(context.actor, function)


@when("the main admin registers a business user in Felhasználók kezelése")
def step_register_one(context: Context) -> None:
    functions.register_users(context.actor, 1)


@when("the main admin registers {count:d} business users in Felhasználók kezelése")
def step_register(context: Context, count: int) -> None:
    functions.register_users(context.actor, count)


@when("the new user signs in as <felhasználónév>@<cégnév> with the temporary password from the e-mail")
def step_new_user_signs_in(context: Context) -> None:
    functions.sign_in_as_new_user(context.actor)


@then("the user {outcome:Outcome}")
def step_outcome(context: Context, outcome: str) -> None:
    functions.expect_outcome(context.actor, outcome)


@then("an e-mail about the main admin registration reaches the address given on the form")
def step_notice(context: Context) -> None:
    functions.expect_declaration_notice(context.actor)


@then("each new user receives an e-mail with a temporary password at the address given")
def step_temporary_passwords(context: Context) -> None:
    functions.expect_temporary_passwords_sent(context.actor)


@then("the two temporary passwords differ")
def step_passwords_differ(context: Context) -> None:
    functions.expect_passwords_differ(context.actor)
