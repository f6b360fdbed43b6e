"""Defect switches of the MGD portal's markup (the accessibility profile, A11Y-01 to A11Y-14): each
changes the registration's first page exactly where its accessibility bug lies, and only there."""

from __future__ import annotations

from collections.abc import Callable

from tests.simulator.sim_client import Page, SimClient

PAGE = "/mgd/registro"
OTHER_PAGE = "/mgd/olvido"
MARKED = "[alt], [lang], marquee, [tabindex], meta[http-equiv]"


def _markup(mgd: SimClient, defect: str, look: Callable[[Page], object]) -> tuple[object, object]:
    """What `look` sees on the page, without the defect and with it; elsewhere nothing changes."""
    before, other_before = look(mgd.get(PAGE)), mgd.get(OTHER_PAGE).count(MARKED)
    mgd.set_defects(defect)
    after, other_after = look(mgd.get(PAGE)), mgd.get(OTHER_PAGE).count(MARKED)
    assert other_before == other_after, "the forgotten-password page keeps its markup"
    return before, after


def test_mgd_a11y_picture_without_alt(mgd: SimClient) -> None:
    assert _markup(mgd, "mgd_a11y_picture_without_alt", lambda p: p.attr("img.illustration", "alt")) == (
        "Edificio: el registro de tu empresa",
        None,
    )


def test_mgd_a11y_list_items_in_divs(mgd: SimClient) -> None:
    assert _markup(
        mgd,
        "mgd_a11y_list_items_in_divs",
        lambda p: (
            p.count("[data-testid=registration-steps] > li"),
            p.count("[data-testid=registration-steps] > div"),
        ),
    ) == ((3, 0), (0, 3))


def test_mgd_a11y_email_purpose_invalid(mgd: SimClient) -> None:
    assert _markup(mgd, "mgd_a11y_email_purpose_invalid", lambda p: p.attr("#email", "autocomplete")) == (
        "email",
        "e-mail",
    )


def test_mgd_a11y_link_told_by_colour_only(mgd: SimClient) -> None:
    assert _markup(mgd, "mgd_a11y_link_told_by_colour_only", lambda p: p.count("main a.quiet")) == (
        0,
        1,
    )


def test_mgd_a11y_instructions_low_contrast(mgd: SimClient) -> None:
    assert _markup(
        mgd, "mgd_a11y_instructions_low_contrast", lambda p: p.count("[data-testid=intro].faint")
    ) == (0, 1)


def test_mgd_a11y_zoom_disabled(mgd: SimClient) -> None:
    before, after = _markup(mgd, "mgd_a11y_zoom_disabled", lambda p: p.attr("meta[name=viewport]", "content"))
    assert "user-scalable" not in str(before) and "user-scalable=no" in str(after)


def test_mgd_a11y_scroll_box_not_focusable(mgd: SimClient) -> None:
    assert _markup(mgd, "mgd_a11y_scroll_box_not_focusable", lambda p: p.attr(".scrollbox", "tabindex")) == (
        "0",
        None,
    )
    # Text only: a link inside would take the focus for the box, and axe-core would find nothing amiss.
    assert _markup(mgd, "mgd_a11y_scroll_box_not_focusable", lambda p: p.count(".scrollbox a")) == (0, 0)


def test_mgd_a11y_continue_mouse_only(mgd: SimClient) -> None:
    assert _markup(
        mgd, "mgd_a11y_continue_mouse_only", lambda p: p.attr("[data-testid=action-continuar]", "tabindex")
    ) == (None, "-1")


def test_mgd_a11y_page_refreshes_itself(mgd: SimClient) -> None:
    assert _markup(
        mgd, "mgd_a11y_page_refreshes_itself", lambda p: p.attr("meta[http-equiv=refresh]", "content")
    ) == (None, "600")


def test_mgd_a11y_news_in_marquee(mgd: SimClient) -> None:
    assert _markup(mgd, "mgd_a11y_news_in_marquee", lambda p: p.count("marquee")) == (0, 1)


def test_mgd_a11y_page_title_empty(mgd: SimClient) -> None:
    assert _markup(mgd, "mgd_a11y_page_title_empty", lambda p: bool(p.text("title"))) == (True, False)


def test_mgd_a11y_picture_link_without_text(mgd: SimClient) -> None:
    assert _markup(
        mgd,
        "mgd_a11y_picture_link_without_text",
        lambda p: (p.count("a > img.illustration"), p.attr("img.illustration", "alt")),
    ) == ((0, "Edificio: el registro de tu empresa"), (1, ""))


def test_mgd_a11y_page_language_missing(mgd: SimClient) -> None:
    assert _markup(mgd, "mgd_a11y_page_language_missing", lambda p: p.attr("html", "lang")) == ("es", None)


def test_mgd_a11y_notice_language_invalid(mgd: SimClient) -> None:
    assert _markup(mgd, "mgd_a11y_notice_language_invalid", lambda p: p.attr(".scrollbox", "lang")) == (
        None,
        "español",
    )


def test_mgd_a11y_email_field_unlabelled(mgd: SimClient) -> None:
    assert _markup(mgd, "mgd_a11y_email_field_unlabelled", lambda p: p.count("label[for=email]")) == (1, 0)
