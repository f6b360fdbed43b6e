"""Telefónica Empresas, Mi Gestión Digital: the registration guide (Spanish), rule prefix MGD."""
