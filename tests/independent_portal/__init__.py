"""An independent test portal (Acme Telco) that portalcert certifies through a target file only."""
