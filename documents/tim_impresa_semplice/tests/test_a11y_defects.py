"""Accessibility defect switches of the TIS portal (the accessibility profile, A11Y-01 to A11Y-14): each
changes the markup of the page that sends the username e-mail again exactly where its accessibility
bug lies, and only there. Markup only: the browser measures what each one kills
(tests/test_sensitivity.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from simulator import create_app
from simulator.db import get_database
from simulator.defects import defect_set

PAGE = "/impresa/reinvio-email"
OTHER_PAGE = "/impresa/recupera-password"  # shares the layout and macros: keeps its markup
CONFIG = {"DATABASE_URL": "sqlite://", "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", "SECRET_KEY": "test"}

Look = Callable[[BeautifulSoup], object]


@pytest.fixture
def app() -> Iterator[Flask]:
    application = create_app(CONFIG)
    yield application
    get_database(application).engine.dispose()


def _soup(client: FlaskClient, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def _markup(app: Flask, defect: str, look: Look) -> tuple[object, object]:
    """What `look` sees on the page, without the defect and with it; the other page does not change."""
    client = app.test_client()
    before, other_before = look(_soup(client, PAGE)), str(_soup(client, OTHER_PAGE).main)
    defect_set(app).replace([defect])
    after, other_after = look(_soup(client, PAGE)), str(_soup(client, OTHER_PAGE).main)
    assert other_before.replace(_csrf(other_before), "") == other_after.replace(_csrf(other_after), "")
    return before, after


def _csrf(markup: str) -> str:
    found = BeautifulSoup(markup, "html.parser").select_one("input[name=csrf_token]")
    return str(found["value"]) if found is not None else ""


def _attr(selector: str, name: str) -> Look:
    def look(page: BeautifulSoup) -> str | None:
        found = page.select_one(selector)
        return None if found is None or found.get(name) is None else str(found[name])

    return look


def _count(selector: str) -> Look:
    return lambda page: len(page.select(selector))


def test_the_reference_page_carries_what_the_defects_break(app: Flask) -> None:
    page = _soup(app.test_client(), PAGE)
    assert page.select_one("html")["lang"] == "it"  # type: ignore[index]
    assert page.select_one("title").get_text(strip=True)  # type: ignore[union-attr]
    assert page.select_one("link[rel=stylesheet]") is not None


def test_picture_without_alt(app: Flask) -> None:
    assert _markup(app, "tis_a11y_picture_without_alt", _attr("img.illustration", "alt")) == (
        "Busta: la username arriva per e-mail",
        None,
    )


def test_list_items_in_divs(app: Flask) -> None:
    steps = "[data-testid=resend-steps]"
    assert _markup(
        app,
        "tis_a11y_list_items_in_divs",
        lambda p: (_count(f"{steps} > li")(p), _count(f"{steps} > div")(p)),
    ) == ((2, 0), (0, 2))


def test_email_purpose_invalid(app: Flask) -> None:
    assert _markup(app, "tis_a11y_email_purpose_invalid", _attr("#email", "autocomplete")) == (
        "email",
        "posta",
    )


def test_link_told_by_colour_only(app: Flask) -> None:
    assert _markup(app, "tis_a11y_link_told_by_colour_only", _count("main > p > a.quiet")) == (0, 1)


def test_instructions_low_contrast(app: Flask) -> None:
    assert _markup(app, "tis_a11y_instructions_low_contrast", _count("main > p.faint")) == (0, 1)


def test_zoom_disabled(app: Flask) -> None:
    before, after = _markup(app, "tis_a11y_zoom_disabled", _attr("meta[name=viewport]", "content"))
    assert "user-scalable" not in str(before) and "user-scalable=no" in str(after)


def test_scroll_box_not_focusable(app: Flask) -> None:
    assert _markup(app, "tis_a11y_scroll_box_not_focusable", _attr(".scrollbox", "tabindex")) == ("0", None)


def test_send_mouse_only(app: Flask) -> None:
    assert _markup(app, "tis_a11y_send_mouse_only", _attr("[data-testid=action-invia]", "tabindex")) == (
        None,
        "-1",
    )


def test_page_refreshes_itself(app: Flask) -> None:
    assert _markup(app, "tis_a11y_page_refreshes_itself", _attr("meta[http-equiv=refresh]", "content")) == (
        None,
        "600",
    )


def test_news_in_marquee(app: Flask) -> None:
    assert _markup(app, "tis_a11y_news_in_marquee", _count("marquee")) == (0, 1)


def test_page_title_empty(app: Flask) -> None:
    assert _markup(
        app, "tis_a11y_page_title_empty", lambda p: bool(p.title and p.title.get_text(strip=True))
    ) == (
        True,
        False,
    )


def test_picture_link_without_text(app: Flask) -> None:
    look = _attr("img.illustration", "alt")
    assert _markup(
        app, "tis_a11y_picture_link_without_text", lambda p: (_count("a > img.illustration")(p), look(p))
    ) == ((0, "Busta: la username arriva per e-mail"), (1, ""))


def test_page_language_missing(app: Flask) -> None:
    assert _markup(app, "tis_a11y_page_language_missing", _attr("html", "lang")) == ("it", None)


def test_notice_language_invalid(app: Flask) -> None:
    assert _markup(app, "tis_a11y_notice_language_invalid", _attr(".scrollbox", "lang")) == (None, "italiano")


def test_email_field_unlabelled(app: Flask) -> None:
    assert _markup(app, "tis_a11y_email_field_unlabelled", _count("label[for=email]")) == (1, 0)
