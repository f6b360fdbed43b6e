"""Reading a document's data set: JSON, the document's schema, then the document's own validator.

A target's data set may leave out roles its rules in scope never use (a scenario that asks for a
missing role is BROKEN, naming the role to add), and only what the rules in scope use is checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from portalcert.docspec import DocumentSpec, RuleScope
from portalcert.errors import ConfigError


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), "", "data set not found") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(str(path), "", f"not valid JSON: {exc.msg}", exc.lineno) from None
    if not isinstance(data, dict):
        raise ConfigError(str(path), "", "a data set is a JSON object")
    return data


def every_rule(rule_id: str) -> bool:
    return True


def problems(spec: DocumentSpec, data: dict[str, Any], scope: RuleScope | None) -> list[str]:
    """`scope=None`: the whole reference set; else what the rules in `scope` use."""
    if data.get("schema") != spec.dataset.schema:
        return [f"schema is {data.get('schema')!r}, expected {spec.dataset.schema!r}"]
    return spec.dataset.validate(data, scope)


def from_data(spec: DocumentSpec, data: Any, source: str, scope: RuleScope = every_rule) -> Any:
    """Validate what the rules in `scope` use of a data set before anything runs on it."""
    if not isinstance(data, dict) or data.get("schema") != spec.dataset.schema:
        raise ConfigError(source, "schema", f"expected a {spec.dataset.schema} data set for {spec.id}")
    found = problems(spec, data, scope)
    if found:
        listed = "\n  ".join(found)
        raise ConfigError(source, "", f"invalid data set for the rules in scope:\n  {listed}")
    return spec.dataset.load(data, source)


def load(spec: DocumentSpec, path: Path, scope: RuleScope = every_rule) -> Any:
    return from_data(spec, read_json(path), str(path), scope)


def dump(data: dict[str, Any]) -> str:
    """Canonical text: insertion order kept (readable: ids first), so regenerating is byte-identical."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_reference(spec: DocumentSpec, path: Path, seed: int) -> None:
    """Generate the document's data set for `seed` and write it; refuse to write an invalid set."""
    if spec.dataset.generate is None:
        raise ConfigError("--document", "", f"{spec.id} has no data-set generator")
    data = spec.dataset.generate(seed)
    found = problems(spec, data, None)
    if found:
        raise ValueError("generated data set is invalid:\n" + "\n".join(found))
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="\n": the same bytes on Windows too, so the committed fixture compares equal everywhere.
    path.write_text(dump(data), encoding="utf-8", newline="\n")
