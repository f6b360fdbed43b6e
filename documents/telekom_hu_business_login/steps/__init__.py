"""Step definitions of the Telekom business login document: one line each, calling the tasks."""
