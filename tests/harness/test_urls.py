"""Page-map and control-API URLs go under the base URL's path (portalcert.urls)."""

from __future__ import annotations

import httpx
import pytest
from flask import Flask

from portalcert import urls
from portalcert.engines.http import HttpEngine


@pytest.mark.parametrize(
    ("base", "url", "joined"),
    [
        ("http://h/portal", "/cm6/login", "http://h/portal/cm6/login"),
        ("http://h/portal/", "/cm6/login", "http://h/portal/cm6/login"),
        ("http://h/portal", "cm6/login", "http://h/portal/cm6/login"),
        ("http://h", "/cm6/login?x=1", "http://h/cm6/login?x=1"),
        ("http://h/portal", " /cm6/ ", "http://h/portal/cm6/"),
        ("http://h/portal", "https://sso.example/login", "https://sso.example/login"),
        ("http://h/portal", "HTTP://other/x", "HTTP://other/x"),
    ],
)
def test_join(base: str, url: str, joined: str) -> None:
    assert urls.join(base, url) == joined


def test_the_http_engine_opens_page_map_urls_under_the_base_path() -> None:
    app = Flask("under-a-path")
    app.add_url_rule("/portal/cm6/login", "login", lambda: "<p data-page=login>in</p>")
    app.add_url_rule("/cm6/login", "outside", lambda: "<p data-page=outside>out</p>")
    with HttpEngine("http://portal.test/portal", transport=httpx.WSGITransport(app=app)) as engine:
        engine.goto("/cm6/login")
        assert (engine.url, engine.count("[data-page=login]")) == ("http://portal.test/portal/cm6/login", 1)
