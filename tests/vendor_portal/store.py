"""The portal's state, in memory: the accounts of accounts.json, new registrations, pending codes, a clock.

One `Store` per app. `reset()` (the QA API) reloads accounts.json and puts the clock back; without a
reset nothing is ever forgotten, as on a production portal.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from werkzeug.security import check_password_hash, generate_password_hash

TEMPORARY_PASSWORD_DAYS = 5  # "effettuare il primo login entro 5 giorni"
RECOVERY_PASSWORD_HOURS = 24


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    codice_fiscale: str
    partita_iva: str | None  # a public body may have none
    conventions: tuple[str, ...]


@dataclass(frozen=True)
class Line:
    """A SIM: this portal knows only 'attiva' and 'cessata' (no 'dichiarata' state)."""

    number: str
    entity: str
    convention: str | None
    active: bool


@dataclass
class Person:
    first_name: str
    last_name: str
    fiscal_code: str
    email: str
    contact_mobile: str


@dataclass
class Account:
    username: str
    password_hash: str
    person: Person
    business_number: str
    temporary_since: datetime | None  # set while the password is the e-mailed temporary one
    recovery_hash: str = ""  # a recovery password, valid beside the own one until recovery_until
    recovery_until: datetime | None = None


@dataclass
class Flow:
    """What one browser session is in the middle of (registration or sign-in)."""

    entity: str = ""
    person: Person | None = None
    business_number: str = ""
    code: str = ""
    code_until: datetime | None = None
    step: int = 1  # registration: the furthest page reached (entity, person, code, username, outcome)
    captcha: str = ""
    outcome: str = ""  # registration step 4: "ok" or the kind of refusal
    username: str = ""  # sign-in: credentials checked, waiting for the SMS code
    wrong_codes: int = 0
    must_change_password: bool = False


@dataclass
class Store:
    accounts_file: Path
    hash_method: str
    entities: dict[str, Entity] = field(default_factory=dict)
    lines: dict[str, Line] = field(default_factory=dict)  # by number
    accounts: dict[str, Account] = field(default_factory=dict)  # by lowercase username
    flows: dict[str, Flow] = field(default_factory=dict)  # by session id
    offset: timedelta = timedelta()
    lock: threading.RLock = field(default_factory=threading.RLock)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, seconds: float) -> None:
        with self.lock:
            self.offset += timedelta(seconds=seconds)

    def reset(self) -> None:
        data = json.loads(self.accounts_file.read_text(encoding="utf-8"))
        with self.lock:
            self.offset = timedelta()
            self.flows.clear()
            self.entities = {e["id"]: _entity(e) for e in data["entities"]}
            self.lines = {s["number"]: _line(s) for s in data["sims"]}
            by_id = {s["id"]: s["number"] for s in data["sims"]}
            started = self.now()
            self.accounts = {}
            for record in data["users"]:
                account = self._account(record, by_id[record["business_sim"]], started)
                self.accounts[account.username.lower()] = account

    def _account(self, record: dict[str, Any], number: str, started: datetime) -> Account:
        since = None
        if record.get("password_is_temporary"):
            sent = record.get("temporary_password_sent_at")
            since = datetime.fromisoformat(sent) if sent else started
        return Account(
            record["username"],
            self.hash(record["password"]),
            Person(
                record["first_name"],
                record["last_name"],
                record["personal_fiscal_code"],
                record["email"],
                record["contact_mobile"],
            ),
            number,
            since,
        )

    def hash(self, password: str) -> str:
        return generate_password_hash(password, method=self.hash_method)

    def flow(self, session_id: str) -> Flow:
        with self.lock:
            return self.flows.setdefault(session_id, Flow())

    def end_flow(self, session_id: str) -> None:
        with self.lock:
            self.flows.pop(session_id, None)

    def holder_of(self, number: str) -> Account | None:
        return next((a for a in self.accounts.values() if a.business_number == number), None)

    def which_password(self, account: Account, password: str) -> str:
        """ "own", "recovery" (a recovery password that has not expired) or "" (neither)."""
        if check_password_hash(account.password_hash, password):
            return "own"
        live = account.recovery_until is not None and self.now() < account.recovery_until
        if live and account.recovery_hash and check_password_hash(account.recovery_hash, password):
            return "recovery"
        return ""

    def temporary_expired(self, account: Account) -> bool:
        since = account.temporary_since
        return since is not None and self.now() > since + timedelta(days=TEMPORARY_PASSWORD_DAYS)

    def set_password(self, account: Account, password: str) -> None:
        with self.lock:
            account.password_hash = self.hash(password)
            account.temporary_since = None
            account.recovery_hash, account.recovery_until = "", None

    def set_recovery(self, account: Account, password: str) -> None:
        with self.lock:
            account.recovery_hash = self.hash(password)
            account.recovery_until = self.now() + timedelta(hours=RECOVERY_PASSWORD_HOURS)


def _entity(record: dict[str, Any]) -> Entity:
    return Entity(
        record["id"],
        record["name"],
        record["codice_fiscale"],
        record.get("partita_iva"),
        tuple(record.get("conventions") or ()),
    )


def _line(record: dict[str, Any]) -> Line:
    return Line(record["number"], record["entity"], record.get("convention"), record["status"] == "active")
