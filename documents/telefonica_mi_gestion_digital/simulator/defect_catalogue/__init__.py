"""The Mi Gestión Digital portal's defect switches: realistic bugs, each declaring the scenarios it changes.

The code asks `simulator.defects.enabled(name)` where the behaviour differs. `kills`: the scenarios it
makes FAIL; `breaks`: those it leaves unjudgeable (a bug on a path their Given walks). Names start with
`mgd_`: defect names are global across portals. tests/test_sensitivity.py holds every declaration to a
measured run.
"""

from __future__ import annotations

from simulator.defects import Defect

from . import access, accessibility, help, mi_area, registration, security

DEFECTS: tuple[Defect, ...] = (
    *registration.DEFECTS,
    *mi_area.DEFECTS,
    *access.DEFECTS,
    *help.DEFECTS,
    *security.DEFECTS,
    *accessibility.DEFECTS,
)
