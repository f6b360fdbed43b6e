"""The TIM Impresa Semplice portal's defect switches: realistic bugs, each declaring the scenarios it changes.

`kills`: the scenarios it makes FAIL; `breaks`: those it leaves unjudgeable (their Given walks the path
the bug is on). tests/test_sensitivity.py holds every declaration to a measured run.
"""

from __future__ import annotations

from simulator.defects import Defect

from . import access, accessibility, security, user_admin

DEFECTS: tuple[Defect, ...] = (
    *access.DEFECTS,
    *user_admin.DEFECTS,
    *security.DEFECTS,
    *accessibility.DEFECTS,
)
