"""The Telekom business self-service portal (Hungarian), mounted by the simulator core at /telekom-hu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, session

from documents.telekom_hu_business_login.simulator import texts
from documents.telekom_hu_business_login.simulator.models import BusinessUser, PhoneNumber
from simulator import defects
from simulator.db import get_session

# Templates live under templates/mth/ so that their names cannot clash with another portal's.
URL_PREFIX = "/telekom-hu"
bp = Blueprint("telekom_hu", __name__, template_folder="templates", static_folder="static")


def signed_in_user() -> BusinessUser | None:
    user_id = session.get("mth_user")
    return None if user_id is None else get_session().get(BusinessUser, user_id)


def signed_in_number() -> PhoneNumber | None:
    number_id = session.get("mth_number")
    return None if number_id is None else get_session().get(PhoneNumber, number_id)


@bp.context_processor
def _layout_context() -> dict[str, Any]:
    # `defect(name)`: a template asks where its markup differs (the accessibility defects).
    return {
        "signed_in_user": signed_in_user(),
        "signed_in_number": signed_in_number(),
        "texts": texts,
        "defect": defects.enabled,
    }


# The views register their routes on bp; the portal is complete only once they are imported.
from documents.telekom_hu_business_login.simulator import (  # noqa: E402
    admin,  # noqa: F401
    dataset,
    events,
    login,  # noqa: F401
    passwords,  # noqa: F401
    phone,  # noqa: F401
    private,  # noqa: F401
    public,  # noqa: F401
)
from documents.telekom_hu_business_login.simulator.defect_catalogue import DEFECTS  # noqa: E402
from simulator.portals import PortalSpec  # noqa: E402

PORTAL = PortalSpec(
    document="telekom-hu-business-login",
    title=texts.PORTAL_NAME,
    blueprint=bp,
    url_prefix=URL_PREFIX,
    defects=DEFECTS,
    load_data_set=dataset.load,
    default_fixtures=Path(__file__).resolve().parent.parent / "reference" / "dataset.json",
    events=events.EVENTS,
)
