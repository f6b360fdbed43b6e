"""Looking up lines and what a company has contracted."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from sqlalchemy import select

from documents.telefonica_mi_gestion_digital.simulator.models import Line
from simulator.db import get_session

T = TypeVar("T")


def row(model: type[T], ident: Any) -> T | None:
    """The row with primary key `ident` (None when there is no id: a session that holds none)."""
    return None if ident is None else get_session().get(model, ident)


def normalise_number(typed: str) -> str:
    """'+34 612 34 56 78' -> '612345678': spaces, dashes and Spain's prefix are how people type them."""
    number = re.sub(r"[\s\-.()]", "", typed)
    return number[3:] if number.startswith("+34") else number


def line_of(number: str) -> Line | None:
    return get_session().scalar(select(Line).where(Line.number == number)) if number else None


def company_kinds(company_id: str) -> tuple[bool, bool]:
    """(has fixed lines, has mobile lines)."""
    kinds = set(get_session().scalars(select(Line.kind).where(Line.company_id == company_id)))
    return "fixed" in kinds, "mobile" in kinds
