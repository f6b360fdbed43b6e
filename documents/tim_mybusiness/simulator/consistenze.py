"""Consistenze: Telefonia Mobile (aggregate, dettaglio > Linee), Telefonia fissa (per Sede, per Servizio)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import render_template
from sqlalchemy import select

from documents.tim_mybusiness.simulator import access, bp, texts
from documents.tim_mybusiness.simulator.guard import Answer, function_page, not_found
from documents.tim_mybusiness.simulator.models import Company, FixedLine, FixedService, Line, Sede, User
from documents.tim_mybusiness.simulator.scope import visible_companies
from simulator import defects
from simulator.db import get_session

MOBILE = "/area-clienti/consistenze/telefonia-mobile"
FIXED = "/area-clienti/consistenze/telefonia-fissa"


@dataclass(frozen=True)
class ShownLine:
    number: str
    company: str
    tariff_profile: str
    status: str
    activated_on: date
    ceased_on: date | None
    id: str


def _company_lines(user: User) -> list[tuple[Line, str]]:
    db = get_session()
    query = (
        select(Line, Company.name)
        .join(Company, Company.id == Line.company_id)
        .where(Line.company_id.in_(visible_companies(user)))
        .order_by(Company.name, Line.number)
    )
    return [(line, name) for line, name in db.execute(query).tuples()]


@bp.get("/area-clienti/consistenze")
@function_page("")
def inventory(user: User) -> Answer:
    return render_template(
        "myb/inventory.html",
        mobile=access.may_open(user, "consistenze_mobile"),
        fixed=access.may_open(user, "consistenze_fissa"),
    )


@bp.get(MOBILE)
@function_page("consistenze_mobile")
def mobile_inventory(user: User) -> Answer:
    return render_template("myb/mobile_inventory.html")


@bp.get(f"{MOBILE}/aggregate")
@function_page("consistenze_mobile")
def mobile_aggregate(user: User) -> Answer:
    return render_template(
        "myb/tabs.html",
        page="mobile-aggregate",
        title="Consistenze aggregate",
        lines_url="myb.aggregate_lines",
    )


@bp.get(f"{MOBILE}/aggregate/linee")
@function_page("consistenze_mobile")
def aggregate_lines(user: User) -> Answer:
    labels = texts.LINE_STATUS_LABELS
    if defects.enabled("aggregate_statuses_untranslated"):
        labels = texts.UNTRANSLATED_STATUS_LABELS
    shown = []
    for line, company in _company_lines(user):
        status = line.status
        if status == "cessato" and defects.enabled("aggregate_omits_ceased"):
            continue
        if status == "congelato" and defects.enabled("aggregate_frozen_as_active"):
            status = "attivo"
        shown.append(
            ShownLine(
                line.number, company, line.tariff_profile, labels[status], line.activated_on, None, line.id
            )
        )
    return render_template("myb/aggregate_lines.html", lines=shown)


@bp.get(f"{MOBILE}/dettaglio")
@function_page("consistenze_mobile")
def mobile_detail(user: User) -> Answer:
    return render_template(
        "myb/tabs.html", page="mobile-detail", title="Consistenze dettaglio", lines_url="myb.detail_lines"
    )


def _planned_end(activated: date) -> date:
    """The end of a 24-month tariff commitment: not a cessation."""
    return activated.replace(year=activated.year + 2)


def _shown(line: Line, company: str) -> ShownLine:
    ceased = line.ceased_on
    if ceased is not None and defects.enabled("detail_without_cessation_date"):
        ceased = None
    elif ceased is None and defects.enabled("detail_shows_planned_end_for_active"):
        ceased = _planned_end(line.activated_on)
    return ShownLine(
        line.number, company, line.tariff_profile, line.status, line.activated_on, ceased, line.id
    )


@bp.get(f"{MOBILE}/dettaglio/linee")
@function_page("consistenze_mobile")
def detail_lines(user: User) -> Answer:
    lines = [_shown(line, company) for line, company in _company_lines(user)]
    return render_template("myb/detail_lines.html", lines=lines)


@bp.get(f"{MOBILE}/dettaglio/linee/<line_id>")
@function_page("consistenze_mobile")
def line_detail(user: User, line_id: str) -> Answer:
    db = get_session()
    line = db.get(Line, line_id)
    mine = line is not None and line.company_id in visible_companies(user)
    if line is None or not (mine or defects.enabled("line_detail_other_company")):
        return not_found()
    company = db.get(Company, line.company_id)
    return render_template("myb/line_detail.html", line=_shown(line, company.name if company else ""))


@bp.get(FIXED)
@function_page("consistenze_fissa")
def fixed_inventory(user: User) -> Answer:
    return render_template("myb/fixed_inventory.html")


@bp.get(f"{FIXED}/per-sede")
@function_page("consistenze_fissa")
def per_sede(user: User) -> Answer:
    db = get_session()
    sedi = db.scalars(select(Sede).where(Sede.company_id == user.company_id).order_by(Sede.id)).all()
    lines = db.scalars(
        select(FixedLine).where(FixedLine.company_id == user.company_id).order_by(FixedLine.number)
    ).all()
    grouped: dict[str, list[tuple[str, str]]] = {sede.id: [] for sede in sedi}
    for line in lines:
        kind = line.kind
        if kind == "rete_intelligente" and defects.enabled("per_sede_omits_rete_intelligente"):
            continue
        if kind == "fonia_dati" and defects.enabled("per_sede_fonia_dati_as_fonia"):
            kind = "fonia"
        sede = line.sede_id
        if sedi and defects.enabled("per_sede_lines_under_head_office"):
            sede = sedi[0].id
        grouped[sede].append((line.number, texts.FIXED_KIND_LABELS[kind]))
    return render_template("myb/per_sede.html", sedi=sedi, grouped=grouped)


@bp.get(f"{FIXED}/per-servizio")
@function_page("consistenze_fissa")
def per_servizio(user: User) -> Answer:
    query = (
        select(FixedService, FixedLine.number)
        .join(FixedLine, FixedLine.id == FixedService.line_id)
        .where(FixedService.company_id == user.company_id)
        .order_by(FixedService.name)
    )
    shows_ceased = defects.enabled("per_servizio_shows_ceased")
    services = [
        (service.name, number)
        for service, number in get_session().execute(query).tuples()
        if service.status == "attivo" or shows_ceased
    ]
    return render_template("myb/per_servizio.html", services=services)


@bp.app_template_filter("myb_date")
def italian_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")
