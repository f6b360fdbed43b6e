"""CM6's own tests: its data-set generator and validator."""
