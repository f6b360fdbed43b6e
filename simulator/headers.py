"""Security headers on every response of the simulator (portal pages, error pages, control API)."""

from __future__ import annotations

from flask import Flask, Response, request

from simulator import noise

# Pages load scripts, styles, pictures and sounds from the simulator itself only; no inline code.
POLICY = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "media-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
}
CONTENT_SECURITY_POLICY = "; ".join(f"{name} {sources}" for name, sources in POLICY.items())
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def init_headers(app: Flask) -> None:
    app.after_request(_add_security_headers)


def _add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    noisy = noise.policy_sources()  # noisy pages also call this server and send analytics
    if noisy:
        policy = {**POLICY, **noisy}
        response.headers["Content-Security-Policy"] = "; ".join(f"{k} {v}" for k, v in policy.items())
    # Every page carries its session's CSRF token, many a personal datum or a one-time secret (captcha,
    # temporary password): none may be kept by a browser or a proxy. Static files may be cached.
    if not _is_static_file():
        response.headers["Cache-Control"] = "no-store"
    return response


def _is_static_file() -> bool:
    endpoint = request.endpoint or ""
    return endpoint == "static" or endpoint.endswith(".static")
