"""TIM Impresa Semplice — registrazione all'Area Clienti e Gestione Utenze (document tim-impresa-semplice)."""
