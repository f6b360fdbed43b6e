@doc:tim-convenzione-mobile-6
Feature: Personal data, business number and SMS code (step 2 of 4)
  The registrant gives their personal data and the TIM business mobile number of the Convenzione,
  then proves they hold that SIM with a two-word code received by SMS.

  @rule:CM6-06
  Rule: Registration needs a SIM that is active, or declared in the contract, in Convenzione Mobile 6
    «Per registrarsi occorre: [...] Avere una SIM CARD attiva (o dichiarata nella modulistica
    contrattuale) all'interno di un contratto di telefonia mobile inserito in Convenzione Mobile 6.»

    Scenario Outline: The <sim> as business number <verdict>
      Given a visitor at registration step 2
      When the visitor gives their personal data with the <sim> as business number
      Then the registration <state>

      Examples:
        | sim                                 | verdict     | state                                    |
        | active SIM of the Amministrazione   | is accepted | asks for the SMS code                    |
        | ceased SIM of the Amministrazione   | is refused  | stays at step 2, refusing the ceased SIM |

      @needs:declared_sim
      Examples: A portal may have no declared SIMs
        | sim                                 | verdict     | state                                    |
        | declared SIM of the Amministrazione | is accepted | asks for the SMS code                    |

  @rule:CM6-13
  Rule: Step 2 asks for name, surname, contact mobile, personal codice fiscale, e-mail and business number
    «In questa pagina inserisci i tuoi dati identificativi personali quali il nome, il cognome, il numero
    mobile di contatto, il Codice Fiscale personale, l'indirizzo di email e il numero mobile aziendale
    TIM in convenzione.»

    Scenario: Complete personal data, an apostrophe in the last name, lead to the SMS code
      Given a visitor at registration step 2
      When the visitor gives their personal data with the last name "D'Alessandro"
      Then the registration asks for the SMS code

    Scenario Outline: Without the <detail> the registration does not go on
      Given a visitor at registration step 2
      When the visitor gives their personal data without the <detail>
      Then the registration stays at step 2, refusing the missing <detail>

      Examples:
        | detail                  |
        | first name              |
        | last name               |
        | contact mobile          |
        | personal codice fiscale |
        | e-mail address          |
        | business mobile number  |

    Scenario Outline: An invalid <detail> is refused
      Given a visitor at registration step 2
      When the visitor gives their personal data with the <detail> "<value>"
      Then the registration stays at step 2, refusing the invalid <detail>

      Examples:
        | detail                  | value            |
        | personal codice fiscale | RSSMRA80A01H501X |
        | e-mail address          | mario.rossi@     |
        | contact mobile          | 0612345678       |

  @rule:CM6-14
  Rule: The business number must be a TIM mobile of the Amministrazione's Convenzione Mobile 6 contract
    «Suggerimento: il numero mobile aziendale TIM è quello sulla base del quale il portale effettuerà la
    corretta profilatura e visualizzerà le funzionalità previste. Non inserire numerazioni non legate al
    contratto mobile in Convenzione Mobile 6.»

    Scenario Outline: The <sim> as business number <verdict>
      Given a visitor at registration step 2
      When the visitor gives their personal data with the <sim> as business number
      Then the registration <state>

      Examples:
        | sim                               | verdict     | state                                                        |
        | active SIM of the Amministrazione | is accepted | asks for the SMS code                                        |
        | SIM of another Amministrazione    | is refused  | stays at step 2, refusing the SIM of another Amministrazione |
        | SIM outside the Convenzione       | is refused  | stays at step 2, refusing the SIM outside the Convenzione    |

  @rule:CM6-15
  Rule: The code arrives by SMS from 40134 on the business number, as two words
    «Cliccando su PROSEGUI ti sarà inviato un SMS dalla numerazione 40134 con il seguente testo (esempio):
    Il codice temporaneo da utilizzare per completare la tua registrazione al nostro sito e': BEG GOAL
    Digita tutti i caratteri, spazio incluso.»

    Scenario: The registration code comes from 40134 to the business number
      Given a visitor at registration step 2
      When the visitor gives their personal data with the active SIM of the Amministrazione as business number
      Then an SMS from "40134" reaches the business number
      And the SMS carries a code of two words separated by a space

  @rule:CM6-16
  Rule: The SMS code is typed with all its characters, space included
    «Inserisci il codice di due parole separate da spazio (OTP = One Time Password) nell'apposito campo e
    clicca su PROSEGUI.» — SMS: «Digita tutti i caratteri, spazio incluso.»

    Scenario Outline: The code typed <how>
      Given a visitor at registration step 2 with the SMS code sent
      When the visitor types the registration code <how>
      Then the registration <state>

      Examples:
        | how                   | state                |
        | exactly as received   | moves on to step 3   |
        | without its space     | rejects the code     |
        | with a wrong word     | rejects the code     |
