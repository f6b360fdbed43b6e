"""The accessibility profile's own tests: reading axe-core's results, and its rules through a browser."""
