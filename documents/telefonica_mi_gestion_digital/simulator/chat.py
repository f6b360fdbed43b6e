"""The help chat behind the orange operator icon: operating Monday to Friday, 8:00 to 18:00, Spain's time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import render_template

from documents.telefonica_mi_gestion_digital.simulator import bp
from simulator import clock, defects

SPAIN = ZoneInfo("Europe/Madrid")
FRIDAY, SATURDAY = 4, 5


def chat_open(now: datetime) -> bool:
    local = now.astimezone(SPAIN)
    opens = 7 if defects.enabled("mgd_chat_opens_at_7") else 8
    if defects.enabled("mgd_chat_opens_at_9"):
        opens = 9
    closes = 17 if defects.enabled("mgd_chat_closes_at_17") else 18
    if defects.enabled("mgd_chat_closes_at_19"):
        closes = 19
    last_day = SATURDAY if defects.enabled("mgd_chat_open_on_saturday") else FRIDAY
    return local.weekday() <= last_day and opens <= local.hour < closes


@bp.get("/chat")
def chat() -> str:
    return render_template("mgd/chat.html", open=chat_open(clock.now()))
