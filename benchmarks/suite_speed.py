"""How fast is the suite on the http engine, and how close to the floor of its own HTTP requests?

Runs the whole CM6 suite against the embedded simulator (in-process, like `make run`) a few times and
prints, per scenario (median over scenarios and runs):

- suite:  behave's wall time for the scenario (steps, tasks, engine, parsing, checks);
- floor:  the time spent inside the HTTP round trips of that very scenario, portal plus control API
          (reset, outbox), measured at the httpx transport: what any client making the same requests
          must spend at least;

and, as a check of that floor, the registration-and-first-sign-in flow of CM6-20 done by a plain
httpx script with regular expressions (no page map, no behave) against the same simulator.

Usage: python benchmarks/suite_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from documents.tim_convenzione_mobile6.testdata import TestData  # noqa: E402
from portalcert import hooks, runner, target  # noqa: E402
from portalcert import session as session_module  # noqa: E402
from portalcert.control import SimulatorClient  # noqa: E402
from portalcert.session import RunSettings  # noqa: E402

CM6 = "tim-convenzione-mobile-6"

_http_seconds = {"portal": 0.0, "control": 0.0}
_per_scenario: list[dict[str, Any]] = []


def _instrument() -> None:
    """Time every HTTP round trip at the transport, split into portal and control-API requests."""
    original = httpx.HTTPTransport.handle_request

    def timed(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        response = original(self, request)
        response.read()  # the body is part of the round trip
        kind = "control" if request.url.path.startswith("/_sim/") else "portal"
        _http_seconds[kind] += time.perf_counter() - started
        return response

    # a benchmark's own instrumentation of httpx; mypy rejects assigning to a method on purpose
    httpx.HTTPTransport.handle_request = timed  # type: ignore[method-assign]

    before, after = hooks.before_scenario, hooks.after_scenario

    def before_scenario(context: Any, scenario: Any) -> None:
        _http_seconds.update(portal=0.0, control=0.0)
        before(context, scenario)

    def after_scenario(context: Any, scenario: Any) -> None:
        after(context, scenario)
        _per_scenario.append({"name": scenario.name, "duration": scenario.duration, **_http_seconds})

    hooks.before_scenario, hooks.after_scenario = before_scenario, after_scenario


def run_suite() -> float:
    settings = RunSettings(
        target=target.load("simulator"), out_dir=Path(tempfile.mkdtemp(prefix="pc-bench-"))
    )
    started = time.perf_counter()
    result = runner.run(runner.RunRequest(settings, ("tim-convenzione-mobile-6",), progress=False))
    elapsed = time.perf_counter() - started
    failing = [rule.id for rule in result.rules() if rule.status.value not in ("PASS", "REVIEW")]
    if failing:
        raise SystemExit(
            f"the suite does not pass on the simulator ({failing}); timings would be meaningless"
        )
    return elapsed


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def _latest(control: SimulatorClient, channel: str, to: str, pattern: str) -> str:
    """The value `pattern` captures in the newest message to `to`."""
    body = control.messages(channel, to, wait=2)[-1].body
    match = re.search(pattern, body)
    assert match, f"no {pattern!r} in {body!r}"
    return match.group(1)


def plain_registration_and_sign_in() -> float:
    """CM6-20 by hand: the same requests as the suite's scenario, with httpx and regexes only."""
    tgt = target.load("simulator")
    live = session_module.start(RunSettings(target=tgt, out_dir=Path(tempfile.mkdtemp())))
    try:
        base, control = live.base_url, live.simulator
        assert control is not None
        data: TestData = tgt.binding(CM6).data
        entity, person, sim = data.entity("entity"), data.person("registrant"), data.sim("active_sim")
        timings = []
        for _ in range(20):
            started = time.perf_counter()
            control.reset()
            with httpx.Client(base_url=base, follow_redirects=True) as client:
                page = client.get("/cm6/registrazione").text
                page = client.post(
                    "/cm6/registrazione",
                    data={
                        "csrf_token": _csrf(page),
                        "step": "step1",
                        "tipo_identificativo": "cf",
                        "identificativo": entity.codice_fiscale,
                        "captcha": tgt.captcha_test_value,
                        "azione": "prosegui",
                    },
                ).text
                page = client.post(
                    "/cm6/registrazione",
                    data={
                        "csrf_token": _csrf(page),
                        "step": "step2",
                        "nome": person.first_name,
                        "cognome": person.last_name,
                        "cellulare": person.contact_mobile,
                        "codice_fiscale": person.personal_fiscal_code,
                        "email": person.email,
                        "numero_aziendale": sim.number,
                        "azione": "prosegui",
                    },
                ).text
                otp = _latest(control, "sms", sim.number, r"e': ([A-Z]+ [A-Z]+)")
                page = client.post(
                    "/cm6/registrazione",
                    data={"csrf_token": _csrf(page), "step": "otp", "otp": otp, "azione": "prosegui"},
                ).text
                page = client.post(
                    "/cm6/registrazione",
                    data={
                        "csrf_token": _csrf(page),
                        "step": "step3",
                        "username": "nuovoutente1",
                        "azione": "prosegui",
                    },
                ).text
                password = _latest(control, "email", person.email, r"è ([A-Za-z0-9]+);")
                page = client.get("/cm6/login").text
                page = client.post(
                    "/cm6/login",
                    data={
                        "csrf_token": _csrf(page),
                        "username": "nuovoutente1",
                        "password": password,
                        "azione": "accedi",
                    },
                ).text
                otp = _latest(control, "sms", sim.number, r"e': ([A-Z]+ [A-Z]+)")
                page = client.post(
                    "/cm6/login",
                    data={"csrf_token": _csrf(page), "fase": "otp", "otp": otp, "azione": "accedi"},
                ).text
                assert 'data-page="private-home"' in page, "the plain script did not reach the private area"
            timings.append(time.perf_counter() - started)
        return statistics.median(timings)
    finally:
        session_module.finish()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    _instrument()
    totals = [run_suite() for _ in range(args.runs)]
    durations = [s["duration"] for s in _per_scenario]
    floors = [s["portal"] + s["control"] for s in _per_scenario]
    portal = [s["portal"] for s in _per_scenario]
    cm6_20 = [s["duration"] for s in _per_scenario if "temporary password and can log in" in s["name"]]
    plain = plain_registration_and_sign_in()
    ms = 1000.0
    print(
        f"CM6 suite on the http engine, embedded simulator: {len(_per_scenario) // args.runs} scenarios, "
        f"{args.runs} runs"
    )
    print(f"  whole suite (median of runs)            {statistics.median(totals):7.2f} s")
    print(f"  median per scenario: suite              {statistics.median(durations) * ms:7.1f} ms")
    print(
        f"  median per scenario: floor (its HTTP)   {statistics.median(floors) * ms:7.1f} ms"
        f"   (portal requests alone {statistics.median(portal) * ms:.1f} ms)"
    )
    print(
        f"  harness overhead per scenario (median)  "
        f"{statistics.median(d - f for d, f in zip(durations, floors, strict=True)) * ms:7.1f} ms"
    )
    if cm6_20:
        print(
            f"  CM6-20 registration + first sign-in: suite {statistics.median(cm6_20) * ms:.1f} ms,"
            f" plain httpx script {plain * ms:.1f} ms"
        )


if __name__ == "__main__":
    main()
