"""Defect switches of the CM6 portal's markup (the accessibility profile, A11Y-01 to A11Y-14): each
changes the username recovery page's markup exactly where its accessibility bug lies, and only there."""

from __future__ import annotations

from collections.abc import Callable

from tests.simulator.sim_client import Page, SimClient

PAGE = "/cm6/recupera-username"


def _markup(sim: SimClient, defect: str, look: Callable[[Page], object]) -> tuple[object, object]:
    """What `look` sees on the page, without the defect and with it; elsewhere nothing changes."""
    before, other_before = (
        look(sim.get(PAGE)),
        sim.get("/cm6/recupera-password").count("[alt], [lang], marquee"),
    )
    sim.set_defects(defect)
    after, other_after = (
        look(sim.get(PAGE)),
        sim.get("/cm6/recupera-password").count("[alt], [lang], marquee"),
    )
    assert other_before == other_after, "the password recovery page keeps its markup"
    return before, after


def test_a11y_picture_without_alt(sim: SimClient) -> None:
    assert _markup(sim, "a11y_picture_without_alt", lambda p: p.attr("img.illustration", "alt")) == (
        "Busta: la username arriva per email",
        None,
    )


def test_a11y_list_items_in_divs(sim: SimClient) -> None:
    assert _markup(
        sim,
        "a11y_list_items_in_divs",
        lambda p: (
            p.count("[data-testid=recovery-steps] > li"),
            p.count("[data-testid=recovery-steps] > div"),
        ),
    ) == ((2, 0), (0, 2))


def test_a11y_email_purpose_invalid(sim: SimClient) -> None:
    assert _markup(sim, "a11y_email_purpose_invalid", lambda p: p.attr("#email", "autocomplete")) == (
        "email",
        "e-mail",
    )


def test_a11y_link_told_by_colour_only(sim: SimClient) -> None:
    assert _markup(sim, "a11y_link_told_by_colour_only", lambda p: p.count("main p > a.quiet")) == (0, 1)


def test_a11y_instructions_low_contrast(sim: SimClient) -> None:
    assert _markup(sim, "a11y_instructions_low_contrast", lambda p: p.count("main > p.faint")) == (0, 1)


def test_a11y_zoom_disabled(sim: SimClient) -> None:
    before, after = _markup(sim, "a11y_zoom_disabled", lambda p: p.attr("meta[name=viewport]", "content"))
    assert "user-scalable" not in str(before) and "user-scalable=no" in str(after)


def test_a11y_scroll_box_not_focusable(sim: SimClient) -> None:
    assert _markup(sim, "a11y_scroll_box_not_focusable", lambda p: p.attr(".scrollbox", "tabindex")) == (
        "0",
        None,
    )


def test_a11y_continue_mouse_only(sim: SimClient) -> None:
    assert _markup(
        sim, "a11y_continue_mouse_only", lambda p: p.attr("[data-testid=action-prosegui]", "tabindex")
    ) == (None, "-1")


def test_a11y_page_refreshes_itself(sim: SimClient) -> None:
    assert _markup(
        sim, "a11y_page_refreshes_itself", lambda p: p.attr("meta[http-equiv=refresh]", "content")
    ) == (None, "600")


def test_a11y_news_in_marquee(sim: SimClient) -> None:
    assert _markup(sim, "a11y_news_in_marquee", lambda p: p.count("marquee")) == (0, 1)


def test_a11y_page_title_empty(sim: SimClient) -> None:
    assert _markup(sim, "a11y_page_title_empty", lambda p: bool(p.text("title"))) == (True, False)


def test_a11y_picture_link_without_text(sim: SimClient) -> None:
    assert _markup(
        sim,
        "a11y_picture_link_without_text",
        lambda p: (p.count("a > img.illustration"), p.attr("img.illustration", "alt")),
    ) == (
        (0, "Busta: la username arriva per email"),
        (1, ""),
    )


def test_a11y_page_language_missing(sim: SimClient) -> None:
    assert _markup(sim, "a11y_page_language_missing", lambda p: p.attr("html", "lang")) == ("it", None)


def test_a11y_notice_language_invalid(sim: SimClient) -> None:
    assert _markup(sim, "a11y_notice_language_invalid", lambda p: p.attr(".scrollbox", "lang")) == (
        None,
        "italiano",
    )


def test_a11y_email_field_unlabelled(sim: SimClient) -> None:
    assert _markup(sim, "a11y_email_field_unlabelled", lambda p: p.count("label[for=email]")) == (1, 0)
