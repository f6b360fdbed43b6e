"""Cookies between the browser context and httpx: `send_together` sends as the browser from httpx
threads, so the context's cookies go into an httpx jar and the ones the portal set come back."""

from __future__ import annotations

from http.cookiejar import Cookie
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin

import httpx
from playwright.sync_api import BrowserContext
from playwright.sync_api import Cookie as BrowserCookie

if TYPE_CHECKING:  # the type add_cookies takes, which playwright.sync_api does not export
    from playwright._impl._api_structures import SetCookieParam

_SAME_SITE: dict[str, Literal["Strict", "Lax", "None"]] = {"strict": "Strict", "lax": "Lax", "none": "None"}


def jar_of(cookies: list[BrowserCookie]) -> httpx.Cookies:
    jar = httpx.Cookies()
    for cookie in cookies:
        name, value = cookie.get("name", ""), cookie.get("value", "")
        jar.set(name, value, domain=cookie.get("domain", ""), path=cookie.get("path", "/"))
    return jar


def give_back(context: BrowserContext, sent: list[BrowserCookie], now: list[Cookie], origin: str) -> None:
    """The cookies the portal set or removed while httpx sent `sent`, made the context's own."""
    before = {(cookie.get("name"), cookie.get("value")) for cookie in sent}
    changed = [_cookie_param(cookie, origin) for cookie in now if (cookie.name, cookie.value) not in before]
    if changed:
        context.add_cookies(changed)
    kept = {cookie.name for cookie in now}
    for cookie in sent:
        if cookie.get("name") not in kept:  # the portal removed it
            domain, path = cookie.get("domain"), cookie.get("path")
            context.clear_cookies(name=cookie.get("name"), domain=domain, path=path)


def domain_matches(host: str, domain: str) -> bool:
    domain = domain.lstrip(".").lower()
    return host.lower() == domain or host.lower().endswith("." + domain)


def _cookie_param(cookie: Cookie, origin: str) -> SetCookieParam:
    """A cookie httpx received, as the browser context takes it."""
    param: SetCookieParam = {"name": cookie.name, "value": cookie.value or ""}
    if cookie.domain_specified:
        param["domain"], param["path"] = cookie.domain, cookie.path or "/"
    else:  # host-only, as the portal set it
        param["url"] = urljoin(origin, cookie.path or "/")
    if cookie.expires is not None:
        param["expires"] = float(cookie.expires)
    param["secure"] = bool(cookie.secure)
    param["httpOnly"] = any(
        cookie.has_nonstandard_attr(name) for name in ("HttpOnly", "httponly", "httpOnly")
    )
    same_site = next(
        (cookie.get_nonstandard_attr(n) for n in ("SameSite", "samesite") if cookie.has_nonstandard_attr(n)),
        None,
    )
    if isinstance(same_site, str) and same_site.lower() in _SAME_SITE:
        param["sameSite"] = _SAME_SITE[same_site.lower()]
    return param
