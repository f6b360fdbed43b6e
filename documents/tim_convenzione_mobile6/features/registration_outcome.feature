@doc:tim-convenzione-mobile-6
Feature: Choosing the username and the outcome of the registration (steps 3 and 4 of 4)

  @rule:CM6-17
  Rule: The username has 6 to 16 alphanumeric characters
    «Ti ricordiamo che la username deve contenere almeno 6 caratteri alfanumerici con una lunghezza
    massima di 16 caratteri.»

    Scenario Outline: A username of <length> characters, <shape>, is <verdict>
      Given a visitor at registration step 3
      When the visitor chooses the username "<username>"
      Then the registration <state>

      Examples: Lengths around the limits
        | length | shape            | username          | verdict  | state                                  |
        | 5      | letters, digits  | abc12             | refused  | stays at step 3, refusing the username |
        | 6      | letters, digits  | abc123            | accepted | completes successfully                 |
        | 16     | letters, digits  | abcdefgh12345678  | accepted | completes successfully                 |
        | 17     | letters, digits  | abcdefgh123456789 | refused  | stays at step 3, refusing the username |

      Examples: Characters that are not alphanumeric
        | length | shape            | username          | verdict  | state                                  |
        | 10     | only letters     | mariorossi        | accepted | completes successfully                 |
        | 11     | an underscore    | mario_rossi       | refused  | stays at step 3, refusing the username |
        | 11     | a dot            | mario.rossi       | refused  | stays at step 3, refusing the username |
        | 10     | an accented letter | mariòrossi      | refused  | stays at step 3, refusing the username |

  @rule:CM6-18
  Rule: Step 3 offers to print the page
    «Ti consigliamo di stampare questa pagina per non dimenticare i tuoi dati.» (buttons ANNULLA, STAMPA,
    PROSEGUI)

    Scenario: The username step can be printed
      Given a visitor at registration step 3
      Then the visitor can print the page

  @rule:CM6-19
  Rule: ANNULLA abandons the registration
    The document shows ANNULLA beside PROSEGUI on every registration step; its screenshot descriptions say:
    «Buttons at the bottom are "ANNULLA" and "PROSEGUI".»

    Scenario Outline: Cancelling at <point> abandons the registration
      Given a visitor at registration <point>
      When the visitor cancels the registration
      Then the visitor is on the public area
      When the visitor starts a new registration
      Then the registration is at step 1

      Examples:
        | point              |
        | step 2             |
        | step 2 with the SMS code sent |
        | step 3             |

  @rule:CM6-20
  Rule: A successful registration is confirmed and the temporary password arrives by e-mail
    «Se tutto è proceduto in modo corretto, in questa pagina sarà visualizzato il messaggio di
    completamento della registrazione. Riceverai un'email con la password temporanea di accesso [...]
    Da: convenzionemobile6@telecomitalia.it [...] Oggetto: Conferma Registrazione Portale della
    Convenzione di Telefonia Mobile 6 - Password Temporanea [...] Ti ricordiamo di effettuare il primo
    login entro 5 giorni dalla ricezione della presente mail.»
    The document's advice to check the address and anti-spam filters when no e-mail arrives is guidance
    for the user, not portal behaviour, and is not checked.

    Scenario: The registrant receives the temporary password and can log in with it
      Given a visitor at registration step 3
      When the visitor chooses the username "nuovoutente1"
      Then the registration completes successfully
      And an e-mail from "convenzionemobile6@telecomitalia.it" reaches the registrant with the subject "Conferma Registrazione Portale della Convenzione di Telefonia Mobile 6 - Password Temporanea"
      And the e-mail says "effettuare il primo login entro 5 giorni"
      And the e-mail carries a temporary password
      When the registrant signs in with the chosen username and the temporary password
      And the user types the login code
      Then the user reaches the private area

  @rule:CM6-21
  Rule: A failed registration gives the reason and offers RIPROVA
    «In caso di esito negativo della registrazione, un messaggio di errore riporterà il motivo di tale
    esito. Cliccando su RIPROVA puoi effettuare una nuova registrazione.»

    Scenario: Registering a line that already has a portal user ends with the reason and RIPROVA
      Given a visitor at registration step 3 with the SIM already registered to a user as business number
      When the visitor chooses the username "altroutente1"
      Then the registration ends with a negative outcome
      And the outcome gives as the reason that the line already has a user
      And the outcome offers to try again
      When the visitor tries again
      Then the registration is at step 1
