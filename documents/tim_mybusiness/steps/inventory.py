"""Steps: Consistenze, the holding's lines, another company's records (MYB-09, MYB-13 to MYB-16)."""

from behave import then, when
from behave.runner import Context

from documents.tim_mybusiness.tasks import inventory, isolation


@when("the user opens {section:Section}")
def step_open_section(context: Context, section: str) -> None:
    inventory.open_section(context.actor, section)


@then("the {status:LineStatus} line is listed as {shown:LineStatus}")
def step_listed_as(context: Context, status: str, shown: str) -> None:
    inventory.expect_listed_as(context.actor, status, shown)


@then("the {status:LineStatus} line's detail gives its activation date {ceased:Cessation}")
def step_dates(context: Context, status: str, ceased: bool) -> None:
    inventory.expect_dates(context.actor, status, ceased=ceased)


@then("the lines of every company of the holding group are listed")
def step_group_lines(context: Context) -> None:
    inventory.expect_group_lines(context.actor)


@then("no line of a company outside the holding group is listed")
def step_no_outside_line(context: Context) -> None:
    inventory.expect_no_outside_line(context.actor)


@then("the {kind:FixedKind} line is listed under its sede as {label:KindLabel}")
def step_fixed_line(context: Context, kind: str, label: str) -> None:
    inventory.expect_fixed_line(context.actor, kind, label)


@then("the active service is listed")
def step_active_service(context: Context) -> None:
    inventory.expect_service(context.actor, active=True)


@then("the ceased service is not listed")
def step_ceased_service(context: Context) -> None:
    inventory.expect_service(context.actor, active=False)


@when("the user types the address of another company's {record:Record}")
def step_other_record(context: Context, record: str) -> None:
    isolation.open_record(context.actor, record, own=False)


@when("the user types the address of the company's own {record:Record}")
def step_own_record(context: Context, record: str) -> None:
    isolation.open_record(context.actor, record, own=True)


@then("the {record:Record} is shown")
def step_record_shown(context: Context, record: str) -> None:
    isolation.expect_shown(context.actor, record)


@then("the portal answers that it is not one of the company's")
def step_not_found(context: Context) -> None:
    isolation.expect_not_found(context.actor)
