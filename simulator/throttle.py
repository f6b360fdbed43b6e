"""Password-attempt throttling with backoff, per address and per account, that a stranger cannot turn
against the account's owner.

Failures are counted under keys. Past a key's free failures, every further attempt waits: the first
wait doubles with each failure up to a ceiling, counted from the last failure; failures older than the
window are forgotten. The account's count is kept apart for browsers that signed in to it before (a
device cookie, as OWASP advises): a stranger's guesses hold back strangers, not the owner's browser.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from flask import Response, after_this_request, current_app, request
from sqlalchemy import delete, func, select

from simulator import clock
from simulator.db import get_session
from simulator.models import ThrottleEvent, TrustedDevice

DEVICE_COOKIE = "simulator_device"
DEVICE_LIFETIME = timedelta(days=180)


@dataclass(frozen=True)
class Limit:
    free: int  # failures allowed before any wait
    first_wait: timedelta
    longest_wait: timedelta
    window: timedelta  # failures older than this are forgotten

    def wait(self, failures: int) -> timedelta:
        """How long to wait after the last of `failures` before the next attempt."""
        if failures < self.free:
            return timedelta(0)
        doublings: int = min(failures - self.free, 16)
        return min(self.first_wait * (1 << doublings), self.longest_wait)


# An account (or one browser of it) gets 5 free tries; an address, shared by many people behind one
# gateway, gets more before it waits.
PER_ACCOUNT = Limit(5, timedelta(seconds=30), timedelta(minutes=15), timedelta(hours=1))
PER_ADDRESS = Limit(20, timedelta(seconds=30), timedelta(minutes=15), timedelta(hours=1))


def wait_left(keys: Iterable[tuple[str, Limit]]) -> timedelta:
    """The longest wait any key still imposes now (zero: the attempt may go ahead)."""
    db, now = get_session(), clock.now()
    longest = timedelta(0)
    for key, limit in keys:
        count, last = db.execute(
            select(func.count(), func.max(ThrottleEvent.at)).where(
                ThrottleEvent.key == key, ThrottleEvent.at > now - limit.window
            )
        ).one()
        if last is not None:
            longest = max(longest, last + limit.wait(count) - now)
    return longest


def record_failure(keys: Iterable[str]) -> None:
    db, now = get_session(), clock.now()
    db.add_all(ThrottleEvent(key=key, at=now) for key in keys)


def forget(key: str) -> None:
    get_session().execute(delete(ThrottleEvent).where(ThrottleEvent.key == key))


@dataclass(frozen=True)
class PasswordGuard:
    """The keys one password attempt for `account` (a portal-qualified username) is counted under."""

    account_key: str
    address_key: str

    @classmethod
    def for_account(cls, account: str) -> PasswordGuard:
        device = _device_token()
        trusted = device is not None and (
            get_session().scalar(
                select(TrustedDevice.id).where(
                    TrustedDevice.token == device,
                    TrustedDevice.account == account,
                    TrustedDevice.created_at > clock.now() - DEVICE_LIFETIME,
                )
            )
            is not None
        )
        # Hashed: the account is whatever was typed as a username, of any length.
        named = hashlib.sha256(account.encode()).hexdigest()
        account_key = f"password-device:{device}:{named}" if trusted else f"password-account:{named}"
        return cls(account_key, f"password-address:{request.remote_addr}")

    def wait(self) -> timedelta:
        return wait_left(((self.account_key, PER_ACCOUNT), (self.address_key, PER_ADDRESS)))

    def failed(self) -> None:
        record_failure((self.account_key, self.address_key))

    def succeeded(self) -> None:
        """The account's count starts over; the address's does not (one good login must not clear it)."""
        forget(self.account_key)


def trust_this_device(account: str) -> None:
    """After a complete sign-in: this browser's later password failures count apart from strangers'."""
    token = _device_token() or secrets.token_urlsafe(32)
    db = get_session()
    known = db.scalar(
        select(TrustedDevice.id).where(TrustedDevice.token == token, TrustedDevice.account == account)
    )
    if known is None:
        db.add(TrustedDevice(token=token, account=account, created_at=clock.now()))

    @after_this_request
    def _set_cookie(response: Response) -> Response:
        interface = current_app.session_interface
        response.set_cookie(
            DEVICE_COOKIE,
            token,
            max_age=int(DEVICE_LIFETIME.total_seconds()),
            httponly=True,
            samesite="Lax",
            secure=interface.get_cookie_secure(current_app),
            path=interface.get_cookie_path(current_app),
        )
        return response


def _device_token() -> str | None:
    token = request.cookies.get(DEVICE_COOKIE, "")
    # A token is ours only if it looks like one: anything else is ignored, not looked up.
    return token if 20 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum() else None
