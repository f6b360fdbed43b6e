"""behave's hooks, for every document's `environment.py` to re-export.

behave loads `environment.py` from the folder that holds a document's `steps/`; each document's file
is one import of this module. All the work is in portalcert.hooks (typed, tested).
"""

from pathlib import Path
from typing import Any

from portalcert import hooks, phrase_types, registry

__all__ = ["after_all", "after_scenario", "after_step", "before_all", "before_scenario", "before_step"]


def register_phrase_types(environment_file: str) -> None:
    """The phrase types of the document whose environment.py this is, before behave loads its steps.

    `portalcert run` registers them itself (runner.DocumentRunner); this serves plain `behave`.
    """
    folder = Path(environment_file).resolve().parent
    for spec in registry.all_documents().values():
        if spec.root == folder:
            phrase_types.register(spec.phrase_types)


def before_all(context: Any) -> None:
    hooks.before_all(context)


def after_all(context: Any) -> None:
    hooks.after_all(context)


def before_scenario(context: Any, scenario: Any) -> None:
    hooks.before_scenario(context, scenario)


def after_scenario(context: Any, scenario: Any) -> None:
    hooks.after_scenario(context, scenario)


def before_step(context: Any, step: Any) -> None:
    hooks.before_step(context, step)


def after_step(context: Any, step: Any) -> None:
    hooks.after_step(context, step)
