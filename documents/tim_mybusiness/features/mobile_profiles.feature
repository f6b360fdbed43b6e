@doc:tim-mybusiness
Feature: Mobile profiles of the Area Clienti myBusiness
  Each profile is checked against every function of the Area Clienti in both directions: what it may use
  is offered and opens, what it may not is neither offered nor opened when its address is typed.

  The functions are the Area Clienti's: Consumi (the user's own line), Fatture, Servizi linee mobili (the
  services of the company's other mobile lines), Consistenze Telefonia Mobile and Telefonia fissa,
  Gestione profili (nominating the mobile Referente Master) and Amministratore linee fisse (nominating
  the fixed lines' Referente Master). A function "not offered" is missing from the home's list of
  services or shown there disabled.

  @rule:MYB-03
  Rule: The Rappresentante Legale reaches every service
    «Il Rappresentante Legale dell'azienda accede a tutti i servizi disponibili nell'Area Clienti.»
    «Rappresentante Legale: colui che dispone di tutte le autorizzazioni in Area Clienti»
    "Tutti i servizi" is read literally: the fixed-line functions too, nominating the fixed lines'
    Amministratore included.

    Scenario Outline: <function> for the Rappresentante Legale
      Given the Rappresentante Legale is signed in
      Then the Area Clienti <offer> <function>
      When the user types the address of <function>
      Then the page of <function> <outcome>

      Examples:
        | function                     | offer          | outcome                  |
        | Consumi                      | offers         | opens                    |
        | Fatture                      | offers         | opens                    |
        | Servizi linee mobili         | offers         | opens                    |
        | Consistenze Telefonia Mobile | offers         | opens                    |
        | Consistenze Telefonia fissa  | offers         | opens                    |
        | Gestione profili             | offers         | opens                    |
        | Amministratore linee fisse   | offers         | opens                    |
  @rule:MYB-04
  Rule: Employees see their own mobile line's consumption when they gave it at registration
    «I dipendenti aziendali possono visualizzare i dati e i servizi collegati alla propria linea mobile,
    ad esempio i consumi, se hanno inserito in fase di registrazione il numero di cellulare aziendale;
    in base al profilo di registrazione possono gestire anche le fatture e i servizi collegati alle altre
    linee aziendali.»
    Without the business mobile there is no line to show: the suite expects Consumi to be refused as a
    function the user may not use. The second half (invoices and other lines' services by profile) is
    checked by the profiles' rules;
    here a line's consumption by its address is refused to a profile without the other lines' services.

    Scenario: An End User sees the consumption of their own line
      Given an End User is signed in
      When the user opens Consumi
      Then the consumption shown is that of the user's business mobile

    Scenario: An employee who gave no business mobile at registration gets no line's consumption
      Given an employee who gave no business mobile at registration is signed in
      When the user opens Consumi
      Then Consumi is refused, the user having given no business mobile

    Scenario: An End User cannot open a colleague's consumption by its address
      Given an End User is signed in
      When the user types the address of the consumption of a colleague's line
      Then the portal refuses it as another line than the user's

  @rule:MYB-05
  Rule: The Referente Master reaches every mobile service except those of the Rappresentante Legale
    «Referente Master: accede a tutti i servizi dedicati alla telefonia mobile ad eccezione di quelli
    esclusivi del Rappresentante Legale»
    The guide does not list the services "esclusivi del Rappresentante Legale". The suite assumes they are
    the management of profiles (nominating the contract's Referente Master): the Referente Master is the
    one nominated, so nominating one cannot be among its services. The fixed-line functions are not mobile
    services and are denied.

    Scenario Outline: <function> for the Referente Master
      Given the mobile Referente Master is signed in
      Then the Area Clienti <offer> <function>
      When the user types the address of <function>
      Then the page of <function> <outcome>

      Examples:
        | function                     | offer          | outcome                  |
        | Consumi                      | offers         | opens                    |
        | Fatture                      | offers         | opens                    |
        | Servizi linee mobili         | offers         | opens                    |
        | Consistenze Telefonia Mobile | offers         | opens                    |
        | Consistenze Telefonia fissa  | does not offer | is refused to the profile |
        | Gestione profili             | does not offer | is refused to the profile |
        | Amministratore linee fisse   | does not offer | is refused to the profile |
  @rule:MYB-06
  Rule: At most one Referente Master for each mobile contract
    «può essere nominato un solo Referente Master per ogni contratto mobile»
    A nomination for a contract that already has its Referente Master is refused; the limit is per
    contract, so another contract of the same company still gets one. A test of the package fires
    nominations in parallel against the served simulator: exactly one wins.

    Scenario: A contract without a Referente Master gets one
      Given the Rappresentante Legale is signed in
      When the user nominates an employee as Referente Master of the contract without one
      Then the nomination is confirmed
      And the contract has the employee as its only Referente Master

    Scenario: A second Referente Master for the same contract is refused
      Given the Rappresentante Legale is signed in
      When the user nominates an employee as Referente Master of the contract that has one
      Then the nomination is refused, the contract having its Referente Master
      And the contract still has exactly one Referente Master

  @rule:MYB-07
  Rule: A Referente Aggiuntivo uses the specific services granted to them
    «Referenti Aggiuntivi: accedono e gestiscono specifici servizi dell'Area Clienti myBusiness; sono
    definiti in fase contrattuale o con apposita richiesta»
    The data set gives each Referente Aggiuntivo the services granted at contract time; this one was
    granted Fatture and Servizi linee mobili, and like every employee sees the consumption of their line.

    Scenario Outline: <function> for a Referente Aggiuntivo
      Given a Referente Aggiuntivo granted Fatture and Servizi linee mobili is signed in
      Then the Area Clienti <offer> <function>
      When the user types the address of <function>
      Then the page of <function> <outcome>

      Examples:
        | function                     | offer          | outcome                  |
        | Consumi                      | offers         | opens                    |
        | Fatture                      | offers         | opens                    |
        | Servizi linee mobili         | offers         | opens                    |
        | Consistenze Telefonia Mobile | does not offer | is refused to the profile |
        | Consistenze Telefonia fissa  | does not offer | is refused to the profile |
        | Gestione profili             | does not offer | is refused to the profile |
        | Amministratore linee fisse   | does not offer | is refused to the profile |
  @rule:MYB-08
  Rule: An End User sees only the consumption of their own line
    «End User/Utilizzatore: il singolo dipendente che utilizza la linea di cui visualizza i consumi»

    Scenario Outline: <function> for an End User
      Given an End User is signed in
      Then the Area Clienti <offer> <function>
      When the user types the address of <function>
      Then the page of <function> <outcome>

      Examples:
        | function                     | offer          | outcome                  |
        | Consumi                      | offers         | opens                    |
        | Fatture                      | does not offer | is refused to the profile |
        | Servizi linee mobili         | does not offer | is refused to the profile |
        | Consistenze Telefonia Mobile | does not offer | is refused to the profile |
        | Consistenze Telefonia fissa  | does not offer | is refused to the profile |
        | Gestione profili             | does not offer | is refused to the profile |
        | Amministratore linee fisse   | does not offer | is refused to the profile |
  @rule:MYB-09
  Rule: The Referente myBusiness Holding works across the companies of their groups
    «Referente myBusiness Holding: è il referente di uno o più gruppi societari/holding»
    The suite assumes a holding referent sees the mobile lines of every company of their groups, and
    none of a company outside them.

    Scenario: The holding referent sees the lines of every company of the group
      Given the holding referent is signed in
      When the user opens Consistenze, Telefonia Mobile, Consistenze aggregate, Linee
      Then the lines of every company of the holding group are listed

    Scenario: The holding referent does not see a company outside the group
      Given the holding referent is signed in
      When the user opens Consistenze, Telefonia Mobile, Consistenze aggregate, Linee
      Then no line of a company outside the holding group is listed
