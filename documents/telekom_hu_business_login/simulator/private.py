"""After login: the self-service home, company-level and number-level functions, the Telekom fiók prompt.

Who may open what is decided here for every page, whatever link or typed address led to it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec

from flask import abort, redirect, render_template, url_for
from werkzeug.wrappers import Response

from documents.telekom_hu_business_login.simulator import bp, signed_in_number, signed_in_user, texts
from documents.telekom_hu_business_login.simulator.login import prompt_kind
from documents.telekom_hu_business_login.simulator.models import BusinessUser, Company
from simulator import defects
from simulator.db import get_session

P = ParamSpec("P")
ANSWER = Response | str | tuple[str, int]


def _must_change_password(user: BusinessUser) -> bool:
    if not user.password_is_temporary:
        return False
    return user.is_admin or not defects.enabled("mth_temporary_password_change_not_forced")


def business_user_required(
    *, allow_temporary: bool = False
) -> Callable[[Callable[P, ANSWER]], Callable[P, ANSWER]]:
    """Anonymous visitors go to the login; a temporary password must be changed before anything else."""

    def decorate(view: Callable[P, ANSWER]) -> Callable[P, ANSWER]:
        @wraps(view)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> ANSWER:
            user = signed_in_user()
            if user is None:
                return redirect(url_for("telekom_hu.login"), 303)
            if not allow_temporary and _must_change_password(user):
                return redirect(url_for("telekom_hu.password_change"), 303)
            return view(*args, **kwargs)

        return wrapper

    return decorate


def company_refusal(function: str, slug: str) -> ANSWER | None:
    """Why the visitor may not use this company's function (a page to answer with), or None: a typed
    address is judged like a menu link."""
    if signed_in_user() is None and signed_in_number() is not None:
        if defects.enabled("mth_phone_session_reaches_company_pages"):
            return None
        return _denied(texts.COMPANY_LEVEL)
    user = signed_in_user()
    if user is None:
        return redirect(url_for("telekom_hu.login"), 303)
    if _must_change_password(user):
        return redirect(url_for("telekom_hu.password_change"), 303)
    company = get_session().get(Company, user.company_id)
    if company is None or company.slug != slug:
        return _denied(texts.NO_PERMISSION)  # another company's address
    if user.is_admin and not defects.enabled("mth_main_admin_rights_from_permission_list"):
        return None
    if function in texts.GRANTABLE and function in user.permissions:
        return (
            _denied(texts.NO_PERMISSION)
            if defects.enabled("mth_business_users_refused_every_function")
            else None
        )
    if defects.enabled("mth_function_pages_skip_permission_check"):
        return None
    return _denied(texts.NO_PERMISSION)


def company_functions(user: BusinessUser) -> list[str]:
    """The company-level functions the user's menu offers."""
    if user.is_admin:
        return list(texts.COMPANY_FUNCTIONS)
    return [f for f in texts.GRANTABLE if f in user.permissions]


def _denied(refusal: texts.Refusal) -> tuple[str, int]:
    return render_template("mth/access_denied.html", error=refusal), 403


@bp.get("/fiokom")
def self_service() -> ANSWER:
    number = signed_in_number()
    if number is not None:
        shown = [f for f in texts.NUMBER_FUNCTIONS if f not in number.restricted]
        leak = defects.enabled("mth_phone_session_menu_shows_company_functions")
        company = get_session().get(Company, number.company_id)
        return render_template(
            "mth/self_service.html",
            number_functions=shown,
            company_menu=list(texts.GRANTABLE) if leak else [],
            slug=company.slug if company else "",
        )
    user = signed_in_user()
    if user is None:
        return redirect(url_for("telekom_hu.login"), 303)
    if _must_change_password(user):
        return redirect(url_for("telekom_hu.password_change"), 303)
    company = get_session().get(Company, user.company_id)
    return render_template(
        "mth/self_service.html",
        number_functions=[],
        company_menu=company_functions(user),
        slug=company.slug if company else "",
    )


@bp.get("/ceg/<slug>/<function>")
def company_function(slug: str, function: str) -> ANSWER:
    if function not in texts.GRANTABLE:
        abort(404)
    refusal = company_refusal(function, slug)
    if refusal is not None:
        return refusal
    return render_template("mth/company_function.html", function=function)


@bp.get("/telefonszam/<function>")
def number_function(function: str) -> ANSWER:
    if function not in texts.NUMBER_FUNCTIONS:
        abort(404)
    number = signed_in_number()
    if number is None:
        return redirect(url_for("telekom_hu.phone_login"), 303)
    if function in number.restricted:
        if not defects.enabled("mth_number_restrictions_ignored"):
            return _denied(texts.RESTRICTED)
    elif number.restricted and defects.enabled("mth_number_restriction_blocks_every_function"):
        return _denied(texts.RESTRICTED)
    return render_template("mth/number_function.html", function=function, number=number)


@bp.get("/telekom-fiok")
@business_user_required()
def telekom_fiok_prompt() -> ANSWER:
    user = signed_in_user()
    assert user is not None
    kind = prompt_kind(user)
    if kind is None:
        return redirect(url_for("telekom_hu.self_service"), 303)
    return render_template("mth/telekom_fiok_prompt.html", kind=kind)


@bp.post("/telekom-fiok/most-nem")
@business_user_required()
def telekom_fiok_later() -> ANSWER:
    """The prompt is optional: "Most nem" goes on to the self-service."""
    if defects.enabled("mth_telekom_fiok_prompt_not_skippable"):
        return redirect(url_for("telekom_hu.telekom_fiok_prompt"), 303)
    return redirect(url_for("telekom_hu.self_service"), 303)
