"""Borealis Telecom - Area Clienti PA: an independent CM6 test portal (see README.md)."""
