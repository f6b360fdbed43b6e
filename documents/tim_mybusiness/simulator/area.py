"""The Area Clienti: home with the profile's services, consumption, invoices, mobile lines' services."""

from __future__ import annotations

from flask import render_template
from sqlalchemy import select

from documents.tim_mybusiness.simulator import access, bp, texts
from documents.tim_mybusiness.simulator.guard import Answer, function_page, not_found
from documents.tim_mybusiness.simulator.models import Company, Invoice, Line, User
from documents.tim_mybusiness.simulator.scope import visible_companies
from simulator import defects
from simulator.db import get_session


@bp.get("/area-clienti")
@function_page("")
def home(user: User) -> Answer:
    company = get_session().get(Company, user.company_id)
    return render_template("myb/home.html", user=user, company=company, services=access.listed(user))


def _own_line(user: User) -> Line | None:
    db = get_session()
    if defects.enabled("consumption_shows_first_company_line"):
        # The bug: the page takes the company's first line instead of the user's.
        return db.scalar(select(Line).where(Line.company_id == user.company_id).order_by(Line.id))
    return None if user.line_id is None else db.get(Line, user.line_id)


@bp.get("/area-clienti/consumi")
@function_page("consumi")
def consumption(user: User) -> Answer:
    line = _own_line(user)
    if line is None:
        return render_template("myb/consumption.html", line=None, notice=texts.NO_BUSINESS_LINE)
    return render_template("myb/consumption.html", line=line)


@bp.get("/area-clienti/consumi/<line_id>")
@function_page("consumi")
def line_consumption(user: User, line_id: str) -> Answer:
    line = get_session().get(Line, line_id)
    if line is None or line.company_id != user.company_id:
        return not_found()
    sees_company_lines = "servizi_mobili" in access.functions_of(user)
    if (
        line.id != user.line_id
        and not sees_company_lines
        and not defects.enabled("consumption_of_other_lines_unchecked")
    ):
        return render_template("myb/denied.html", error=texts.LINE_NOT_YOURS), 403
    return render_template("myb/consumption.html", line=line)


@bp.get("/area-clienti/fatture")
@function_page("fatture")
def invoices(user: User) -> Answer:
    query = select(Invoice).where(Invoice.company_id.in_(visible_companies(user))).order_by(Invoice.issued_on)
    return render_template("myb/invoices.html", invoices=get_session().scalars(query).all())


@bp.get("/area-clienti/fatture/<invoice_id>")
@function_page("fatture")
def invoice(user: User, invoice_id: str) -> Answer:
    found = get_session().get(Invoice, invoice_id)
    mine = found is not None and found.company_id in visible_companies(user)
    if found is None or not (mine or defects.enabled("invoice_detail_other_company")):
        return not_found()
    return render_template("myb/invoice.html", invoice=found)


@bp.get("/area-clienti/servizi-mobili")
@function_page("servizi_mobili")
def mobile_services(user: User) -> Answer:
    query = (
        select(Line).where(Line.company_id == user.company_id, Line.status == "attivo").order_by(Line.number)
    )
    return render_template("myb/mobile_services.html", lines=get_session().scalars(query).all())
