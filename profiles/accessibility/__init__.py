"""The `accessibility` profile: WCAG 2.1 Level A and AA through axe-core, and keyboard operation.

A baseline profile (docs/profiles.md): its rules hold the document in scope that opts in
(support.py) to a standard, walking the flows that document declares.
"""
