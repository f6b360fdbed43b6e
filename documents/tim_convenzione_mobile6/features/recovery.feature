@doc:tim-convenzione-mobile-6
Feature: Recovering the username or the password

  @rule:CM6-27
  Rule: RECUPERA PASSWORD at the bottom of the login window sends what is needed by e-mail
    «Nel caso tu abbia bisogno di recuperare la username o la password di accesso al portale, nella
    finestra di login, nella parte bassa, sono presenti i link RECUPERA PASSWORD e RECUPERA USERNAME. Per
    effettuare i recuperi, dovrai inserire le informazioni richieste utilizzate durante la registrazione al
    portale e cliccare su PROSEGUI. Riceverai una email contenente le informazioni necessarie per proseguire
    nell'operazione desiderata.»

    Scenario: The login window offers password recovery at its bottom
      When a visitor opens the login page
      Then the bottom of the login window offers to recover the password

    Scenario: A user recovers the password with their registration data
      Given a registered user
      When the user asks to recover the password with their registration data
      Then the portal confirms that an e-mail is on its way
      And an e-mail with a temporary password reaches the user
      When the user signs in with the recovered password
      And the user types the login code
      Then the user reaches the private area

    Scenario: Data that match no user do not recover a password
      Given a registered user
      When the user asks to recover the password with a personal codice fiscale that is not theirs
      Then the password recovery is refused, the data matching no user

  @rule:CM6-28
  Rule: RECUPERA USERNAME at the bottom of the login window sends the username by e-mail
    «[...] nella finestra di login, nella parte bassa, sono presenti i link RECUPERA PASSWORD e RECUPERA
    USERNAME. [...] Riceverai una email contenente le informazioni necessarie per proseguire
    nell'operazione desiderata.»

    Scenario: The login window offers username recovery at its bottom
      When a visitor opens the login page
      Then the bottom of the login window offers to recover the username

    Scenario: A user recovers the username with their registration data
      Given a registered user
      When the user asks to recover the username with their registration data
      Then the portal confirms that an e-mail is on its way
      And an e-mail with the user's username reaches the user

    Scenario: Data that match no user do not recover a username
      Given a registered user
      When the user asks to recover the username with a personal codice fiscale that is not theirs
      Then the username recovery is refused, the data matching no user
