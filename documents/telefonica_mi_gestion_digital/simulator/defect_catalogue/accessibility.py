"""Accessibility defects of the registration's first page: each proves a check of the `accessibility`
profile can fail on MGD (its rules are checked on the browser engine only; on the http engine they are
NOT_APPLICABLE and these defects change nothing). Each breaks one WCAG 2.1 success criterion the way
real pages do; the template (templates/mgd/registration.html) asks `defect(name)` where its markup
differs."""

from __future__ import annotations

from simulator.defects import Defect


def _axe_scenario(rule: str, criterion: str) -> str:
    return f"{rule}: The pages of the documented flows meet criterion {criterion}"


DEFECTS: tuple[Defect, ...] = (
    Defect(
        "mgd_a11y_picture_without_alt",
        "A11Y-01",
        "the registration page's illustration has no text alternative (no alt attribute)",
        kills=(_axe_scenario("A11Y-01", "1.1.1"),),
    ),
    Defect(
        "mgd_a11y_list_items_in_divs",
        "A11Y-02",
        "the registration's steps are an <ol> whose items are <div>s, not <li>s",
        kills=(_axe_scenario("A11Y-02", "1.3.1"),),
    ),
    Defect(
        "mgd_a11y_email_purpose_invalid",
        "A11Y-03",
        'the Email field\'s purpose is given as autocomplete="e-mail", which is no autocomplete token',
        kills=(_axe_scenario("A11Y-03", "1.3.5"),),
    ),
    Defect(
        "mgd_a11y_link_told_by_colour_only",
        "A11Y-04",
        "the link in the data-protection notice is not underlined and barely darker than the text around it",
        kills=(_axe_scenario("A11Y-04", "1.4.1"),),
    ),
    Defect(
        "mgd_a11y_instructions_low_contrast",
        "A11Y-05",
        "the registration's instructions are light grey on white (1.9:1, below 4.5:1)",
        kills=(_axe_scenario("A11Y-05", "1.4.3"),),
    ),
    Defect(
        "mgd_a11y_zoom_disabled",
        "A11Y-06",
        "the registration page forbids zooming (maximum-scale=1, user-scalable=no)",
        kills=(_axe_scenario("A11Y-06", "1.4.4"),),
    ),
    Defect(
        "mgd_a11y_scroll_box_not_focusable",
        "A11Y-07",
        "the data-protection notice box scrolls but cannot get the keyboard focus (no tabindex)",
        kills=(_axe_scenario("A11Y-07", "2.1.1"),),
    ),
    Defect(
        "mgd_a11y_continue_mouse_only",
        "A11Y-07",
        "Continuar on the registration page is left out of the Tab order (tabindex=-1): only a mouse"
        " reaches it",
        kills=("A11Y-07: Each documented flow is completed with the keyboard alone",),
    ),
    Defect(
        "mgd_a11y_page_refreshes_itself",
        "A11Y-08",
        "the registration page reloads itself every 10 minutes (meta refresh), losing what was typed",
        kills=(_axe_scenario("A11Y-08", "2.2.1"),),
    ),
    Defect(
        "mgd_a11y_news_in_marquee",
        "A11Y-09",
        "the news line scrolls in a <marquee> that cannot be paused",
        kills=(_axe_scenario("A11Y-09", "2.2.2"),),
    ),
    Defect(
        "mgd_a11y_page_title_empty",
        "A11Y-10",
        "the registration page's <title> is empty",
        kills=(_axe_scenario("A11Y-10", "2.4.2"),),
    ),
    Defect(
        "mgd_a11y_picture_link_without_text",
        "A11Y-11",
        "the illustration links to the access page, with an empty alt: the link has no text",
        # axe-core's link-name rule is tagged with both criteria: a link without a name has no purpose
        # (2.4.4) and no accessible name (4.1.2).
        kills=(_axe_scenario("A11Y-11", "2.4.4"), _axe_scenario("A11Y-14", "4.1.2")),
    ),
    Defect(
        "mgd_a11y_page_language_missing",
        "A11Y-12",
        "the registration page's <html> has no lang attribute",
        kills=(_axe_scenario("A11Y-12", "3.1.1"),),
    ),
    Defect(
        "mgd_a11y_notice_language_invalid",
        "A11Y-13",
        'the data-protection notice is marked lang="español", which is no language tag',
        kills=(_axe_scenario("A11Y-13", "3.1.2"),),
    ),
    Defect(
        "mgd_a11y_email_field_unlabelled",
        "A11Y-14",
        "the Email field's label is not tied to it (no for=): the field has no accessible name",
        kills=(_axe_scenario("A11Y-14", "4.1.2"),),
    ),
)
