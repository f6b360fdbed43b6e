"""The security baseline: authentication and session security (OWASP ASVS 5.0, NIST SP 800-63B-4)."""
