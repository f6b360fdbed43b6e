"""behave's entry point for this profile (behave looks for it beside steps/): portalcert's hooks, and
the run's store of scanned walks (tasks/scanned_walks.py)."""

from typing import Any

from portalcert import behave_environment
from portalcert.behave_environment import after_all, after_scenario, after_step, before_scenario, before_step
from profiles.accessibility.tasks import scanned_walks

__all__ = ["after_all", "after_scenario", "after_step", "before_all", "before_scenario", "before_step"]

behave_environment.register_phrase_types(__file__)


def before_all(context: Any) -> None:
    behave_environment.before_all(context)
    scanned_walks.start_run(context)
