"""The security baseline's own tests: its tasks' handling of what a portal may legitimately do, and its
checks through the browser."""
