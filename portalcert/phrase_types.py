"""Parameter types for business phrases: a step that takes `{sim:Sim}` accepts exactly the listed phrases.

Each document declares its own phrase tables (`documents/<name>/phrases.py`); the runner registers
them for that document's behave run only, so one document's phrases never shadow another's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar

from behave import register_type

from portalcert.docspec import PhraseTypes

T = TypeVar("T")


def choice(phrases: Mapping[str, T]) -> Callable[[str], T]:
    """A parse converter that accepts exactly the given phrases (longest first, so none shadows another)."""

    def convert(text: str) -> T:
        return phrases[text]

    convert.pattern = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))  # type: ignore[attr-defined]
    return convert


def enum_choice(enum: type[Enum]) -> Callable[[str], Any]:
    return choice({member.value: member for member in enum if member.value})


def identity(*phrases: str) -> Callable[[str], str]:
    """A phrase type whose value is the phrase itself (the task keeps the meaning table)."""
    return choice({phrase: phrase for phrase in phrases})


def register(types: PhraseTypes) -> None:
    register_type(**types)
