"""The help chat behind the orange operator icon: operating Monday to Friday, 8:00 to 18:00, Spain's time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import render_template

from documents.telefonica_mi_gestion_digital.simulator import bp
from simulator import clock, defects

SPAIN = ZoneInfo("Europe/Madrid")
FRIDAY, SATURDAY = 4, 5
OPENS, CLOSES = 8, 18  # "de 8 a 18h": from 8:00, until 18:00


def chat_open(now: datetime) -> bool:
    """Each bug is asked about only in the hour (or on the day) it changes."""
    local = now.astimezone(SPAIN)
    hour, day = local.hour, local.weekday()
    opens, closes, last_day = OPENS, CLOSES, FRIDAY
    if hour == OPENS - 1 and defects.enabled("mgd_chat_opens_at_7"):
        opens = OPENS - 1
    if hour == OPENS and defects.enabled("mgd_chat_opens_at_9"):
        opens = OPENS + 1
    if hour == CLOSES - 1 and defects.enabled("mgd_chat_closes_at_17"):
        closes = CLOSES - 1
    if hour == CLOSES and defects.enabled("mgd_chat_closes_at_19"):
        closes = CLOSES + 1
    if day == SATURDAY and defects.enabled("mgd_chat_open_on_saturday"):
        last_day = SATURDAY
    return day <= last_day and opens <= hour < closes


@bp.get("/chat")
def chat() -> str:
    return render_template("mgd/chat.html", open=chat_open(clock.now()))
