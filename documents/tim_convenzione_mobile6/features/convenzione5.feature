@doc:tim-convenzione-mobile-6
Feature: Users of the previous Convenzione Mobile 5 portal

  @rule:CM6-29
  Rule: Convenzione 5 users whose line is now in Convenzione 6 sign in without registering again
    «Sei un utente precedentemente registrato al portale della Convenzione di Telefonia Mobile 5? Non hai
    bisogno di registrarti nuovamente! Se la tua linea è ora attiva in Convenzione Mobile 6, utilizza da
    subito la username e la password già in tuo possesso per effettuare il login al portale della
    Convenzione di Telefonia Mobile 6.»

    Scenario: A Convenzione 5 user with the line in Convenzione 6 reaches the private area
      Given a Convenzione 5 user whose line is active in Convenzione Mobile 6
      When the user signs in with their password
      Then the user is asked for the SMS code
      When the user types the login code
      Then the user reaches the private area

    Scenario: A Convenzione 5 user whose line is not in Convenzione 6 is refused
      Given a Convenzione 5 user whose line is not in Convenzione Mobile 6
      When the user signs in with their password
      Then the user is refused for a line not active in Convenzione Mobile 6
