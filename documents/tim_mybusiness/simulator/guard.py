"""Signed-in pages and the function guard: what a page answers a user its profile does not allow."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec

from flask import redirect, render_template, url_for
from werkzeug.wrappers import Response

from documents.tim_mybusiness.simulator import access, signed_in_user, texts
from documents.tim_mybusiness.simulator.models import User

P = ParamSpec("P")
Answer = Response | str | tuple[str, int]
View = Callable[Concatenate[User, P], Answer]


def function_page(function: str) -> Callable[[View[P]], Callable[P, Answer]]:
    """A page of `function`: anonymous visitors go to the login page, other profiles are refused."""

    def decorate(view: View[P]) -> Callable[P, Answer]:
        @wraps(view)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> Answer:
            user = signed_in_user()
            if user is None:
                return redirect(url_for("myb.login"), 303)
            if function and not access.may_open(user, function):
                return render_template("myb/denied.html", error=texts.FUNCTION_DENIED), 403
            return view(user, *args, **kwargs)

        return wrapper

    return decorate


def not_found() -> tuple[str, int]:
    """Another company's record (or none): the same answer, so ids cannot be probed."""
    return render_template("myb/denied.html", error=texts.NOT_FOUND), 404
