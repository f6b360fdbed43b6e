"""behave's environment: kept at the repo root so behave finds the top-level steps/ folder.

All the work is in portalcert.hooks (typed, tested); this file only wires behave to it.
"""

from typing import Any

from portalcert import hooks


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
