"""Steps: Mi Área's first landing, the mobile and its activation (MGD-11..13)."""

from behave import given, then, when
from behave.runner import Context

from documents.telefonica_mi_gestion_digital.tasks import common, mi_area, registration


@given(
    "the interlocutor of the company with fixed and mobile lines has been sent the "
    "registration's security code"
)
def step_sent_code(context: Context) -> None:
    registration.sent_code(context.actor)


@then("Mi Área asks to accept the terms of use and to verify the e-mail and the mobile given")
def step_terms_asked(context: Context) -> None:
    mi_area.expect_terms_and_access_data(context.actor)


@given("the interlocutor of the company with fixed and mobile lines has landed in Mi Área")
def step_landed(context: Context) -> None:
    mi_area.landed(context.actor)


@when("the interlocutor saves the access data without accepting the terms of use")
def step_without_terms(context: Context) -> None:
    mi_area.save_without_terms(context.actor)


@when("the interlocutor accepts the terms of use and saves {mobile:Mobile} as the mobile")
def step_save_mobile(context: Context, mobile: str) -> None:
    mi_area.save(context.actor, mobile)


@then("Mi Área {outcome:MiAreaOutcome}")
def step_mi_area_outcome(context: Context, outcome: tuple[str, bool | str]) -> None:
    if outcome[0]:
        common.expect_outcome(context.actor, outcome)
    else:
        mi_area.expect_mobile_accepted(context.actor)


@then("a security code reaches the new mobile by SMS")
def step_activation_code(context: Context) -> None:
    mi_area.expect_activation_code(context.actor)


@when("the interlocutor types the activation code")
def step_type_activation(context: Context) -> None:
    mi_area.type_activation_code(context.actor)


@when("the interlocutor types a wrong activation code")
def step_type_wrong_activation(context: Context) -> None:
    mi_area.type_activation_code(context.actor, wrong=True)


@then("the user is in Mi Área")
def step_home(context: Context) -> None:
    mi_area.expect_home(context.actor)
