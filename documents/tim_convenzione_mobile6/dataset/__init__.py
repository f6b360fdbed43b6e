"""CM6's data set: entities, SIMs, people and users by business role (see reference/README.md).

`portalcert fixtures generate --document tim-convenzione-mobile-6 --seed 6` writes the simulator's
reference set with :func:`generate`; :func:`validate` checks any set, a vendor's included.
"""

from __future__ import annotations

from .generate import SCHEMA, generate
from .validate import validate

__all__ = ["SCHEMA", "generate", "validate"]
