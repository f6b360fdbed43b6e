"""How a page-map or control-API URL combines with the target's base_url."""

from __future__ import annotations

import re

_ABSOLUTE = re.compile(r"^https?://", re.IGNORECASE)


def join(base_url: str, url: str) -> str:
    """An absolute http(s) URL is kept; any other is appended to base_url's path, so a portal
    served under a path keeps it: join("http://h/portal", "/cm6/login") == "http://h/portal/cm6/login"."""
    url = url.strip()
    if _ABSOLUTE.match(url):
        return url
    return f"{base_url.rstrip('/')}/{url.lstrip('/')}"
