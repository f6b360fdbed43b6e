"""Steps: registration, steps 1 to 4 (CM6-04..21)."""

from behave import given, then, when
from behave.runner import Context

from documents.tim_convenzione_mobile6.tasks import captcha, refusals
from documents.tim_convenzione_mobile6.tasks import registration as task
from documents.tim_convenzione_mobile6.tasks.registration import CodeVariant, Point, Spoiler


@given("a visitor on the public area")
def step_on_public_area(context: Context) -> None:
    task.actor_opens_public_area(context.actor)


@given("a visitor at registration {point:Point}")
def step_at_point(context: Context, point: Point) -> None:
    task.reach(context.actor, point)


@given("a visitor at registration {point:Point} with the {sim:Sim} as business number")
def step_at_point_with_sim(context: Context, point: Point, sim: str) -> None:
    task.reach(context.actor, point, sim)


@when("the visitor follows the {entry:EntryPoint}")
def step_follow_entry(context: Context, entry: str) -> None:
    task.follow_entry_point(context.actor, entry)


@when("the visitor identifies {entity:Entity} by its {kind:IdentifierKind}")
def step_identify(context: Context, entity: str, kind: str) -> None:
    task.identify(context.actor, entity, kind)


@when("the visitor identifies {entity:Entity} by its {kind:IdentifierKind} {spoiler:Spoiler}")
def step_identify_spoiled(context: Context, entity: str, kind: str, spoiler: Spoiler) -> None:
    task.identify(context.actor, entity, kind, spoiler)


@when("the visitor identifies the Amministrazione by the registrant's personal codice fiscale")
def step_identify_personal(context: Context) -> None:
    task.identify_with_personal_code(context.actor)


@when("the visitor asks for a new graphic code")
def step_new_captcha(context: Context) -> None:
    captcha.ask_new_captcha(context.actor)


@when("the visitor gives their personal data with the {sim:Sim} as business number")
def step_personal_data(context: Context, sim: str) -> None:
    task.personal_data(context.actor, sim)


@when("the visitor gives their personal data without the {detail:Detail}")
def step_personal_data_without(context: Context, detail: str) -> None:
    task.personal_data(context.actor, omit=detail)


@when('the visitor gives their personal data with the {detail:Detail} "{value}"')
def step_personal_data_with(context: Context, detail: str, value: str) -> None:
    task.personal_data(context.actor, override=(detail, value))


@when("the visitor types the registration code {variant:CodeVariant}")
def step_type_code(context: Context, variant: CodeVariant) -> None:
    task.type_code(context.actor, variant)


@when('the visitor chooses the username "{username}"')
def step_username(context: Context, username: str) -> None:
    task.choose_username(context.actor, username)


@when("the visitor cancels the registration")
def step_cancel(context: Context) -> None:
    task.cancel(context.actor)


@when("the visitor tries again")
def step_retry(context: Context) -> None:
    task.retry(context.actor)


@then("the registration {state:RegistrationState}")
def step_state(context: Context, state: str) -> None:
    task.expect_state(context.actor, state)


@then("the registration stays at {point:Point}, refusing {refusal:Refusal}")
def step_refused(context: Context, point: Point, refusal: str) -> None:
    refusals.expect_refusal(context.actor, point, refusal)


@then('the page title reads "{title}"')
def step_title(context: Context, title: str) -> None:
    task.expect_title(context.actor, title)


@then('the progress bar lists "{names}"')
def step_progress(context: Context, names: str) -> None:
    task.expect_progress(context.actor, [name.strip() for name in names.split(",")])


@then('the progress bar marks "{name}" as the current step')
def step_current(context: Context, name: str) -> None:
    task.expect_current_step(context.actor, name)


@then("a different graphic code is shown")
def step_new_captcha_shown(context: Context) -> None:
    captcha.expect_new_captcha(context.actor)


@then("the visitor can listen to the graphic code")
def step_audio(context: Context) -> None:
    captcha.expect_audio_captcha(context.actor)


@then('an SMS from "{sender}" reaches the business number')
def step_sms_sender(context: Context, sender: str) -> None:
    task.expect_registration_sms(context.actor, sender)


@then("the SMS carries a code of two words separated by a space")
def step_two_words(context: Context) -> None:
    task.expect_two_word_code(context.actor)


@then("the visitor can print the page")
def step_print(context: Context) -> None:
    task.expect_print_offered(context.actor)


@when("the visitor starts a new registration")
def step_new_registration(context: Context) -> None:
    task.start_new_registration(context.actor)


@then('an e-mail from "{sender}" reaches the registrant with the subject "{subject}"')
def step_confirmation_email(context: Context, sender: str, subject: str) -> None:
    task.expect_confirmation_email(context.actor, sender, subject)


@then('the e-mail says "{phrase}"')
def step_email_says(context: Context, phrase: str) -> None:
    task.expect_email_says(context.actor, phrase)


@then("the e-mail carries a temporary password")
def step_email_password(context: Context) -> None:
    task.expect_temporary_password(context.actor)


@when("the registrant signs in with the chosen username and the temporary password")
def step_registrant_signs_in(context: Context) -> None:
    task.registrant_signs_in(context.actor)


@then("the outcome gives as the reason that the line already has a user")
def step_reason_line_registered(context: Context) -> None:
    task.expect_reason(context.actor, "line_already_registered")


@then("the outcome offers to try again")
def step_retry_offered(context: Context) -> None:
    task.expect_retry_offered(context.actor)
