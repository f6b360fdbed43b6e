@doc:tim-mybusiness
Feature: Fixed-line profiles of the Area Clienti myBusiness
  The fixed-line profiles checked against every function of the Area Clienti in both directions (the
  functions are listed in mobile_profiles.feature).

  @rule:MYB-10
  Rule: The Titolare operates in every fixed-line section
    «Titolare: è colui che ha sottoscritto un contratto TIM Business e dispone di tutti gli accessi e le
    autorizzazioni per operare nelle diverse sezioni»
    The suite reads "le diverse sezioni" as those of the fixed lines the Titolare's contract covers:
    invoices, Consistenze Telefonia fissa and nominating the Amministratore ("viene nominato dal
    Titolare"); the mobile sections belong to the mobile profiles.

    Scenario Outline: <function> for the Titolare
      Given the Titolare is signed in
      Then the Area Clienti <offer> <function>
      When the user types the address of <function>
      Then the page of <function> <outcome>

      Examples:
        | function                     | offer          | outcome                  |
        | Consumi                      | does not offer | is refused to the profile |
        | Fatture                      | offers         | opens                    |
        | Servizi linee mobili         | does not offer | is refused to the profile |
        | Consistenze Telefonia Mobile | does not offer | is refused to the profile |
        | Consistenze Telefonia fissa  | offers         | opens                    |
        | Gestione profili             | does not offer | is refused to the profile |
        | Amministratore linee fisse   | offers         | opens                    |
  @rule:MYB-11
  Rule: The Referente Master (Amministratore) is nominated by the Titolare, at most one for the company's fixed lines
    «Referente Master (Amministratore): viene nominato dal Titolare ed accede a tutti i servizi; può
    essere nominato un solo Referente Master (Amministratore) per tutte le linee fisse dell'azienda»
    "Tutti i servizi" is read as the fixed-line services; nominating the Amministratore stays the
    Titolare's, since the guide says the Titolare nominates.

    Scenario Outline: <function> for the Amministratore
      Given the fixed-line Referente Master (Amministratore) is signed in
      Then the Area Clienti <offer> <function>
      When the user types the address of <function>
      Then the page of <function> <outcome>

      Examples:
        | function                     | offer          | outcome                  |
        | Consumi                      | does not offer | is refused to the profile |
        | Fatture                      | offers         | opens                    |
        | Servizi linee mobili         | does not offer | is refused to the profile |
        | Consistenze Telefonia Mobile | does not offer | is refused to the profile |
        | Consistenze Telefonia fissa  | offers         | opens                    |
        | Gestione profili             | does not offer | is refused to the profile |
        | Amministratore linee fisse   | does not offer | is refused to the profile |
    Scenario: The Titolare of a company without an Amministratore nominates one
      Given the Titolare of a company without an Amministratore is signed in
      When the user nominates an employee as Amministratore of the fixed lines
      Then the nomination is confirmed
      And the company has the employee as its only Amministratore

    Scenario: A second Amministratore for the company's fixed lines is refused
      Given the Titolare is signed in
      When the user nominates an employee as Amministratore of the fixed lines
      Then the nomination is refused, the company having its Amministratore
      And the company still has exactly one Amministratore

  @rule:MYB-12
  Rule: The Utente Standard registered with invoice data
    «Utente Standard: sono tutti gli utenti che hanno completato la registrazione all'Area Clienti
    myBusiness inserendo i dati fattura.»
    The guide says how an Utente Standard registers, not what they may do. The suite assumes the
    invoices only: the invoice data is what they proved to know. The registration itself is not checked.

    Scenario Outline: <function> for a Utente Standard
      Given a Utente Standard is signed in
      Then the Area Clienti <offer> <function>
      When the user types the address of <function>
      Then the page of <function> <outcome>

      Examples:
        | function                     | offer          | outcome                  |
        | Consumi                      | does not offer | is refused to the profile |
        | Fatture                      | offers         | opens                    |
        | Servizi linee mobili         | does not offer | is refused to the profile |
        | Consistenze Telefonia Mobile | does not offer | is refused to the profile |
        | Consistenze Telefonia fissa  | does not offer | is refused to the profile |
        | Gestione profili             | does not offer | is refused to the profile |
        | Amministratore linee fisse   | does not offer | is refused to the profile |
