"""Tasks for the TIM Convenzione Mobile 6 portal (document tim-convenzione-mobile-6)."""
