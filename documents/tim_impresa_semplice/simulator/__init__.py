"""The TIM Impresa Semplice Area Clienti (Italian), mounted by the simulator core at PORTAL.url_prefix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, session

from documents.tim_impresa_semplice.simulator import texts
from documents.tim_impresa_semplice.simulator.models import WebUser
from simulator import defects
from simulator.db import get_session

# Templates live under templates/impresa/ so that their names cannot clash with another portal's.
bp = Blueprint("impresa", __name__, template_folder="templates", static_folder="static")
URL_PREFIX = "/impresa"


def signed_in_user() -> WebUser | None:
    user_id = session.get("tis_user_id")
    return None if user_id is None else get_session().get(WebUser, user_id)


@bp.context_processor
def _layout_context() -> dict[str, Any]:
    return {"signed_in_user": signed_in_user(), "texts": texts, "defect": defects.enabled}


# The views register their routes on bp; the portal is complete only once they are imported.
from documents.tim_impresa_semplice.simulator import (  # noqa: E402
    activation,  # noqa: F401
    area,  # noqa: F401
    dataset,
    events,
    public,  # noqa: F401
    user_admin,  # noqa: F401
)
from documents.tim_impresa_semplice.simulator.defect_catalogue import DEFECTS  # noqa: E402
from simulator.portals import PortalSpec  # noqa: E402

PORTAL = PortalSpec(
    document="tim-impresa-semplice",
    title=texts.PORTAL_NAME,
    blueprint=bp,
    url_prefix=URL_PREFIX,
    defects=DEFECTS,
    load_data_set=dataset.load,
    default_fixtures=Path(__file__).resolve().parent.parent / "reference" / "dataset.json",
    events=events.EVENTS,
)
