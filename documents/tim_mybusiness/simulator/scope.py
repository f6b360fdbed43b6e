"""Which companies' data a user sees: their own, or for a holding referent every company of their groups."""

from __future__ import annotations

from sqlalchemy import select

from documents.tim_mybusiness.simulator.models import Company, User
from simulator import defects
from simulator.db import get_session


def visible_companies(user: User) -> list[str]:
    if user.profile != "holding":
        return [user.company_id]
    if defects.enabled("holding_limited_to_own_company"):
        return [user.company_id]
    query = select(Company.id).order_by(Company.id)
    if not defects.enabled("holding_group_filter_ignored"):
        query = query.where(Company.group_id.in_(user.groups))
    return list(get_session().scalars(query))
