"""Simulated clock: real UTC time plus an offset that the control API advances or sets.

Scenarios about expiry (temporary passwords, one-time codes) move this clock instead of waiting.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from flask import Flask, current_app

_EXTENSION = "simulator.clock"
# Far enough for any scenario, near enough that "now" stays a valid datetime.
MAX_OFFSET = timedelta(days=36500)


class Clock:
    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset

    @property
    def offset_seconds(self) -> float:
        with self._lock:
            return self._offset.total_seconds()

    def advance(self, delta: timedelta) -> None:
        """Move the clock by `delta`; ValueError (clock unchanged) if the offset would pass MAX_OFFSET."""
        with self._lock:
            if abs(self._offset + delta) > MAX_OFFSET:
                raise ValueError(f"the clock offset may not exceed {MAX_OFFSET.days} days")
            self._offset += delta

    def set(self, instant: datetime) -> None:
        """Make now `instant` (timezone-aware); ValueError (clock unchanged) if it is further than
        MAX_OFFSET from real time."""
        with self._lock:
            offset = instant - datetime.now(UTC)
            if abs(offset) > MAX_OFFSET:
                raise ValueError(f"the clock may be set at most {MAX_OFFSET.days} days from now")
            self._offset = offset

    def reset(self) -> None:
        with self._lock:
            self._offset = timedelta()


def init_clock(app: Flask) -> None:
    app.extensions[_EXTENSION] = Clock()


def get_clock(app: Flask | None = None) -> Clock:
    clock: Clock = (app or current_app).extensions[_EXTENSION]
    return clock


def now() -> datetime:
    """The simulated 'now' (timezone-aware UTC) of the current app."""
    return get_clock().now()
