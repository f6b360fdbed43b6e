"""Defect switches of the Telekom portal's markup (the accessibility profile, A11Y-01 to A11Y-14): each
changes the phone-number login page's markup exactly where its accessibility bug lies, and only there."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from bs4 import BeautifulSoup
from flask import Flask

from .portal_client import Browser, new_app

PAGE = "/belepes/telefonszam"
OTHER_PAGE = "/belepes"  # the username login shares the layout and the macros


@pytest.fixture
def browser() -> Iterator[Browser]:
    app: Flask
    for app in new_app():
        yield Browser(app.test_client())


def _count(soup: BeautifulSoup, selector: str) -> int:
    return len(soup.select(selector))


def _attr(soup: BeautifulSoup, selector: str, name: str) -> str | None:
    found = soup.select_one(selector)
    return None if found is None or found.get(name) is None else str(found[name])


def _markup(browser: Browser, defect: str, look: Callable[[BeautifulSoup], object]) -> tuple[object, object]:
    """What `look` sees on the page, without the defect and with it; elsewhere nothing changes."""
    other = "[alt], [lang], [tabindex], marquee, meta, label[for], title"

    def seen() -> tuple[object, str]:
        looked = look(browser.get(PAGE).soup)
        return looked, str(browser.get(OTHER_PAGE).soup.select(other))

    before, other_before = seen()
    browser.set_defects(defect)
    after, other_after = seen()
    assert other_before == other_after, "the username login keeps its markup"
    return before, after


def test_picture_without_alt(browser: Browser) -> None:
    assert _markup(
        browser, "mth_a11y_picture_without_alt", lambda p: _attr(p, "img.illustration", "alt")
    ) == (
        "Mobiltelefon: a belépési kód SMS-ben érkezik",
        None,
    )


def test_list_items_in_divs(browser: Browser) -> None:
    steps = "[data-testid=phone-steps]"
    assert _markup(
        browser,
        "mth_a11y_list_items_in_divs",
        lambda p: (_count(p, f"{steps} > li"), _count(p, f"{steps} > div")),
    ) == ((3, 0), (0, 3))


def test_number_purpose_invalid(browser: Browser) -> None:
    assert _markup(
        browser, "mth_a11y_number_purpose_invalid", lambda p: _attr(p, "#telefonszam", "autocomplete")
    ) == ("tel-national", "phone")


def test_link_told_by_colour_only(browser: Browser) -> None:
    assert _markup(
        browser, "mth_a11y_link_told_by_colour_only", lambda p: _count(p, "main > p > a.quiet")
    ) == (
        0,
        1,
    )


def test_instructions_low_contrast(browser: Browser) -> None:
    assert _markup(browser, "mth_a11y_instructions_low_contrast", lambda p: _count(p, "main > p.faint")) == (
        0,
        1,
    )


def test_zoom_disabled(browser: Browser) -> None:
    before, after = _markup(
        browser, "mth_a11y_zoom_disabled", lambda p: _attr(p, "meta[name=viewport]", "content")
    )
    assert "user-scalable" not in str(before) and "user-scalable=no" in str(after)


def test_scroll_box_not_focusable(browser: Browser) -> None:
    assert _markup(
        browser, "mth_a11y_scroll_box_not_focusable", lambda p: _attr(p, ".scrollbox", "tabindex")
    ) == (
        "0",
        None,
    )


def test_next_mouse_only(browser: Browser) -> None:
    assert _markup(
        browser, "mth_a11y_next_mouse_only", lambda p: _attr(p, "[data-testid=action-tovabb]", "tabindex")
    ) == (None, "-1")


def test_page_refreshes_itself(browser: Browser) -> None:
    assert _markup(
        browser, "mth_a11y_page_refreshes_itself", lambda p: _attr(p, "meta[http-equiv=refresh]", "content")
    ) == (None, "600")


def test_news_in_marquee(browser: Browser) -> None:
    assert _markup(browser, "mth_a11y_news_in_marquee", lambda p: _count(p, "marquee")) == (0, 1)


def test_page_title_empty(browser: Browser) -> None:
    assert _markup(browser, "mth_a11y_page_title_empty", lambda p: bool(p.title and p.title.get_text())) == (
        True,
        False,
    )


def test_picture_link_without_text(browser: Browser) -> None:
    assert _markup(
        browser,
        "mth_a11y_picture_link_without_text",
        lambda p: (_count(p, "a > img.illustration"), _attr(p, "img.illustration", "alt")),
    ) == ((0, "Mobiltelefon: a belépési kód SMS-ben érkezik"), (1, ""))


def test_page_language_missing(browser: Browser) -> None:
    assert _markup(browser, "mth_a11y_page_language_missing", lambda p: _attr(p, "html", "lang")) == (
        "hu",
        None,
    )


def test_notice_language_invalid(browser: Browser) -> None:
    assert _markup(browser, "mth_a11y_notice_language_invalid", lambda p: _attr(p, ".scrollbox", "lang")) == (
        None,
        "magyar",
    )


def test_number_field_unlabelled(browser: Browser) -> None:
    assert _markup(
        browser, "mth_a11y_number_field_unlabelled", lambda p: _count(p, "label[for=telefonszam]")
    ) == (
        1,
        0,
    )
