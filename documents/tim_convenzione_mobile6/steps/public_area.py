"""Steps: public area (CM6-01..03)."""

from behave import then, when
from behave.runner import Context

from documents.tim_convenzione_mobile6.tasks import public_area as task


@when("a visitor opens the {page:Page}")
def step_open(context: Context, page: str) -> None:
    task.open_page(context.actor, page)


@then('the public area shows the {contact:Contact} "{value}"')
def step_contact(context: Context, contact: str, value: str) -> None:
    task.expect_contact(context.actor, contact, value)


@then("the top band offers the customer-service contacts, the menus and the Login link")
def step_top_band(context: Context) -> None:
    task.expect_top_band(context.actor)


@then("the page has a central band")
def step_central_band(context: Context) -> None:
    task.expect_central_band(context.actor)


@then("the bottom band offers news, videos and contacts")
def step_bottom_band(context: Context) -> None:
    task.expect_bottom_band(context.actor)


@then("the visitor is on the public area")
def step_on_public_area(context: Context) -> None:
    task.expect_on_public_area(context.actor)
