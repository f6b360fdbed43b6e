"""Magyar Telekom: belépés az üzleti online önkiszolgáló felületre (document telekom-hu-business-login)."""
