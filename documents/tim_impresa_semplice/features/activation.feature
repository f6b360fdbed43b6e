@doc:tim-impresa-semplice
Feature: The Rappresentante Legale completes the registration
  The username e-mail carries a link; the verification code comes by SMS, or by a second e-mail when the
  contract gives no mobile number; a new password, typed twice, completes the registration.
  The scenarios get the username e-mail of a Rappresentante Legale TIM already registered by asking the
  portal for it again (TIS-05), which every target offers, rather than through a back-office hook.

  @rule:TIS-03
  Rule: The link in the e-mail, the SMS code and a new password complete the registration
    «Ricevuta la e-mail con la username, clicca sul link presente nella e-mail, inserisci il codice di
    verifica che ti abbiamo inviato via SMS [...], scegli la nuova password e conferma.»
    The guide says nothing of the new password's rules: the suite chooses 12 letters and digits. It takes
    the link as what opens the account to whoever holds it, so a link already used must not open it again.

    Scenario: The link, the SMS code and a new password let the Rappresentante Legale in
      Given a Rappresentante Legale whose username e-mail has arrived
      When the Rappresentante Legale follows the link in the e-mail
      And the Rappresentante Legale types the verification code from the SMS and a new password twice
      And the Rappresentante Legale signs in with the username and the new password
      Then the Rappresentante Legale is in the Area Clienti

    Scenario: A wrong verification code is refused
      Given a Rappresentante Legale whose username e-mail has arrived
      When the Rappresentante Legale follows the link in the e-mail
      And the Rappresentante Legale types a wrong verification code and a new password twice
      Then the registration is refused for the wrong verification code

    Scenario: The link works only once
      Given a Rappresentante Legale who completed the registration with the link in the e-mail
      When the Rappresentante Legale follows the link in the e-mail again
      Then the link is refused as no longer valid

  @rule:TIS-04
  Rule: Without a mobile number the verification code comes with a second e-mail
    «inserisci il codice di verifica che ti abbiamo inviato via SMS (se non hai fornito un numero di
    cellulare, riceverai una seconda e-mail)»

    Scenario: A Rappresentante Legale without a mobile gets the code by e-mail and gets in
      Given a Rappresentante Legale without a mobile number whose username e-mail has arrived
      When the Rappresentante Legale follows the link in the e-mail
      Then a second e-mail brings the verification code to the Rappresentante Legale
      When the Rappresentante Legale types the verification code from the e-mail and a new password twice
      And the Rappresentante Legale signs in with the username and the new password
      Then the Rappresentante Legale is in the Area Clienti

  @rule:TIS-05
  Rule: The username e-mail can be asked for again
    «Se non hai ricevuto la mail, chiedi nuovamente l'invio al tuo indirizzo di posta elettronica.»
    The suite reads "la mail" as the e-mail with the username and the link, asked for on the portal
    with the e-mail address; the guide does not say where on the portal the request is made.

    Scenario: Asking again sends the username e-mail to the Rappresentante Legale
      Given a Rappresentante Legale registered by TIM who has not completed the registration
      When the Rappresentante Legale asks the portal to send the username e-mail again
      Then the username e-mail reaches the Rappresentante Legale at the address given in the contract
      And the e-mail carries the username and a link to complete the registration

  @rule:TIS-06
  Rule: A forgotten password is recovered with "Recupera Password"
    «Recupera Password»
    The guide only names the function. The suite assumes what the activation does: asked with the
    username, it e-mails a link, and the verification code and a new password typed twice complete it.

    Scenario: Recupera Password lets the Rappresentante Legale choose a new password
      Given a Rappresentante Legale who has a password
      When the Rappresentante Legale asks Recupera Password for their username
      Then an e-mail with a link to choose a new password reaches the Rappresentante Legale
      When the Rappresentante Legale follows the link in the e-mail
      And the Rappresentante Legale types the verification code from the SMS and a new password twice
      And the Rappresentante Legale signs in with the username and the new password
      Then the Rappresentante Legale is in the Area Clienti
