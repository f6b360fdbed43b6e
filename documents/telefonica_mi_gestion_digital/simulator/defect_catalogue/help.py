"""The help chat's icon and hours, and the layout for every device (MGD-18..20)."""

from __future__ import annotations

from simulator.defects import Defect

_CHAT = "MGD-19: The help chat on {moment} is {state}"
_WIDTH = "MGD-20: The {page} is laid out for the width of the visitor's device"

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "mgd_chat_icon_missing_on_access_page",
        "MGD-18",
        "the access page's template lost the chat's operator icon",
        kills=("MGD-18: The access page shows the help chat's operator icon",),
    ),
    Defect(
        "mgd_chat_icon_missing_on_mobile_step",
        "MGD-18",
        "the registration's step asking for a Telefónica mobile lost the chat's operator icon",
        kills=("MGD-18: The registration's steps show the help chat's operator icon",),
    ),
    Defect(
        "mgd_chat_icon_missing_on_forgot_page",
        "MGD-18",
        '"He olvidado mi contraseña" lost the chat\'s operator icon',
        kills=("MGD-18: The forgotten password page shows the help chat's operator icon",),
    ),
    Defect(
        "mgd_chat_open_on_saturday",
        "MGD-19",
        "the chat operates on Saturdays too",
        kills=(_CHAT.format(moment="Saturday at 12:00", state="closed"),),
    ),
    Defect(
        "mgd_chat_closes_at_19",
        "MGD-19",
        "the chat closes at 19:00 instead of 18:00",
        kills=(_CHAT.format(moment="Friday at 18:00", state="closed"),),
    ),
    Defect(
        "mgd_chat_closes_at_17",
        "MGD-19",
        "the chat closes at 17:00 instead of 18:00",
        kills=(_CHAT.format(moment="Friday at 17:59", state="operating"),),
    ),
    Defect(
        "mgd_chat_opens_at_7",
        "MGD-19",
        "the chat opens at 7:00 instead of 8:00",
        kills=(_CHAT.format(moment="Monday at 07:59", state="closed"),),
    ),
    Defect(
        "mgd_chat_opens_at_9",
        "MGD-19",
        "the chat opens at 9:00 instead of 8:00",
        kills=(_CHAT.format(moment="Monday at 08:00", state="operating"),),
    ),
    Defect(
        "mgd_fixed_desktop_layout",
        "MGD-20",
        "the forgotten-password page is made for a 1600-pixel monitor"
        " (viewport width=1600, min-width 1600px)",
        kills=(_WIDTH.format(page="forgotten password page"),),
    ),
)
