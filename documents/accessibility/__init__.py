"""The `accessibility` profile: WCAG 2.1 Level A and AA through axe-core, and keyboard operation.

A profile is a document-like package: its rules hold every document in scope that declares its
documented flows (`documents/<name>/flows.py`, see portalcert.flows) to a standard.
"""
