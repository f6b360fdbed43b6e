@doc:tim-convenzione-mobile-6
Feature: Starting a registration (step 1 of 4)
  An Amministrazione's employee registers on the portal in four steps. The first identifies the
  Amministrazione by its codice fiscale or partita IVA and asks for the graphic code (captcha).

  @rule:CM6-04
  Rule: Registration is reached from "Registrati Ora" and from "Registrati" in the top menu
    «Cliccando sul link Registrati Ora, all'interno del riquadro REGISTRATI, o su Registrati sul menù di
    navigazione nella parte alta della pagina, si accede alle pagine del processo di registrazione.»

    Scenario Outline: Registration starts from the <entry point>
      Given a visitor on the public area
      When the visitor follows the <entry point>
      Then the registration is at step 1

      Examples:
        | entry point                          |
        | "Registrati Ora" link in the REGISTRATI box |
        | "Registrati" link in the top menu    |

  @rule:CM6-05
  Rule: Only an Amministrazione holding SIMs in Convenzione Mobile 6 can register
    «Per registrarsi occorre: Conoscere il Codice Fiscale o la Partita IVA del proprio
    Ente/Amministrazione (quello cui sono intestate le SIM CARD)»

    Scenario: The Amministrazione of the Convenzione moves on to step 2 with its partita IVA
      Given a visitor at registration step 1
      When the visitor identifies the Amministrazione by its partita IVA
      Then the registration moves on to step 2

    Scenario: A company without a Convenzione Mobile 6 contract is stopped at step 1
      Given a visitor at registration step 1
      When the visitor identifies a company outside the Convenzione by its codice fiscale
      Then the registration stays at step 1, refusing an Amministrazione outside the Convenzione

  @rule:CM6-07
  Rule: Registration has four numbered and named steps
    «Il processo di registrazione è suddiviso in diversi step: Step 1 – Inserimento identificativo
    Aziendale e Codice Grafico [...] Step 2 - Inserimento Dati Personali, numero aziendale e verifica OTP
    [...] Step 3 – Scelta username [...] Step 4 – Esito registrazione»
    (progress bar in the document's screenshots: INSERIMENTO DATI, RICONOSCIMENTO CLIENTE,
    SCELTA USERNAME, ESITO REGISTRAZIONE; page titles "STEP n/4")

    Scenario Outline: At registration <point> the page shows step <step> and its name
      Given a visitor at registration <point>
      Then the page title reads "STEP <step>/4"
      And the progress bar lists "INSERIMENTO DATI, RICONOSCIMENTO CLIENTE, SCELTA USERNAME, ESITO REGISTRAZIONE"
      And the progress bar marks "<name>" as the current step

      Examples:
        | step | point                 | name                   |
        | 1    | step 1                | INSERIMENTO DATI       |
        | 2    | step 2                | RICONOSCIMENTO CLIENTE |
        | 2    | step 2 with the SMS code sent | RICONOSCIMENTO CLIENTE |
        | 3    | step 3                | SCELTA USERNAME        |
        | 4    | step 4                | ESITO REGISTRAZIONE    |

  @rule:CM6-08
  Rule: Step 1 identifies the Amministrazione by "C.F. azienda" or "Partita IVA"
    «In questa pagina seleziona l'opzione C.F. azienda o Partita IVA e poi digita nell'apposito campo il
    Codice Fiscale o la Partita IVA dell'Ente/Amministrazione di appartenenza.»

    Scenario Outline: The Amministrazione is identified by its <identifier>
      Given a visitor at registration step 1
      When the visitor identifies the Amministrazione by its <identifier>
      Then the registration moves on to step 2

      Examples:
        | identifier     |
        | codice fiscale |
        | partita IVA    |

    Scenario Outline: A <identifier> with a wrong check digit is refused
      Given a visitor at registration step 1
      When the visitor identifies the Amministrazione by its <identifier> with a wrong check digit
      Then the registration stays at step 1, refusing the <identifier> as invalid

      Examples:
        | identifier     |
        | codice fiscale |
        | partita IVA    |

  @rule:CM6-09
  Rule: Step 1 asks for the graphic code shown in the black box
    «Successivamente digita il Codice Grafico (Captcha) visualizzato nel riquadro nero e clicca su PROSEGUI.»

    Scenario: A new graphic code typed right lets the registration move on
      Given a visitor at registration step 1
      When the visitor asks for a new graphic code
      And the visitor identifies the Amministrazione by its codice fiscale
      Then the registration moves on to step 2

    Scenario: A wrong graphic code stops the registration at step 1
      Given a visitor at registration step 1
      When the visitor identifies the Amministrazione by its codice fiscale with a wrong graphic code
      Then the registration stays at step 1, refusing the graphic code

    Scenario: A missing graphic code stops the registration at step 1
      Given a visitor at registration step 1
      When the visitor identifies the Amministrazione by its codice fiscale without the graphic code
      Then the registration stays at step 1, refusing the graphic code

  @rule:CM6-10
  Rule: A new graphic code can be asked for
    «Se vuoi visualizzare un nuovo codice grafico, clicca sul simbolo della doppia freccia.»
    The check compares the pictures before and after: a portal that shows the same code drawn
    differently would pass it; reading the code needs a person, or a target that reveals it.

    Scenario: Asking for a new graphic code shows a different one
      Given a visitor at registration step 1
      When the visitor asks for a new graphic code
      Then a different graphic code is shown
      And the registration is at step 1

  @rule:CM6-11 @review
  Rule: The graphic code can be listened to
    «Per ascoltare la lettura del codice grafico (su dispositivi dotati di scheda audio e con il volume
    attivo) puoi cliccare sul simbolo dell'altoparlante.»
    Review: whether the spoken code is audible and matches the picture needs a person with speakers;
    the suite checks that the audio is offered: an audio file, or a code the page speaks (speechSynthesis).

    Scenario: The graphic code is offered as audio
      Given a visitor at registration step 1
      Then the visitor can listen to the graphic code

  @rule:CM6-12
  Rule: A personal codice fiscale does not identify the Amministrazione
    «Suggerimento: non confondere il codice fiscale della tua azienda/ente con quello personale: in questo
    step è richiesto il primo. Se inserisci quello personale, la registrazione non potrà completarsi.»

    Scenario: The registrant's personal codice fiscale is refused at step 1
      Given a visitor at registration step 1
      When the visitor identifies the Amministrazione by the registrant's personal codice fiscale
      Then the registration stays at step 1, refusing a personal codice fiscale

    Scenario: The Amministrazione's own codice fiscale in the same field is accepted
      Given a visitor at registration step 1
      When the visitor identifies the Amministrazione by its codice fiscale
      Then the registration moves on to step 2
