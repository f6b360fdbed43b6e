"""TIS step definitions: one line each, calling the tasks."""
