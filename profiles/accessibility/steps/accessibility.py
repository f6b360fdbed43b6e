"""Steps of the accessibility profile: one line each, calling a task."""

from behave import given, then, when
from behave.runner import Context

from profiles.accessibility import memory
from profiles.accessibility.tasks import verdicts, walks


@given("the documented flows of the document under test")
def step_subject(context: Context) -> None:
    walks.choose_subject(context)


@when("a visitor goes through them, each page scanned by axe-core for criterion {criterion:Criterion}")
def step_walk_scanning(context: Context, criterion: str) -> None:
    walks.walk_scanning(context, criterion)


@when("a visitor goes through them with the keyboard alone")
def step_walk_by_keyboard(context: Context) -> None:
    walks.walk_by_keyboard(context)


@then("axe-core finds no violation of criterion {criterion:Criterion}")
def step_no_violation(context: Context, criterion: str) -> None:
    verdicts.expect_no_violation(memory.of(context), criterion)


@then("every flow was completed with the keyboard alone")
def step_flows_by_keyboard(context: Context) -> None:
    verdicts.expect_flows_by_keyboard(memory.of(context))
