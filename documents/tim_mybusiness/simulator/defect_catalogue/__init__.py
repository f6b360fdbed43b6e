"""The myBusiness portal's defect switches: realistic bugs, each declaring the scenarios it makes FAIL.

See docs/simulator.md ("Defect catalogue"); tests/test_sensitivity.py holds every declaration to a
measured run.
"""

from __future__ import annotations

from simulator.defects import Defect

from . import access, accessibility, inventory, matrix, profiles, security

DEFECTS: tuple[Defect, ...] = (
    *access.DEFECTS,
    *matrix.DEFECTS,
    *profiles.DEFECTS,
    *inventory.DEFECTS,
    *accessibility.DEFECTS,
    *security.DEFECTS,
)
