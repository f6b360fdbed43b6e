"""The help chat (its icon on every page, its hours) and the layout on each kind of device."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from portalcert.checks import PreconditionFailed, expect

from ..actor import MgdActor as Actor
from .common import describe_current, on_another_page, require_page

SPAIN = ZoneInfo("Europe/Madrid")
CHAT = "chat"
DAYS = {"Monday": 0, "Friday": 4, "Saturday": 5}
# What the document calls "todos los dispositivos", as Playwright's device descriptors.
DEVICES = {"phone": "iPhone 8", "tablet": "iPad (gen 7)", "desktop": "Desktop Chrome"}
# The forgotten-password page's controls, as (page, action or field) of the page map.
FORGOT_CONTROLS = (("forgot", "email"), ("forgot", "channel"), ("forgot", "continue"), (None, "chat"))


def open_page(actor: Actor, page: str) -> None:
    actor.portal.open(page)
    require_page(actor, page, f"open {page}")


def expect_chat_icon(actor: Actor) -> None:
    expect(actor.portal.offers(None, "chat"), "the help chat's operator icon", describe_current(actor))


def instant(moment: str, today: datetime | None = None) -> datetime:
    """'Friday at 17:59' of next week, in Spain's time (next week: every day named is ahead of now)."""
    day, _, clock_time = moment.partition(" at ")
    now = (today or datetime.now(SPAIN)).astimezone(SPAIN)
    next_monday = now.date() + timedelta(days=7 - now.weekday())
    date = next_monday + timedelta(days=DAYS[day])
    hours, minutes = (int(part) for part in clock_time.split(":"))
    return datetime.combine(date, time(hours, minutes), tzinfo=SPAIN)


def set_time(actor: Actor, moment: str) -> None:
    if actor.backoffice is None:
        raise PreconditionFailed("the target has no control API to set the clock")
    actor.backoffice.set_clock(instant(moment))


def open_chat(actor: Actor) -> None:
    actor.portal.open(CHAT)


def expect_chat(actor: Actor, operating: bool) -> None:
    portal = actor.portal
    if on_another_page(actor, CHAT) or not portal.arrives_on(CHAT):
        expect(False, "the help chat", describe_current(actor))
    shown = (portal.shows(CHAT, "operating"), portal.shows(CHAT, "closed"))
    words = {(True, False): "operating", (False, True): "closed (out of hours)"}
    expect(
        shown == (operating, not operating),
        f"the chat {words[operating, not operating]}",
        f"the chat {words.get(shown, 'neither clearly operating nor closed')}",
    )


def expect_device_width(actor: Actor) -> None:
    viewport = actor.portal.read(None, "viewport") or ""
    settings = {part.split("=")[0].strip(): part.partition("=")[2].strip() for part in viewport.split(",")}
    expect(
        settings.get("width") == "device-width",
        "a page that takes the device's width (viewport width=device-width)",
        f"viewport {viewport!r}"
        if viewport
        else "a page that declares no viewport (laid out at a desktop's width)",
    )


def use_device(actor: Actor, device: str) -> None:
    actor.portal.emulate(DEVICES[device])


def expect_no_sideways_scrolling(actor: Actor) -> None:
    content, screen = actor.portal.page_width()
    expect(
        content <= screen, f"a page at most as wide as the screen ({screen} px)", f"a page {content} px wide"
    )


def expect_controls_in_view(actor: Actor) -> None:
    outside = [name for page, name in FORGOT_CONTROLS if not actor.portal.in_view(page, name)]
    expect(
        not outside,
        "every documented control within the screen",
        f"outside it or hidden: {', '.join(outside)}",
    )
