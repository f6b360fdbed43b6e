"""Steps: the pages a visitor opens, the help chat, devices (MGD-18..20)."""

from behave import given, then, when
from behave.runner import Context

from documents.telefonica_mi_gestion_digital.tasks import help


@when("a visitor opens the {page:Page}")
def step_open(context: Context, page: str) -> None:
    help.open_page(context.actor, page)


@then("the help chat's operator icon is shown")
def step_chat_icon(context: Context) -> None:
    help.expect_chat_icon(context.actor)


@given("it is {moment:Moment} in Spain")
def step_moment(context: Context, moment: str) -> None:
    help.set_time(context.actor, moment)


@when("a visitor opens the help chat")
def step_open_chat(context: Context) -> None:
    help.open_chat(context.actor)


@then("the help chat is {state:ChatState}")
def step_chat_state(context: Context, state: bool) -> None:
    help.expect_chat(context.actor, state)


@then("the page takes the width of the visitor's device")
def step_device_width(context: Context) -> None:
    help.expect_device_width(context.actor)


@given("the visitor uses a {device:Device}")
def step_device(context: Context, device: str) -> None:
    help.use_device(context.actor, device)


@then("the page fits the screen's width without scrolling sideways")
def step_fits(context: Context) -> None:
    help.expect_no_sideways_scrolling(context.actor)


@then('the e-mail, the choice of channel, "Continuar" and the help chat\'s icon are within the screen')
def step_in_view(context: Context) -> None:
    help.expect_controls_in_view(context.actor)
