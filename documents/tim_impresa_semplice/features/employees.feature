@doc:tim-impresa-semplice
Feature: Employees get their credentials from the Rappresentante Legale
  Amministratori and Utilizzatori cannot register by themselves: they receive the username e-mail when
  the Rappresentante Legale registers them, and complete the registration as the Rappresentante Legale did.

  @rule:TIS-12
  Rule: Employees get credentials only once the Rappresentante Legale registers them, who also resends a lost e-mail
    «Le credenziali si ricevono solo dopo che il Rappresentante Legale registrato all'Area Clienti, ha
    provveduto a registrare i dipendenti attraverso la funzionalità di Gestione Utenze disponibile
    nell'Area Clienti» «Se non trovi la e-mail, chiedi il reinvio al Rappresentante Legale della tua Azienda.»

    Scenario: An employee the Rappresentante Legale only saved cannot get the username e-mail by themselves
      Given an employee the Rappresentante Legale saved with Aggiungi Utente
      When the employee asks the portal to send the username e-mail again
      Then the portal refuses, telling the employee to ask the Rappresentante Legale
      And no e-mail reaches the employee

    Scenario: The Rappresentante Legale resends the username e-mail to an employee who lost it
      Given an employee the Rappresentante Legale registered as Utilizzatore with Aggiungi e Registra
      When the Rappresentante Legale sends the employee's username e-mail again
      Then the username e-mail reaches the employee

  @rule:TIS-13
  Rule: The employee completes the registration with the link, the verification code and a new password, with the profile chosen for them
    «In fase di registrazione il Rappresentante Legale definisce anche il profilo da assegnare al
    dipendente, scegliendo tra Amministratore Full o Light, o Utilizzatore» «Ricevuta la e-mail con la
    username, clicca sul link presente nella e-mail, inserisci il codice di verifica che ti abbiamo inviato
    via SMS (in mancanza del numero mobile, puoi farti inviare il codice di verifica via e-mail),scegli la
    nuova password e conferma.»

    Scenario: An employee with a mobile gets in with the profile chosen for them
      Given an employee the Rappresentante Legale registered as Amministratore Light with Aggiungi e Registra
      When the employee follows the link in the e-mail
      And the employee types the verification code from the SMS and a new password twice
      And the employee signs in with the username and the new password
      Then the employee is in the Area Clienti as Amministratore Light

    Scenario: An employee without a mobile asks for the code by e-mail and gets in
      Given an employee without a mobile number the Rappresentante Legale registered as Utilizzatore with Aggiungi e Registra
      When the employee follows the link in the e-mail
      And the employee asks for the verification code by e-mail
      Then the verification code reaches the employee by e-mail
      When the employee types the verification code from the e-mail and a new password twice
      And the employee signs in with the username and the new password
      Then the employee is in the Area Clienti as Utilizzatore
