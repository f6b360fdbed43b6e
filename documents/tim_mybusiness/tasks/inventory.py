"""Consistenze: the mobile lines (aggregate, dettaglio), a holding's lines, the fixed lines and services."""

from __future__ import annotations

import re
from datetime import date

from portalcert.checks import expect

from ..actor import MybActor as Actor
from .common import require_page, row_with

STATUSES = ("attivo", "cessato", "congelato")
STATUS_ROLES = {"attivo": "active_line", "cessato": "ceased_line", "congelato": "frozen_line"}
KIND_ROLES = {
    "fonia": "fonia_line",
    "fonia e dati": "fonia_dati_line",
    "Rete Intelligente": "rete_intelligente_line",
}
KIND_LABELS = ("Fonia e Dati", "Rete Intelligente", "Fonia")  # longest first: "Fonia" is in "Fonia e Dati"
DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")

_MOBILE = ("common.menu_consistenze", "inventory.mobile")
_FIXED = ("common.menu_consistenze", "inventory.fixed")
# The guide's menu paths, page by page; a page map may give a page a `path` of its own.
ROUTES: dict[str, tuple[str, ...]] = {
    "aggregate_lines": (*_MOBILE, "mobile_inventory.aggregate", "mobile_aggregate.lines"),
    "detail_lines": (*_MOBILE, "mobile_inventory.detail", "mobile_detail.lines"),
    "per_sede": (*_FIXED, "fixed_inventory.per_sede"),
    "per_servizio": (*_FIXED, "fixed_inventory.per_servizio"),
}
ROWS = {
    "aggregate_lines": "line_rows",
    "detail_lines": "line_rows",
    "per_sede": "fixed_lines",
    "per_servizio": "service_rows",
}


def open_section(actor: Actor, page: str) -> None:
    actor.portal.go_to(page, route=ROUTES[page])
    require_page(actor, page, f"reach {page} by the menu")


def _rows(actor: Actor, page: str) -> list[str]:
    return actor.portal.read_all(page, ROWS[page])


def _italian(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y")


def expect_listed_as(actor: Actor, status: str, listed_as: str) -> None:
    line = actor.data.line(STATUS_ROLES[status])
    row = row_with(_rows(actor, "aggregate_lines"), line.number)
    shown = [s for s in STATUSES if row and re.search(rf"\b{s}\b", row, re.IGNORECASE)]
    expect(
        shown == [listed_as],
        f"line {line.number} listed as {listed_as}",
        f"row {row!r}" if row else "the line not listed",
    )


def expect_dates(actor: Actor, status: str, *, ceased: bool) -> None:
    line = actor.data.line(STATUS_ROLES[status])
    row = row_with(_rows(actor, "detail_lines"), line.number)
    wanted = [_italian(line.activated_on)] + ([_italian(line.ceased_on)] if ceased and line.ceased_on else [])
    shown = DATE.findall(row or "")
    described = " and cessation " + wanted[1] if len(wanted) > 1 else " and no cessation date"
    expect(
        row is not None and shown == wanted,
        f"line {line.number} with activation {wanted[0]}{described}",
        f"row {row!r}" if row else "the line not listed",
    )


def expect_group_lines(actor: Actor) -> None:
    rows = _rows(actor, "aggregate_lines")
    missing = [
        f"{line.number} ({line.company_name})"
        for line in actor.data.lines("group_line")
        if row_with(rows, line.number) is None
    ]
    expect(not missing, "a line of every company of the group", f"missing {', '.join(missing)}")


def expect_no_outside_line(actor: Actor) -> None:
    line = actor.data.line("other_company_line")
    row = row_with(_rows(actor, "aggregate_lines"), line.number)
    expect(row is None, f"no line of {line.company_name}, outside the group", f"row {row!r}")


def expect_fixed_line(actor: Actor, kind: str, label: str) -> None:
    line = actor.data.fixed_line(KIND_ROLES[kind])
    row = row_with(_rows(actor, "per_sede"), line.number)
    shown = next((k for k in KIND_LABELS if row and k in row), None)
    section = row_with(actor.portal.read_all("per_sede", "sede_sections"), line.number)
    under = section is not None and section.lstrip().startswith(line.sede)
    expect(
        shown == label and under,
        f"line {line.number} under {line.sede} as {label}",
        f"row {row!r} in section {(section or '').strip()[:40]!r}" if row else "the line not listed",
    )


def expect_service(actor: Actor, *, active: bool) -> None:
    service = actor.data.service("active_fixed_service" if active else "ceased_fixed_service")
    row = row_with(_rows(actor, "per_servizio"), service.label)
    which, listed = ("active", "listed") if active else ("ceased", "not listed")
    wanted = f"the {which} service {service.label} {listed}"
    expect((row is not None) == active, wanted, f"row {row!r}" if row else "not listed")
