"""Steps: Gestione Utenze and the employees' credentials (TIS-07..13)."""

from behave import given, then, when
from behave.runner import Context

from documents.tim_impresa_semplice.tasks import user_admin as task


@given("the Rappresentante Legale signed in to the Area Clienti")
def step_signed_in(context: Context) -> None:
    task.signed_in(context.actor)


@given("the Rappresentante Legale on the Gestione Utenze page")
def step_on_user_admin(context: Context) -> None:
    task.on_user_admin(context.actor)


@given("an employee the Rappresentante Legale saved with Aggiungi Utente")
def step_employee_saved(context: Context) -> None:
    task.employee_saved(context.actor)


@given("an employee the Rappresentante Legale registered as {profile:Profile} with Aggiungi e Registra")
def step_employee_registered(context: Context, profile: str) -> None:
    task.employee_registered(context.actor, profile)


@given(
    "an employee without a mobile number the Rappresentante Legale registered as {profile:Profile}"
    " with Aggiungi e Registra"
)
def step_employee_without_mobile_registered(context: Context, profile: str) -> None:
    task.employee_registered(context.actor, profile, "employee_without_mobile")


@when("the Rappresentante Legale opens Visualizza PROFILO E DATI AZIENDA")
def step_open_profile(context: Context) -> None:
    task.open_profile(context.actor)


@when("the Rappresentante Legale opens Gestione Utenze from there")
def step_open_user_admin(context: Context) -> None:
    task.open_user_admin_from_profile(context.actor)


@when("the Rappresentante Legale adds an employee as {profile:Profile} with {action:AddAction}")
def step_add(context: Context, profile: str, action: str) -> None:
    task.add_employee(context.actor, profile, action)


@when("the Rappresentante Legale registers the saved employee")
def step_register_saved(context: Context) -> None:
    task.register_saved_employee(context.actor)


@when(
    "the Rappresentante Legale selects the number of a Referente named in the contract and chooses Aggiorna"
)
def step_update_referente_line(context: Context) -> None:
    task.update_referente_line(context.actor)


@when("the Rappresentante Legale associates an employee as {profile:Profile} with a number to register")
def step_associate(context: Context, profile: str) -> None:
    task.associate_employee(context.actor, profile)


@when("the Rappresentante Legale registers the number just associated")
def step_register_line(context: Context) -> None:
    task.register_line(context.actor)


@when("the Rappresentante Legale sends the employee's username e-mail again")
def step_resend_to_employee(context: Context) -> None:
    task.resend_to_employee(context.actor)


@then("Gestione Utenze is offered there")
def step_user_admin_offered(context: Context) -> None:
    task.expect_user_admin_offered(context.actor)


@then("the Gestione Utenze page is shown")
def step_user_admin_shown(context: Context) -> None:
    task.expect_user_admin(context.actor)


@then("Gestione Utenze lists the employee as {profile:Profile}")
def step_listed_as(context: Context, profile: str) -> None:
    task.expect_listed(context.actor, profile=profile)


@then('Gestione Utenze lists the employee in the state "{state}"')
def step_listed_in_state(context: Context, state: str) -> None:
    task.expect_listed(context.actor, state=state)


@then("Gestione Utenze lists exactly the mobile lines of the company's contracts")
def step_every_line(context: Context) -> None:
    task.expect_every_mobile_line(context.actor)


@then('Gestione Utenze shows a number without an employee in the state "{state}"')
def step_line_state(context: Context, state: str) -> None:
    task.expect_line_state(context.actor, state)


@then("the Referente's e-mail, a username and the Referente's profile are already filled in")
def step_prefilled(context: Context) -> None:
    task.expect_referente_prefilled(context.actor)


@then("no e-mail reaches the employee")
def step_no_email(context: Context) -> None:
    task.expect_no_email_to_employee(context.actor)


@then("the portal refuses, telling the employee to ask the Rappresentante Legale")
def step_told_to_ask_rl(context: Context) -> None:
    task.expect_told_to_ask_rl(context.actor)
