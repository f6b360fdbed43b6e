"""Error answers: a refused request gets its status and a message saying why, never a bare server error.

Portal pages get a small HTML page; the control API, whose clients read JSON, gets {"error": message}.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from simulator.security import CONTROL_PREFIX


def init_errors(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)


def _http_error(exc: HTTPException) -> Response:
    code = exc.code or 500
    message = _too_large_message() if isinstance(exc, RequestEntityTooLarge) else exc.description
    if request.path.startswith(CONTROL_PREFIX):
        response = jsonify({"error": message})
        response.status_code = code
    else:
        page = render_template("error.html", code=code, name=exc.name, message=message)
        response = Response(page, code, mimetype="text/html")
    # The exception's own headers (Allow on a 405, ...), except the content type chosen above.
    for name, value in exc.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _too_large_message() -> str:
    limits = [
        (current_app.config.get(key), what, key)
        for key, what in (
            ("MAX_CONTENT_LENGTH", "bytes in all"),
            ("MAX_FORM_MEMORY_SIZE", "bytes per form field"),
            ("MAX_FORM_PARTS", "form fields"),
        )
    ]
    stated = ", ".join(f"{value} {what} ({key})" for value, what, key in limits if value is not None)
    return f"The request is larger than this simulator accepts: at most {stated}."
