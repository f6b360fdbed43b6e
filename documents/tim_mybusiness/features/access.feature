@doc:tim-mybusiness
Feature: Getting into the Area Clienti myBusiness
  Only registered employees of a company with a TIM contract sign in; the login page helps them recover
  their credentials.

  @rule:MYB-01
  Rule: Only registered employees of a company with a TIM contract get in
    «Chi può accedere all'Area Clienti myBusiness? Tutti i dipendenti dell'azienda che hanno un
    contratto con TIM. Per accedere è necessario essere registrati.»
    The suite takes "che hanno un contratto con TIM" to mean a contract still in force: an employee of a
    company whose contract has ended is refused with a message saying so.

    Scenario: A registered employee gets in
      When a registered employee signs in with their password
      Then the user reaches the Area Clienti

    Scenario: A registered employee with a wrong password is refused
      When a registered employee signs in with a wrong password
      Then the user is refused for wrong credentials

    Scenario: An employee of a company whose TIM contract has ended is refused
      When an employee of a company whose TIM contract has ended signs in with their password
      Then the user is refused for a company without a TIM contract

  @rule:MYB-02
  Rule: The login page links to the recovery of the username and of the password
    «Come recuperare le credenziali di accesso all'Area Clienti myBusiness? Collegandosi alla pagina di
    accesso all'Area Clienti, all'indirizzo mybusiness.it sono presenti i link per recuperare la username
    o la password.»

    Scenario Outline: The login page's link to recover the <credential> leads to its recovery
      When a visitor follows the login page's link to recover the <credential>
      Then the <credential> recovery page is shown

      Examples:
        | credential |
        | username   |
        | password   |
