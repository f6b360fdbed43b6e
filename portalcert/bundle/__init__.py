"""Certification bundles: one signed zip of a run's reports, feature files and target (`portalcert bundle`),
checked by `portalcert verify`."""
