@doc:tim-mybusiness
Feature: Consistenze: the company's mobile and fixed lines
  The line inventory of the Area Clienti, reached by the guide's menu paths.

  @rule:MYB-13
  Rule: Consistenze aggregate lists the mobile lines whose tariff profile is active, ceased or frozen
    «nella sezione Consistenze > Telefonia Mobile > Consistenze aggregate > Linee sono elencate le linee
    mobili su cui il profilo tariffario è attivo, cessato o congelato.»
    Each line is listed with its tariff profile's status in the guide's words (attivo, cessato, congelato).

    Scenario Outline: A line whose tariff profile is <status> is listed as <status>
      Given the Referente Aggiuntivo for the line inventory is signed in
      When the user opens Consistenze, Telefonia Mobile, Consistenze aggregate, Linee
      Then the <status> line is listed as <status>

      Examples:
        | status    |
        | attivo    |
        | cessato   |
        | congelato |

  @rule:MYB-14
  Rule: Consistenze dettaglio gives each line's activation date and its cessation date, if any
    «Selezionare Consistenze dettaglio > Linee per verificare il dettaglio di ogni linea (data di
    attivazione ed eventuale data di cessazione).»
    Dates are read as the Italian dd/mm/yyyy. Only a ceased line has a cessation date.

    Scenario Outline: The <status> line's detail gives its activation date <cessation>
      Given the Referente Aggiuntivo for the line inventory is signed in
      When the user opens Consistenze, Telefonia Mobile, Consistenze dettaglio, Linee
      Then the <status> line's detail gives its activation date <cessation>

      Examples:
        | status    | cessation                    |
        | attivo    | and no cessation date        |
        | cessato   | and its cessation date       |
        | congelato | and no cessation date        |

  @rule:MYB-15
  Rule: Consistenze Telefonia fissa shows the fixed lines per sede and the active services
    «seleziona Consistenze > Telefonia fissa > Consistenza per Sede o per Servizio per visualizzare i
    dettagli delle linee di telefonia fissa (fonia, fonia e dati e Rete Intelligente) ed i servizi attivi.»

    Scenario Outline: Consistenza per Sede lists the <kind> line under its sede
      Given the Titolare is signed in
      When the user opens Consistenze, Telefonia fissa, Consistenza per Sede
      Then the <kind> line is listed under its sede as <label>

      Examples:
        | kind              | label             |
        | fonia             | Fonia             |
        | fonia e dati      | Fonia e Dati      |
        | Rete Intelligente | Rete Intelligente |

    Scenario: Consistenza per Servizio lists the active services and no ceased one
      Given the Titolare is signed in
      When the user opens Consistenze, Telefonia fissa, Consistenza per Servizio
      Then the active service is listed
      And the ceased service is not listed
