"""Steps: the profile x function matrix, consumption, nominations (MYB-03 to MYB-12)."""

from behave import then, when
from behave.runner import Context

from documents.tim_mybusiness.tasks import consumption, matrix, nominations


@then("the Area Clienti {offered:Offer} {function:Function}")
def step_offer(context: Context, offered: bool, function: str) -> None:
    matrix.expect_offer(context.actor, function, offered)


@when("the user types the address of {function:Function}")
def step_type_address(context: Context, function: str) -> None:
    matrix.type_address(context.actor, function)


@then("the page of {function:Function} {opens:Outcome}")
def step_outcome(context: Context, function: str, opens: bool) -> None:
    matrix.expect_outcome(context.actor, function, opens)


@when("the user opens Consumi")
def step_open_consumption(context: Context) -> None:
    consumption.open_consumption(context.actor)


@when("the user types the address of the consumption of a colleague's line")
def step_colleague_consumption(context: Context) -> None:
    consumption.open_colleague_consumption(context.actor)


@then("the consumption shown is that of the user's business mobile")
def step_own_line(context: Context) -> None:
    consumption.expect_own_line(context.actor)


@then("Consumi is refused, the user having given no business mobile")
def step_no_line(context: Context) -> None:
    consumption.expect_no_line(context.actor)


@then("the portal refuses it as another line than the user's")
def step_not_yours(context: Context) -> None:
    consumption.expect_not_yours(context.actor)


@when("the user nominates an employee as Referente Master of the contract {contract:Contract}")
def step_nominate_master(context: Context, contract: str) -> None:
    nominations.nominate_master(context.actor, contract)


@when("the user nominates another company's employee as Referente Master of the contract {contract:Contract}")
def step_nominate_outsider(context: Context, contract: str) -> None:
    nominations.nominate_master(context.actor, contract, "other_company_user")


@when("the user nominates an employee as Amministratore of the fixed lines")
def step_nominate_administrator(context: Context) -> None:
    nominations.nominate_administrator(context.actor)


@then("the nomination is confirmed")
def step_confirmed(context: Context) -> None:
    nominations.expect_confirmed(context.actor)


@then("the nomination is refused, {reason:NominationRefusal}")
def step_refused(context: Context, reason: str) -> None:
    nominations.expect_refusal(context.actor, reason)


@then("the contract has the employee as its only Referente Master")
def step_only_master(context: Context) -> None:
    nominations.expect_only_master(context.actor, the_nominee=True)


@then("the contract still has exactly one Referente Master")
def step_one_master(context: Context) -> None:
    nominations.expect_only_master(context.actor, the_nominee=False)


@then("the company has the employee as its only Amministratore")
def step_only_administrator(context: Context) -> None:
    nominations.expect_only_administrator(context.actor, the_nominee=True)


@then("the company still has exactly one Amministratore")
def step_one_administrator(context: Context) -> None:
    nominations.expect_only_administrator(context.actor, the_nominee=False)
