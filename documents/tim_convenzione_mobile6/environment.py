"""behave's entry point for this document (behave looks for it beside steps/): portalcert's hooks."""

from portalcert.behave_environment import *  # noqa: F403  (before_all, before_scenario, ... hooks)
