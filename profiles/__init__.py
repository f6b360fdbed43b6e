"""Baseline profiles: rules every portal is held to whatever its documents say, run on their flows."""
