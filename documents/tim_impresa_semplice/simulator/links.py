"""Links e-mailed to a user: signed, single use, expiring, absolute (url_for(_external=True)).

The URL carries a nonce signed with the app's secret key, so a guessed or altered link is refused
before the database is asked; the nonce's row says whose link it is, when it was issued (the
simulator's clock decides expiry) and whether it was used.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select, update

from documents.tim_impresa_semplice.simulator.models import AccessLink, WebUser
from simulator import clock, defects
from simulator.db import get_session

LINK_LIFETIME = timedelta(hours=48)
_ENDPOINTS = {"activation": "impresa.activation", "recovery": "impresa.recovery_link"}


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key or "", salt="tis-access-link")


def issue(user: WebUser, purpose: str) -> str:
    """A fresh absolute link for `user`; the user's earlier links for `purpose` stop working."""
    db = get_session()
    db.execute(
        update(AccessLink)
        .where(AccessLink.user_id == user.id, AccessLink.purpose == purpose)
        .values(used=True)
    )
    nonce = secrets.token_urlsafe(24)
    db.add(AccessLink(nonce=nonce, user_id=user.id, purpose=purpose, issued_at=clock.now(), used=False))
    db.flush()
    return url_for(_ENDPOINTS[purpose], token=_signer().dumps(nonce), _external=True)


def live(token: str, purpose: str) -> AccessLink | None:
    """The link's row when the token is genuine, unused and not expired; None otherwise."""
    try:
        nonce = _signer().loads(token)
    except BadSignature:
        return None
    if not isinstance(nonce, str):
        return None
    link = get_session().scalar(
        select(AccessLink).where(AccessLink.nonce == nonce, AccessLink.purpose == purpose)
    )
    if link is None or clock.now() - link.issued_at >= LINK_LIFETIME:
        return None
    if link.used and not defects.enabled("activation_link_reusable"):
        return None
    return link
