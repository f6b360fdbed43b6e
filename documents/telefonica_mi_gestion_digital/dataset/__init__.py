"""Mi Gestión Digital's data set: companies, lines, interlocutors, users and spare numbers by role.

`portalcert fixtures generate --document telefonica-mi-gestion-digital` writes the simulator's
reference set with :func:`generate`; :func:`validate` checks any set, a vendor's included.
"""

from __future__ import annotations

from .generate import SCHEMA, generate
from .validate import validate

__all__ = ["SCHEMA", "generate", "validate"]
