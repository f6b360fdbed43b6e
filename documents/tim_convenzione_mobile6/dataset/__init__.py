"""Deterministic test data sets (fixtures) for the simulator and the harness.

``portalcert fixtures generate --seed N`` calls :func:`write`; the simulator loads the JSON it produces.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .cm6 import SCHEMA, generate
from .validate import validate

__all__ = ["SCHEMA", "dump", "generate", "validate", "write"]


def dump(data: dict[str, Any]) -> str:
    """Canonical text: insertion order kept (readable: ids first), so regenerating is byte-identical."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write(path: Path, seed: int) -> None:
    """Generate the data set for ``seed`` and write it to ``path``; refuse to write an invalid set."""
    data = generate(seed)
    problems = validate(data)
    if problems:
        raise ValueError("generated data set is invalid:\n" + "\n".join(problems))
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="\n": the same bytes on Windows too, so the committed fixture compares equal everywhere.
    path.write_text(dump(data), encoding="utf-8", newline="\n")
