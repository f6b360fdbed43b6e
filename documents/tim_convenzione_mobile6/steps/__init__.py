"""CM6 step definitions: one line each, calling the tasks."""
