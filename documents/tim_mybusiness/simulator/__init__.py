"""The TIM myBusiness Area Clienti (Italian), mounted by the simulator core at PORTAL.url_prefix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, session

from documents.tim_mybusiness.simulator import texts
from documents.tim_mybusiness.simulator.models import User
from simulator import defects
from simulator.db import get_session

# Templates live under templates/myb/ so that their names cannot clash with another portal's.
bp = Blueprint("myb", __name__, template_folder="templates", static_folder="static")
SESSION_KEY = "myb_user_id"
URL_PREFIX = "/mybusiness"


def signed_in_user() -> User | None:
    user_id = session.get(SESSION_KEY)
    return None if user_id is None else get_session().get(User, user_id)


@bp.context_processor
def _layout_context() -> dict[str, Any]:
    return {"signed_in_user": signed_in_user(), "texts": texts, "defect": defects.enabled}


# The views register their routes on bp; the portal is complete only once they are imported.
from documents.tim_mybusiness.simulator import (  # noqa: E402
    area,  # noqa: F401
    consistenze,  # noqa: F401
    dataset,
    login,  # noqa: F401
    nominations,  # noqa: F401
    recovery,  # noqa: F401
    security_bugs,  # noqa: F401
)
from documents.tim_mybusiness.simulator.defect_catalogue import DEFECTS  # noqa: E402
from simulator.portals import PortalSpec  # noqa: E402

PORTAL = PortalSpec(
    document="tim-mybusiness",
    title=texts.PORTAL_NAME,
    blueprint=bp,
    url_prefix=URL_PREFIX,
    defects=DEFECTS,
    load_data_set=dataset.load,
    default_fixtures=Path(__file__).resolve().parent.parent / "reference" / "dataset.json",
)
