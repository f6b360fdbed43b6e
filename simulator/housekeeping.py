"""Purge what has expired (dead sessions, old captchas, forgotten failures), now and then, per process.

A served simulator keeps its database across restarts, so nothing else would ever remove these rows.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from flask import Flask, current_app
from sqlalchemy import delete
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from simulator import captcha, clock, security, throttle
from simulator.db import get_database
from simulator.models import CaptchaChallenge, ThrottleEvent, TrustedDevice, WebSession

_EXTENSION = "simulator.housekeeping"
INTERVAL = timedelta(minutes=1)
# A dead session is kept until the codes it was sent have left the SMS budget window: its codes go
# with it (foreign key cascade), and a budget must not be refilled by purging.
SESSION_RETENTION = max(security.SESSION_IDLE_LIFETIME, security.OTP_ISSUE_WINDOW)
FAILURE_RETENTION = max(throttle.PER_ACCOUNT.window, throttle.PER_ADDRESS.window)


class _LastPurge:
    def __init__(self) -> None:
        self.at: datetime | None = None
        self.lock = threading.Lock()

    def due(self, now: datetime) -> bool:
        """True once per INTERVAL (of the simulated clock): this caller purges."""
        with self.lock:
            if self.at is not None and self.at <= now < self.at + INTERVAL:
                return False
            self.at = now
            return True


def init_housekeeping(app: Flask) -> None:
    app.extensions[_EXTENSION] = _LastPurge()
    app.teardown_request(purge_now_and_then)


def purge_now_and_then(error: BaseException | None = None) -> None:
    """teardown_request hook: purge at most once per INTERVAL, once the request has committed.

    Not before the request: a POST holds the database's write lock from its start (the session row is
    locked first, see security), and a purge in a session of its own would wait for it until timeout.
    A purge that meets another writer's lock is simply left to a later request.
    """
    if error is not None:
        return  # its transaction may still hold the write lock until the session closes
    now = clock.now()
    last: _LastPurge = current_app.extensions[_EXTENSION]
    if last.due(now):
        try:
            purge(now)
        except OperationalError:
            last.at = None  # busy: the next request tries again


def purge(now: datetime) -> None:
    """In a session of its own: the request's would hold an in-memory database until the request ends
    (the control API's outbox wait lasts seconds)."""
    with get_database().session() as db:
        _delete_expired(db, now)
        db.commit()


def _delete_expired(db: Session, now: datetime) -> None:
    db.execute(delete(WebSession).where(WebSession.last_seen_at < now - SESSION_RETENTION))
    db.execute(delete(CaptchaChallenge).where(CaptchaChallenge.created_at < now - captcha.LIFETIME))
    db.execute(delete(ThrottleEvent).where(ThrottleEvent.at < now - FAILURE_RETENTION))
    db.execute(delete(TrustedDevice).where(TrustedDevice.created_at < now - throttle.DEVICE_LIFETIME))
