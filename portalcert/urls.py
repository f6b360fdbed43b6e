"""How a URL written in a target file or page map combines with the target's base URL.

A portal may live under a path (`base_url: https://portal.example/cm6`). Page-map and control-API
URLs are then read as paths *under* it, not as replacing its path the way a browser resolves a link:

    join("http://h/portal", "/cm6/login")   -> "http://h/portal/cm6/login"
    join("http://h/portal/", "cm6/login")   -> "http://h/portal/cm6/login"
    join("http://h/portal", "https://sso.example/login") -> "https://sso.example/login" (kept)
"""

from __future__ import annotations

ABSOLUTE = ("http://", "https://")


def join(base_url: str, url: str) -> str:
    """`url` under `base_url`'s path; an absolute http(s) URL is kept as it is."""
    url = url.strip()
    if url.lower().startswith(ABSOLUTE):
        return url
    return f"{base_url.rstrip('/')}/{url.lstrip('/')}"
