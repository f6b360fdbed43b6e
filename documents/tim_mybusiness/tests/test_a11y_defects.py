"""Accessibility defect switches of the MYB portal (the accessibility profile, A11Y-01 to A11Y-14): each
changes the markup of the username recovery page (the keyboard one, of the Consistenze page) exactly
where its accessibility bug lies, and only there. Markup only: the browser measures what each one
kills (tests/test_sensitivity.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from documents.tim_mybusiness.tests.test_concurrent_nominations import DATASET
from documents.tim_mybusiness.tests.test_portal_pages import sign_in
from simulator import create_app, fixtures
from simulator.db import get_database
from simulator.defects import defect_set
from tests.simulator.sim_client import TEST_CONFIG

PAGE = "/mybusiness/recupera-username"
OTHER_PAGE = "/mybusiness/recupera-password"  # shares the layout and macros: keeps its markup
CONSISTENZE = "/mybusiness/area-clienti/consistenze"

Look = Callable[[BeautifulSoup], object]


@pytest.fixture
def app() -> Iterator[Flask]:
    application = create_app(
        {**TEST_CONFIG, "FIXTURES": {**TEST_CONFIG["FIXTURES"], "tim-mybusiness": str(DATASET)}}
    )
    fixtures.reload(application)
    yield application
    get_database(application).engine.dispose()


def _soup(client: FlaskClient, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def _without_csrf(page: BeautifulSoup) -> str:
    for token in page.select("input[name=csrf_token]"):
        token["value"] = ""
    return str(page.main)


def _markup(
    app: Flask, defect: str, look: Look, page: str = PAGE, other: str = OTHER_PAGE
) -> tuple[object, object]:
    """What `look` sees on the page, without the defect and with it; the other page does not change."""
    client = app.test_client()
    if page == CONSISTENZE:
        sign_in(client, "rappresentante_legale")
    before, other_before = look(_soup(client, page)), _without_csrf(_soup(client, other))
    defect_set(app).replace([defect])
    after, other_after = look(_soup(client, page)), _without_csrf(_soup(client, other))
    assert other_before == other_after
    return before, after


def _attr(selector: str, name: str) -> Look:
    def look(page: BeautifulSoup) -> str | None:
        found = page.select_one(selector)
        return None if found is None or found.get(name) is None else str(found[name])

    return look


def _count(selector: str) -> Look:
    return lambda page: len(page.select(selector))


def test_picture_without_alt(app: Flask) -> None:
    assert _markup(app, "myb_a11y_picture_without_alt", _attr("img.illustration", "alt")) == (
        "Busta: la username arriva per e-mail",
        None,
    )


def test_list_items_in_divs(app: Flask) -> None:
    steps = "[data-testid=recovery-steps]"
    assert _markup(
        app,
        "myb_a11y_list_items_in_divs",
        lambda p: (_count(f"{steps} > li")(p), _count(f"{steps} > div")(p)),
    ) == ((2, 0), (0, 2))


def test_email_purpose_invalid(app: Flask) -> None:
    assert _markup(app, "myb_a11y_email_purpose_invalid", _attr("#email", "autocomplete")) == (
        "email",
        "mail",
    )


def test_link_told_by_colour_only(app: Flask) -> None:
    assert _markup(app, "myb_a11y_link_told_by_colour_only", _count("main > p > a.quiet")) == (0, 1)


def test_instructions_low_contrast(app: Flask) -> None:
    assert _markup(app, "myb_a11y_instructions_low_contrast", _count("main > p.faint")) == (0, 1)


def test_zoom_disabled(app: Flask) -> None:
    before, after = _markup(app, "myb_a11y_zoom_disabled", _attr("meta[name=viewport]", "content"))
    assert "user-scalable" not in str(before) and "user-scalable=no" in str(after)


def test_scroll_box_not_focusable(app: Flask) -> None:
    assert _markup(app, "myb_a11y_scroll_box_not_focusable", _attr(".scrollbox", "tabindex")) == ("0", None)


def test_mobile_lines_mouse_only(app: Flask) -> None:
    link = "[data-testid=link-telefonia-mobile]"
    assert _markup(
        app, "myb_a11y_mobile_lines_mouse_only", _attr(link, "tabindex"), page=CONSISTENZE, other=PAGE
    ) == (None, "-1")


def test_page_refreshes_itself(app: Flask) -> None:
    assert _markup(app, "myb_a11y_page_refreshes_itself", _attr("meta[http-equiv=refresh]", "content")) == (
        None,
        "600",
    )


def test_news_in_marquee(app: Flask) -> None:
    assert _markup(app, "myb_a11y_news_in_marquee", _count("marquee")) == (0, 1)


def test_page_title_empty(app: Flask) -> None:
    assert _markup(
        app, "myb_a11y_page_title_empty", lambda p: bool(p.title and p.title.get_text(strip=True))
    ) == (
        True,
        False,
    )


def test_picture_link_without_text(app: Flask) -> None:
    look = _attr("img.illustration", "alt")
    assert _markup(
        app, "myb_a11y_picture_link_without_text", lambda p: (_count("a > img.illustration")(p), look(p))
    ) == ((0, "Busta: la username arriva per e-mail"), (1, ""))


def test_page_language_missing(app: Flask) -> None:
    assert _markup(app, "myb_a11y_page_language_missing", _attr("html", "lang")) == ("it", None)


def test_notice_language_invalid(app: Flask) -> None:
    assert _markup(app, "myb_a11y_notice_language_invalid", _attr(".scrollbox", "lang")) == (None, "italiano")


def test_email_field_unlabelled(app: Flask) -> None:
    assert _markup(app, "myb_a11y_email_field_unlabelled", _count("label[for=email]")) == (1, 0)
