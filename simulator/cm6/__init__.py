"""The Convenzione Mobile 6 portal (Italian), mounted at /."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, session, url_for

from simulator import defects
from simulator.cm6 import texts
from simulator.db import get_session
from simulator.models import User

bp = Blueprint("cm6", __name__)


def signed_in_user() -> User | None:
    user_id = session.get("user_id")
    return None if user_id is None else get_session().get(User, user_id)


@bp.context_processor
def _layout_context() -> dict[str, Any]:
    register_url = url_for("cm6.registration")
    if defects.enabled("menu_register_link_to_home"):
        register_url = url_for("cm6.home")
    return {
        "signed_in_user": signed_in_user(),
        "register_menu_url": register_url,
        "texts": texts,
    }


from simulator.cm6 import login, private, public, recovery, registration  # noqa: E402, F401
