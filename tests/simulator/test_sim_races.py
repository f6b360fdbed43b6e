"""Limits and registration steps under concurrency: real threads against a real server on 127.0.0.1.

Each test runs on a SQLite file and on PostgreSQL (a throwaway cluster, skipped with the reason where
none can be started). The requests of one test are bounded (at most 25) and nothing is timed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from documents.tim_convenzione_mobile6.simulator import texts
from documents.tim_convenzione_mobile6.simulator.models import User
from simulator import create_app, db, fixtures, security
from simulator.db import get_database
from simulator.server import start_in_thread
from tests.simulator.race_client import (
    ACTIVE_NUMBER,
    DATA,
    PERSON,
    REGISTRATION,
    STEP1_FIELDS,
    STEP2_FIELDS,
    STEP3_FIELDS,
    Served,
    Visitor,
    all_at_once,
    code_in,
    errors_of,
    otp_fields,
    page_of,
    role,
    sim_of,
    walk_to,
)
from tests.simulator.sim_client import TEST_CONFIG

# One worker runs them all: the PostgreSQL cluster is started once per test session.
pytestmark = pytest.mark.xdist_group("database-races")


@pytest.fixture(params=["sqlite", "postgresql"])
def races_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'races.sqlite3'}"  # a file: the in-memory database serialises
    url: str = request.getfixturevalue("postgres_database_url")
    return url


@pytest.fixture
def served(races_database_url: str) -> Iterator[Served]:
    app = create_app({**TEST_CONFIG, "DATABASE_URL": races_database_url})
    # The PostgreSQL database outlives a test (one cluster per session) and a start keeps what a
    # database holds: each test starts from the data set alone, as a control reset gives it.
    fixtures.reload(app)
    base, stop = start_in_thread(app)
    try:
        yield Served(app, base)
    finally:
        stop()
        get_database(app).engine.dispose()


@pytest.fixture
def visitor(served: Served) -> Iterator[Visitor]:
    one = Visitor(served.base)
    yield one
    one.close()


# --- one-time codes: attempts and sending limits ----------------------------------------------


def test_parallel_wrong_codes_get_at_most_five_verdicts_and_the_right_code_is_refused_after(
    served: Served, visitor: Visitor
) -> None:
    walk_to(visitor, served, "otp")
    right = code_in(served.sms_to(ACTIVE_NUMBER)[-1])
    wrong = "ZZZ ZZZ"
    assert wrong != right

    answers = visitor.post_at_once(REGISTRATION, otp_fields(wrong), 25)

    assert {a.status_code for a in answers} == {200}
    verdicts = Counter(kind for a in answers for kind in errors_of(a))
    # The 1st to 4th failures say "wrong", the 5th locks the code, every later attempt is refused unseen.
    assert verdicts == {
        texts.OTP_WRONG.kind: security.OTP_MAX_FAILURES - 1,
        texts.OTP_LOCKED.kind: 25 - (security.OTP_MAX_FAILURES - 1),
    }
    after = visitor.post(REGISTRATION, otp_fields(right))
    assert (page_of(after), errors_of(after)) == ("registration-otp", [texts.OTP_LOCKED.kind])


def test_parallel_sign_ins_send_at_most_the_hourly_limit_of_codes(served: Served) -> None:
    user = role("user")
    visitors = [Visitor(served.base) for _ in range(12)]
    try:
        for one in visitors:
            one.get("/cm6/login")
        credentials = {"fase": "credenziali", "username": user["username"], "password": user["password"]}
        answers = all_at_once(
            12, lambda i: visitors[i].post("/cm6/login", {**credentials, "azione": "accedi"})
        )
    finally:
        for one in visitors:
            one.close()

    assert {a.status_code for a in answers} == {200}
    outcomes = Counter(page_of(a) if not errors_of(a) else errors_of(a)[0] for a in answers)
    sent = security.OTP_MAX_ISSUED
    assert outcomes == {"login-otp": sent, texts.TOO_MANY_CODES.kind: 12 - sent}
    assert len(served.sms_to(sim_of(user))) == sent


def test_parallel_registrations_on_one_line_send_at_most_the_hourly_limit_of_codes(served: Served) -> None:
    visitors = [Visitor(served.base) for _ in range(12)]
    try:
        for one in visitors:
            walk_to(one, served, "step2")
        answers = all_at_once(12, lambda i: visitors[i].post(REGISTRATION, STEP2_FIELDS))
    finally:
        for one in visitors:
            one.close()

    assert {a.status_code for a in answers} == {200}
    outcomes = Counter(page_of(a) if not errors_of(a) else errors_of(a)[0] for a in answers)
    sent = security.OTP_MAX_ISSUED
    assert outcomes == {"registration-otp": sent, texts.TOO_MANY_CODES.kind: 12 - sent}
    assert len(served.sms_to(ACTIVE_NUMBER)) == sent


# --- double submission of each registration step ----------------------------------------------

# step submitted -> the page the browser shows afterwards
NEXT_PAGE = {
    "step1": "registration-step2",
    "step2": "registration-otp",
    "otp": "registration-step3",
    "step3": "registration-success",
}


@pytest.mark.parametrize("step", list(NEXT_PAGE))
def test_four_submissions_of_a_registration_step_at_once_have_one_outcome(
    served: Served, visitor: Visitor, step: str
) -> None:
    walk_to(visitor, served, step)
    sms_before = len(served.sms_to(ACTIVE_NUMBER))
    fields = {
        "step1": STEP1_FIELDS,
        "step2": STEP2_FIELDS,
        "otp": otp_fields(code_in(served.sms_to(ACTIVE_NUMBER)[-1])) if step == "otp" else {},
        "step3": STEP3_FIELDS,
    }[step]

    answers = visitor.post_at_once(REGISTRATION, fields, 4)

    # Each answer sends the browser to the registration, which shows the one current step.
    assert [(a.status_code, a.headers.get("location")) for a in answers] == [(303, REGISTRATION)] * 4
    shown = visitor.get(REGISTRATION)
    assert (shown.status_code, page_of(shown), errors_of(shown)) == (200, NEXT_PAGE[step], [])
    sms_sent = len(served.sms_to(ACTIVE_NUMBER)) - sms_before
    assert sms_sent == (1 if step == "step2" else 0)
    if step == "step3":
        assert served.count(User, User.username == STEP3_FIELDS["username"]) == 1
        assert len(served.outbox("email", PERSON["email"])) == 1


DECLARED_NUMBER = str(role("declared_sim")["number"])  # a line that may register too


@pytest.mark.parametrize(
    ("numbers", "usernames", "refusal"),
    [
        ((ACTIVE_NUMBER, ACTIVE_NUMBER), ("gara2024", "corsa2024"), texts.LINE_ALREADY_REGISTERED.kind),
        ((ACTIVE_NUMBER, DECLARED_NUMBER), ("gara2024", "GARA2024"), texts.USERNAME_TAKEN.kind),
    ],
    ids=["same line", "same username"],
)
def test_two_registrations_finishing_at_once_cannot_both_take_a_line_or_a_username(
    served: Served, numbers: tuple[str, str], usernames: tuple[str, str], refusal: str
) -> None:
    visitors = [Visitor(served.base) for _ in range(2)]
    try:
        for one, number in zip(visitors, numbers, strict=True):
            walk_to(one, served, "step3", number)
        answers = all_at_once(
            2, lambda i: visitors[i].post(REGISTRATION, {**STEP3_FIELDS, "username": usernames[i]})
        )
    finally:
        for one in visitors:
            one.close()

    shown = sorted((a.status_code, page_of(a), tuple(errors_of(a))) for a in answers)
    assert shown == [(200, "registration-failure", (refusal,)), (200, "registration-success", ())]
    assert served.count(User) == len(DATA["users"]) + 1


# --- which databases ----------------------------------------------------------------------------


def test_a_postgresql_url_is_driven_by_psycopg_and_other_databases_are_refused() -> None:
    assert (
        db.database_url("postgresql://sim:pw@127.0.0.1:5432/sim")
        == "postgresql+psycopg://sim:pw@127.0.0.1:5432/sim"
    )
    assert db.database_url("sqlite:///x.sqlite3") == "sqlite:///x.sqlite3"
    with pytest.raises(ValueError, match=r"'mysql' is not supported \(use sqlite or postgresql\)"):
        create_app({**TEST_CONFIG, "DATABASE_URL": "mysql://sim@127.0.0.1/sim"})
