"""The CM6 portal's defect switches: realistic bugs, each declaring the scenarios it changes.

See docs/simulator.md ("Defect catalogue"); the code asks `simulator.defects.enabled(name)` where the
behaviour differs. `kills`: the scenarios it makes FAIL; `breaks`: those it leaves unjudgeable, for a bug
on the happy path that their Given walks. tests/test_sensitivity.py holds every declaration to a
measured run.
"""

from __future__ import annotations

from simulator.defects import Defect

from . import accessibility, completion, identification, public, security, signing_in

DEFECTS: tuple[Defect, ...] = (
    *public.DEFECTS,
    *identification.DEFECTS,
    *completion.DEFECTS,
    *signing_in.DEFECTS,
    *security.DEFECTS,
    *accessibility.DEFECTS,
)
