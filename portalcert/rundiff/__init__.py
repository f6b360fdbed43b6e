"""`portalcert diff OLD NEW`: what changed between two runs (report folders or bundles)."""
