"""behave's entry point for this profile (behave looks for it beside steps/): portalcert's hooks."""

from portalcert.behave_environment import *  # noqa: F403  (before_all, before_scenario, ... hooks)
from portalcert.behave_environment import register_phrase_types

register_phrase_types(__file__)
