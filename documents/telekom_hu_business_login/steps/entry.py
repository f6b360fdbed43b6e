"""Steps: the Belépés entry (MTH-01)."""

from behave import given, then, when
from behave.runner import Context

from documents.telekom_hu_business_login.tasks import entry


@given("a visitor on the telekom.hu home page")
def step_home(context: Context) -> None:
    entry.open_home(context.actor)


@when("the visitor presses the Belépés button")
def step_press_belepes(context: Context) -> None:
    entry.press_belepes(context.actor)


@then("the top right of the page offers the Belépés button")
def step_belepes_top_right(context: Context) -> None:
    entry.expect_belepes_top_right(context.actor)


@then("the portal asks for the username")
def step_username_asked(context: Context) -> None:
    entry.expect_username_asked(context.actor)
