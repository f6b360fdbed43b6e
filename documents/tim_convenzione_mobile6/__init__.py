"""TIM — Portale della Convenzione Telefonia Mobile 6 (document tim-convenzione-mobile-6)."""
