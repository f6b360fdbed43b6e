"""Every check can fail, measured: which scenarios each simulator defect changes.

One embedded simulator serves every run. A baseline run records, per scenario, its status, the
defect switches its requests consulted (the simulator's reach log, cleared by the reset before each
scenario) and the page-map entries it found. A defect can only change a scenario whose requests
consult its switch, so each defect re-runs just those scenarios, switch on: the cost is per scenario
reached, not per whole suite. Verdicts follow a real run's rules, locator verification included:
the entries the scenarios not re-run found in the baseline count as found, as they would in a whole
run with the defect on (their requests, and so their pages, are the same).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from portalcert import catalog, leases, registry, runner, session
from portalcert.collect import finalize, scenario_result
from portalcert.docspec import DocumentSpec
from portalcert.errors import ConfigError
from portalcert.locator_ledger import LocatorLedger
from portalcert.results import Status
from portalcert.runner import RunRequest
from portalcert.session import RunSettings, Session


@dataclass(frozen=True)
class Outcome:
    key: str  # "CM6-17: A username of 17 characters, letters, digits, is refused"
    unit: str  # the behave run it belongs to (runner.units): a document, or a profile on one
    location: str  # file:line, to run the scenario alone
    status: str
    message: str = ""
    reached: tuple[str, ...] = ()  # defect switches its requests consulted
    found: frozenset[str] = frozenset()  # page-map entries it found


@dataclass(frozen=True)
class DefectEffect:
    defect: str
    rule: str
    reached: tuple[str, ...]  # the scenarios re-run with the switch on
    changed: dict[str, Outcome]  # scenario key -> its outcome with the switch on, where the status moved

    @property
    def killed(self) -> list[str]:
        return sorted(key for key, outcome in self.changed.items() if outcome.status == Status.FAIL.value)


@dataclass
class Measurement:
    baseline: dict[str, Outcome]
    effects: list[DefectEffect] = field(default_factory=list)
    of: str = ""  # the profile whose defects alone were measured ("": every defect given)

    def automated(self) -> list[str]:
        """Scenarios that ran and passed on the faithful simulator: each must be killable (with `of`,
        that profile's only: the other scenarios' defects were not measured)."""
        prefix = f"{registry.get(self.of).rule_prefix}-" if self.of else ""
        return sorted(
            key
            for key, outcome in self.baseline.items()
            if outcome.status == Status.PASS.value and key.startswith(prefix)
        )

    def uncovered(self) -> list[str]:
        killed = {key for effect in self.effects for key in effect.killed}
        return [key for key in self.automated() if key not in killed]

    def as_json(self) -> dict[str, Any]:
        return {
            "scenarios": {key: o.status for key, o in sorted(self.baseline.items())},
            "defects": {
                e.defect: {
                    "rule": e.rule,
                    "reached": list(e.reached),
                    "changed": {
                        key: {"status": o.status, "message": o.message} for key, o in e.changed.items()
                    },
                }
                for e in self.effects
            },
            "uncovered": self.uncovered(),
        }


def scenario_key(rule_id: str, name: str) -> str:
    return f"{rule_id}: {name}"


def declared_key(key: str, portal: str) -> str:
    """A scenario a defect of `portal` (a document's id) declares, keyed as measured: a portal's
    defect can change a profile's scenarios only as judged on that portal's document."""
    rule_id, _, name = key.partition(": ")
    owner = next(
        (spec for spec in registry.all_documents().values() if rule_id.startswith(f"{spec.rule_prefix}-")),
        None,
    )
    on = registry.get(portal) if owner is not None and owner.profile else None
    return scenario_key(catalog.qualified(rule_id, on), name)


def defects_of(profile: DocumentSpec, defects: Iterable[Any]) -> list[Any]:
    """The defects meant to break a rule of `profile` (`defect.rule`, "A11Y-07"), whichever portal's."""
    return [defect for defect in defects if defect.rule.startswith(f"{profile.rule_prefix}-")]


def _outcomes(features: list[Any], live: Session, unit: str) -> dict[str, Outcome]:
    """Each scenario of one unit's run, judged as `collect` judges it (`live.ledger` holds the run's
    finds); a profile's keyed as judged on the unit's document ("SEC-01@CM6: ...")."""
    _, subject = catalog.split_unit(unit)
    on = registry.get(subject) if subject else None
    found: dict[str, Outcome] = {}
    for feature in features:
        for rule in feature.iter_rules():
            rule_id = catalog.qualified(catalog.rule_id_of([str(tag) for tag in rule.tags]) or "?", on)
            for scenario in rule.walk_scenarios():
                result = scenario_result(scenario, live, interrupted=False)
                if result.status is Status.NOT_COVERED:
                    continue  # not selected in this run
                notes = live.notes.get(str(scenario.location))
                locators = notes.locators if notes else None
                finalize(result, rule_id, locators)
                found[scenario_key(rule_id, scenario.name)] = Outcome(
                    key=scenario_key(rule_id, scenario.name),
                    unit=unit,
                    location=str(scenario.location),
                    status=result.status.value,
                    message=result.message,
                    reached=tuple(notes.reached) if notes else (),
                    found=frozenset(locators.matched) if locators else frozenset(),
                )
    return found


def _run(
    request: RunRequest,
    live: Session,
    paths: dict[str, list[str]] | None = None,
    seen: LocatorLedger | None = None,
) -> dict[str, Outcome]:
    """Run (the `paths` of) the documents; `seen`: what the rest of an emulated whole run found."""
    live.notes.clear()
    leases.forget_consumed(live.lease_dir)  # a run of its own: the simulator is reset per scenario
    live.ledger = LocatorLedger()
    if seen is not None:
        live.ledger.locators.update(seen.locators)
        live.ledger.matched |= seen.matched
    found: dict[str, Outcome] = {}

    def collect(unit: str, features: list[Any], interrupted: bool) -> None:
        found.update(_outcomes(features, live, unit))

    _, interrupted = runner.execute(request, paths=paths, on_unit=collect)
    if interrupted:
        raise KeyboardInterrupt
    return found


def _found_elsewhere(
    baseline: dict[str, Outcome], rerun: set[str], locators: dict[str, str]
) -> LocatorLedger:
    """The page-map entries the scenarios not re-run found in the baseline."""
    ledger = LocatorLedger()
    ledger.locators.update(locators)
    for key, outcome in baseline.items():
        if key not in rerun:
            ledger.matched |= outcome.found
    return ledger


def measure(
    settings: RunSettings, documents: tuple[str, ...], defects: Iterable[Any], *, of: str = ""
) -> Measurement:
    """Baseline, then each defect (`name`, `rule`) on the scenarios that reach its switch; `of`: the
    profile the defects were chosen for (defects_of), whose scenarios alone are re-run and must each
    be killed."""
    if not settings.target.embedded:
        raise ConfigError(
            str(settings.target.source), "base_url", "the measurement needs the embedded simulator"
        )
    request = RunRequest(settings, documents, progress=False, allure=False)
    live = session.start(settings)
    live.track_reach = True
    try:
        assert live.simulator is not None  # the embedded simulator always has its control API
        measurement = Measurement(_run(request, live), of=of)
        locators = dict(live.ledger.locators)
        # With `of`, a defect re-runs that profile's scenarios only: how the documents' scenarios take
        # the same defects is measured where the whole group is (`--coverage` without `of`, on http).
        prefix = f"{registry.get(of).rule_prefix}-" if of else ""
        for defect in defects:
            reached = sorted(
                k
                for k, o in measurement.baseline.items()
                if defect.name in o.reached and k.startswith(prefix)
            )
            paths: dict[str, list[str]] = {}
            for key in reached:
                outcome = measurement.baseline[key]
                paths.setdefault(outcome.unit, []).append(outcome.location)
            seen = _found_elsewhere(measurement.baseline, set(reached), locators)
            live.simulator.set_defects([defect.name])
            try:
                after = _run(request, live, paths, seen) if paths else {}
            finally:
                live.simulator.set_defects([])
            changed = {
                key: outcome
                for key, outcome in after.items()
                if outcome.status != measurement.baseline[key].status
            }
            measurement.effects.append(DefectEffect(defect.name, defect.rule, tuple(reached), changed))
        return measurement
    finally:
        session.finish()
