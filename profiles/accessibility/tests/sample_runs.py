"""A few accessibility defects of one portal through the browser, the run each document's sample test makes.

A whole measurement per document (every defect alone, `make sensitivity-browser`) takes many browser
runs; a sample switches two to four of its defects on together, in one run of their rules: each fails
exactly the scenarios it declares, naming what messages.py says, and axe-core's part of 2.1.1 passes
(the keyboard defect of the sample leaves the markup alone).
"""

from __future__ import annotations

from pathlib import Path

from portalcert.sensitivity import declared_key
from simulator import portals
from simulator.defects import catalogue
from tests.suite_runs import run_suite

from . import messages

PROFILE = "accessibility"
_AXE_SAMPLED = (("01", "1.1.1"), ("05", "1.4.3"), ("14", "4.1.2"))
AXE_KEYBOARD = "A11Y-07: The pages of the documented flows meet criterion 2.1.1"
# The defects the issue names, which every portal has: a picture without a text alternative (1.1.1), low
# contrast (1.4.3), a control only a mouse reaches and a field without a name (4.1.2).
SAMPLED = (
    *(f"A11Y-{rule}: The pages of the documented flows meet criterion {sc}" for rule, sc in _AXE_SAMPLED),
    f"A11Y-07: {messages.KEYBOARD}",
)


def sample_of(document: str) -> tuple[str, ...]:
    """The defects of `document`'s portal that kill one sampled scenario each, and nothing else."""
    portal = next(portal for portal in portals.discover() if portal.document == document)
    return tuple(d.name for d in portal.defects if len(d.kills) == 1 and d.kills[0] in SAMPLED)


def run_sample(folder: Path, document: str, switched_on: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Run the defects' rules on `document` with them switched on; assert each fails exactly what it
    declares, with the message it should have. The scenarios that ran: key -> (status, message)."""
    defects = [d for d in catalogue() if d.name in switched_on]
    assert len(defects) == len(switched_on), "test setup: a switch the catalogue does not have"
    switches = [argument for d in defects for argument in ("--defect", d.name)]
    tags = " or ".join(f"@rule:{rule}" for rule in sorted({d.rule for d in defects}))
    scope = ("--document", document, "--document", PROFILE)
    run = run_suite(folder, "--engine", "browser", *scope, "--tags", tags, *switches, timeout=900)
    ran = run.scenarios_run()
    killed = {declared_key(key, document): d.name for d in defects for key in d.kills}
    expected = {**dict.fromkeys(killed, "FAIL"), declared_key(AXE_KEYBOARD, document): "PASS"}
    assert {key: status for key, (status, _) in ran.items()} == expected, run.stderr[-3000:]
    for key, defect in killed.items():
        message = ran[key][1]
        for named in messages.expected_in(defect, key, document):
            assert named in message, f"{named!r} not in {message!r}"
    return ran
