@doc:tim-convenzione-mobile-6
Feature: Signing in to the private area
  Access needs a username, a password, an SMS code on the registered TIM number and an active SIM.

  @rule:CM6-22 @needs:clock
  Rule: The first login with the temporary password happens within 5 days
    «Ti ricordiamo di effettuare il primo login entro 5 giorni dalla ricezione della presente mail.»

    Scenario Outline: The temporary password used <days> days after it was sent
      Given a user who received a temporary password
      And <days> days have passed
      When the user signs in with the temporary password
      Then the user <access>

      Examples:
        | days | access                    |
        | 4    | is asked for the SMS code |
        | 6    | is refused                |

  @rule:CM6-23
  Rule: The portal checks username and password before anything else
    «Dall'area pubblica puoi autenticarti per accedere all'area privata del Portale cliccando sul link
    Login in alto a destra ed inserendo username e password scelte. [...] Dopo aver verificato la
    correttezza delle credenziali, ti sarà inviato un SMS [...]»

    Scenario Outline: A user signing in with <credential> <access>
      Given a registered user
      When the user signs in with <credential>
      Then the user <access>

      Examples:
        | credential                | access                           |
        | their password            | is asked for the SMS code        |
        | a wrong password          | is refused for wrong credentials |
        | another user's password   | is refused for wrong credentials |

  @rule:CM6-24
  Rule: The login code goes by SMS to the TIM number given at registration and opens the private area
    «Dopo aver verificato la correttezza delle credenziali, ti sarà inviato un SMS contenente la OTP (One
    Time Password) sempre sul numero TIM inserito in fase di registrazione. Si visualizzerà quindi una
    pagina di inserimento OTP per inserire il codice ricevuto. Se il codice OTP è corretto, accederai
    all'homepage dell'area privata del portale.»

    Scenario: The right code opens the private area
      Given a registered user
      When the user signs in with their password
      Then an SMS with the login code reaches the user's TIM business number
      When the user types the login code
      Then the user reaches the private area

    Scenario: A wrong code keeps the user out
      Given a registered user
      When the user signs in with their password
      And the user types a wrong login code
      Then the user is refused for a wrong code

  @rule:CM6-25
  Rule: Access needs a SIM that is active in a Convenzione contract
    «Per accedere ai servizi del Portale, dovrai essere in possesso di username, password e di una SIM
    attiva in un contratto inserito in Convenzione.»

    Scenario: A user whose SIM has ceased cannot sign in
      Given a user whose business SIM has ceased
      When the user signs in with their password
      Then the user is refused for a line not active in Convenzione Mobile 6

    Scenario: A user whose SIM is active can sign in
      Given a registered user
      When the user signs in with their password
      Then the user is asked for the SMS code

  @rule:CM6-26
  Rule: The temporary password is changed in the personal data
    «Suggerimento: al primo accesso dopo la registrazione, dovrai inserire la password temporanea ricevuta
    via e-mail. Per modificarla, una volta effettuato l'accesso andare su "Gestione Amministrativa →
    Aggiorna i tuoi dati → Dati personali".»

    Scenario: After the change only the new password opens the portal
      Given a user who received a temporary password
      And the user is signed in with the temporary password
      When the user changes the password in Gestione Amministrativa, Aggiorna i tuoi dati, Dati personali
      Then the change is confirmed
      When the user signs out
      And the user signs in with the new password
      And the user types the login code
      Then the user reaches the private area
      When the user signs out
      And the user signs in with the temporary password
      Then the user is refused
