"""A target file alone adapts the suite to a portal it has never seen (tests/independent_portal).

That portal has its own markup (no test ids), its own accounts, a JavaScript step, and sends
its SMS to portalcert's webhook sink and its e-mail to the SMTP sink. Through the browser engine
the rules in its scope pass, each misbehaviour fails exactly its rule, and the http engine calls
the JavaScript step BROKEN instead of judging a rule it could not exercise.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from portalcert.engines.browser_install import find

from .independent_portal.app import create_app, serve
from .suite_runs import SuiteRun, portalcert

TARGET = Path(__file__).resolve().parent / "independent_portal" / "target.yaml"
IN_SCOPE = ("CM6-23", "CM6-24", "CM6-25", "CM6-27", "CM6-28")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
]


@contextmanager
def acme_portal(out_dir: Path, *faults: str) -> Iterator[str]:
    """The portal on a free loopback port, delivering to the sinks the run announces in out_dir."""
    app = create_app(
        {
            "SINKS_FILE": str(out_dir / "sinks.json"),
            "FAULTS": faults,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # real hashing, cheap start
        }
    )
    url, stop = serve(app)
    try:
        yield url
    finally:
        stop()


def run_on_acme(out_dir: Path, *faults: str, engine: str = "browser", workers: int = 1) -> SuiteRun:
    out_dir.mkdir(parents=True, exist_ok=True)
    with acme_portal(out_dir, *faults) as url:
        done = portalcert(
            "run",
            "--target",
            str(TARGET),
            "--engine",
            engine,
            "--no-progress",
            "--out",
            str(out_dir),
            "--workers",
            str(workers),
            env={"ACME_PORTAL_URL": url},
            # No reset: what a run uses up is remembered under the working directory. Each test
            # starts a fresh portal, so each gets a fresh working directory too.
            cwd=out_dir,
        )
    return SuiteRun(done.returncode, done.stdout, done.stderr, out_dir)


def scoped(run: SuiteRun) -> dict[str, str]:
    return {rule: status for rule, status in run.rule_statuses().items() if rule in IN_SCOPE}


def test_the_rules_in_scope_pass_through_the_browser_in_two_workers(tmp_path: Path) -> None:
    # The portal delivers to one address: the parent's sinks, which both workers read through its relay,
    # each on accounts of its own (leases).
    run = run_on_acme(tmp_path, workers=2)
    statuses = run.rule_statuses()
    assert scoped(run) == dict.fromkeys(IN_SCOPE, "PASS"), run.stderr[-3000:]
    outside = {rule: status for rule, status in statuses.items() if rule not in IN_SCOPE}
    assert set(outside.values()) == {"NOT_APPLICABLE"}, "rules outside the scope are counted, never dropped"
    assert run.rule("CM6-20")["message"].startswith("outside the target's scope")
    assert run.exit_code == 0
    assert "SMS webhook sink: POST http://127.0.0.1:" in run.stderr
    assert "SMTP sink: 127.0.0.1:" in run.stderr
    assert not (tmp_path / "sinks.json").exists(), "the announcement goes when the sinks stop listening"


@pytest.mark.parametrize(
    ("fault", "rule"),
    [
        ("otp_to_contact_mobile", "CM6-24"),
        ("ceased_sim_accepted", "CM6-25"),
        ("username_recovery_wrong_username", "CM6-28"),
    ],
)
def test_a_misbehaving_portal_fails_exactly_that_rule(tmp_path: Path, fault: str, rule: str) -> None:
    run = run_on_acme(tmp_path, fault)
    expected = dict.fromkeys(IN_SCOPE, "PASS") | {rule: "FAIL"}
    assert scoped(run) == expected, run.stderr[-3000:]
    assert run.exit_code == 1
    failure = run.rule(rule)
    assert failure["message"].startswith(rule)
    assert "expected" in failure["message"] and "observed" in failure["message"]


def test_the_http_engine_reports_the_javascript_step_broken_not_failed(tmp_path: Path) -> None:
    run = run_on_acme(tmp_path, engine="http")
    statuses = scoped(run)
    assert statuses["CM6-24"] == "BROKEN", run.stderr[-3000:]
    assert "FAIL" not in statuses.values()
    broken = [s for s in run.rule("CM6-24")["scenarios"] if s["status"] == "BROKEN"]
    assert broken and all("needs JavaScript" in s["message"] for s in broken)
    assert run.exit_code == 3


def test_a_500_mid_flow_is_broken_with_evidence_and_the_run_goes_on(tmp_path: Path) -> None:
    run = run_on_acme(tmp_path, "server_error_on_verify_page")
    statuses = scoped(run)
    # Every rule with a scenario that reaches the code page is BROKEN, never FAIL; username recovery,
    # which never gets there, runs after them and passes.
    assert statuses == dict.fromkeys(IN_SCOPE, "BROKEN") | {"CM6-28": "PASS"}, run.stderr[-3000:]
    broken = next(s for s in run.rule("CM6-24")["scenarios"] if s["status"] == "BROKEN")
    assert "answered 500" in broken["message"]
    names = {Path(path).name for path in broken["evidence"]}
    assert {"page.html", "journal.txt", "screenshot.png", "trace.zip"} <= names
    for path in broken["evidence"]:
        assert (tmp_path / path).stat().st_size > 0
    assert run.exit_code == 3
