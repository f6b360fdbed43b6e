"""portalcert: executable conformance checks for telecom business self-care portals."""

__version__ = "0.1.0"
