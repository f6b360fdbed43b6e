"""The Mi Gestión Digital portal (Spanish), mounted by the simulator core at PORTAL.url_prefix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, session

from documents.telefonica_mi_gestion_digital.simulator import texts
from documents.telefonica_mi_gestion_digital.simulator.models import User
from simulator import defects
from simulator.db import get_session

URL_PREFIX = "/mgd"  # where the simulator core mounts the blueprint (PORTAL.url_prefix)
# Templates live under templates/mgd/ so that their names cannot clash with another portal's.
bp = Blueprint("mgd", __name__, template_folder="templates", static_folder="static")


def signed_in_user() -> User | None:
    user_id = session.get("mgd_user")
    return None if user_id is None else get_session().get(User, user_id)


@bp.context_processor
def _layout_context() -> dict[str, Any]:
    # `defect(name)`: a template asks where its markup differs (the accessibility defects).
    return {"signed_in_user": signed_in_user(), "texts": texts, "defect": defects.enabled}


# The views register their routes on bp; the portal is complete only once they are imported.
from documents.telefonica_mi_gestion_digital.simulator import (  # noqa: E402
    access,  # noqa: F401
    chat,  # noqa: F401
    completion,  # noqa: F401
    dataset,
    events,
    forgot,  # noqa: F401
    mi_area,  # noqa: F401
    registration,  # noqa: F401
)
from documents.telefonica_mi_gestion_digital.simulator.defect_catalogue import DEFECTS  # noqa: E402
from simulator.portals import PortalSpec  # noqa: E402

PORTAL = PortalSpec(
    document="telefonica-mi-gestion-digital",
    title=texts.PORTAL_NAME,
    blueprint=bp,
    url_prefix=URL_PREFIX,
    defects=DEFECTS,
    load_data_set=dataset.load,
    default_fixtures=Path(__file__).resolve().parent.parent / "reference" / "dataset.json",
    events=events.EVENTS,
)
