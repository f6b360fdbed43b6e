"""YAML loading that remembers where every key was written, so errors can name key and line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from portalcert.errors import ConfigError


@dataclass(frozen=True)
class Node:
    """A value read from a YAML file together with its dotted key path and line."""

    value: Any
    source: str
    key: str
    line: int | None

    def fail(self, message: str) -> ConfigError:
        return ConfigError(self.source, self.key, message, self.line)

    def child(self, name: str) -> Node:
        """A mapping entry; a missing entry is a Node holding None, located at the mapping."""
        mapping = self.mapping()
        key = f"{self.key}.{name}" if self.key else name
        if name not in mapping:
            return Node(None, self.source, key, self.line)
        value, line = mapping[name]
        return Node(value, self.source, key, line)

    def is_mapping(self) -> bool:
        return isinstance(self.value, _LinedMap)

    def mapping(self) -> dict[str, tuple[Any, int | None]]:
        if self.value is None:
            return {}
        if not isinstance(self.value, _LinedMap):
            raise self.fail(f"expected a mapping, got {type_name(self.value)}")
        return self.value.entries

    def items(self) -> Iterator[tuple[str, Node]]:
        for name in self.mapping():
            yield name, self.child(name)

    def string(self, *, required: bool = True, default: str = "") -> str:
        if self.value is None:
            if required:
                raise self.fail("is required")
            return default
        if isinstance(self.value, bool) or not isinstance(self.value, str | int | float):
            raise self.fail(f"expected text, got {type_name(self.value)}")
        return str(self.value)

    def number(self, *, default: float) -> float:
        if self.value is None:
            return default
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            raise self.fail(f"expected a number, got {type_name(self.value)}")
        return float(self.value)

    def boolean(self, *, default: bool) -> bool:
        if self.value is None:
            return default
        if not isinstance(self.value, bool):
            raise self.fail(f"expected true or false, got {type_name(self.value)}")
        return self.value

    def strings(self) -> list[str]:
        if self.value is None:
            return []
        if not isinstance(self.value, list):
            raise self.fail(f"expected a list, got {type_name(self.value)}")
        return [
            Node(item, self.source, f"{self.key}[{i}]", self.line).string()
            for i, item in enumerate(self.value)
        ]

    def reject_unknown(self, allowed: set[str]) -> None:
        for name, node in self.items():
            if name not in allowed:
                raise node.fail(f"unknown key (expected one of: {', '.join(sorted(allowed))})")

    def plain(self) -> Any:
        """The value with line bookkeeping stripped (for data passed on as-is)."""
        return _plain(self.value)


class _LinedMap:
    """A YAML mapping whose entries keep the line they were written on."""

    def __init__(self, entries: dict[str, tuple[Any, int | None]]) -> None:
        self.entries = entries


def type_name(value: Any) -> str:
    if isinstance(value, _LinedMap):
        return "a mapping"
    return {list: "a list", str: "text", bool: "true/false", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )


def _plain(value: Any) -> Any:
    if isinstance(value, _LinedMap):
        return {key: _plain(item) for key, (item, _line) in value.entries.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


# libyaml's parser when PyYAML has it (several times faster; the marks are the same), else PyYAML's own.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _convert(node: yaml.Node, source: str, constructor: yaml.SafeLoader | None = None) -> Any:
    constructor = constructor or yaml.SafeLoader("")  # one per file: it builds scalars, keys included
    if isinstance(node, yaml.MappingNode):
        entries: dict[str, tuple[Any, int | None]] = {}
        for key_node, value_node in node.value:
            key = str(constructor.construct_object(key_node, deep=True))
            if key in entries:
                raise ConfigError(source, key, "duplicate key", key_node.start_mark.line + 1)
            entries[key] = (_convert(value_node, source, constructor), key_node.start_mark.line + 1)
        return _LinedMap(entries)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, source, constructor) for item in node.value]
    # A scalar on its own; `key:` with nothing after it is null, as in any YAML reader.
    return constructor.construct_object(node, deep=True)


def load(path: Path) -> Node:
    """Parse a YAML file into a Node tree; syntax errors become ConfigError with the line."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(source, "", "file not found") from None
    except OSError as exc:
        raise ConfigError(source, "", f"cannot read: {exc.strerror}") from None
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ConfigError(source, "", f"not valid YAML: {exc.problem}", line) from None
    if root is None:
        raise ConfigError(source, "", "file is empty")
    return Node(_convert(root, source), source, "", 1)
