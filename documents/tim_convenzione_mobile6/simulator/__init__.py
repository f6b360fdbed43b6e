"""The Convenzione Mobile 6 portal (Italian), mounted by the simulator core at PORTAL.url_prefix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, session

from documents.tim_convenzione_mobile6.simulator import texts
from documents.tim_convenzione_mobile6.simulator.models import User
from simulator import defects
from simulator.db import get_session

# Templates live under templates/cm6/ so that their names cannot clash with another portal's.
bp = Blueprint("cm6", __name__, template_folder="templates", static_folder="static")
URL_PREFIX = "/cm6"  # where the simulator core mounts the blueprint (PORTAL.url_prefix)


def signed_in_user() -> User | None:
    user_id = session.get("user_id")
    return None if user_id is None else get_session().get(User, user_id)


# Public pages by the template they share (a real portal's bug hits a group of pages, not one).
_BAND_DEFECTS = {
    "entry": "bottom_band_missing_on_entry_pages",  # home, registration start, login
    "recovery": "bottom_band_missing_on_recovery_pages",
}


def bottom_band_shown(group: str) -> bool:
    """Asked by the public pages only, each for its group: the bottom band's defects."""
    return not defects.enabled(_BAND_DEFECTS[group])


@bp.context_processor
def _layout_context() -> dict[str, Any]:
    # `defect(name)`: a template asks where its markup differs (the accessibility defects).
    return {"signed_in_user": signed_in_user(), "texts": texts, "defect": defects.enabled}


# The views register their routes on bp; the portal is complete only once they are imported.
from documents.tim_convenzione_mobile6.simulator import (  # noqa: E402
    dataset,
    login,  # noqa: F401
    private,  # noqa: F401
    public,  # noqa: F401
    recovery,  # noqa: F401
    registration,  # noqa: F401
    security_bugs,  # noqa: F401
)
from documents.tim_convenzione_mobile6.simulator.defect_catalogue import DEFECTS  # noqa: E402
from simulator.portals import PortalSpec  # noqa: E402

PORTAL = PortalSpec(
    document="tim-convenzione-mobile-6",
    title=texts.PORTAL_NAME,
    blueprint=bp,
    url_prefix=URL_PREFIX,
    defects=DEFECTS,
    load_data_set=dataset.load,
    default_fixtures=Path(__file__).resolve().parent.parent / "reference" / "dataset.json",
)
