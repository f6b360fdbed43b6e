@doc:telekom-hu-business-login
Feature: Signing in with a mobile number
  A mobile number of the company signs in with an SMS code, and then reaches only that number's
  functions, as far as the main admin allows them.

  @rule:MTH-11
  Rule: A mobile number typed as 9 digits with its prefix is checked with Tovább, and signs in with the SMS code and Belépek
    «Az önkiszolgáló ügyfélszolgálatra be lehet lépni mobiltelefonszám megadásával is [...] A telefonszámot
    az előhívóval együtt, 9 számjegyű formátumban kell megadni. [...] A "Tovább" gombra kattintva
    ellenőrizheted a megadott telefonszámot, és a "Kérem az SMS-t" gomb segítségével kérheted a
    belépéshez szükséges egyszer használatos kód kiküldését. [...] Az SMS-ben kapott kód beírását
    követően a "Belépek" gombra kattintva juthatsz be az önkiszolgáló felületre.»
    The prefix ("előhívó") of a mobile number is one of the Hungarian mobile prefixes 20, 30, 31, 50
    and 70; anything else, or another number of digits, is not the documented format.

    Scenario Outline: A number with the <prefix> prefix typed as 9 digits is shown for checking
      Given a company mobile number with the <prefix> prefix
      When the user types the number as 9 digits and presses Tovább
      Then the portal shows the number for checking and offers "Kérem az SMS-t"

      Examples:
        | prefix |
        | 20     |
        | 30     |
        | 31     |
        | 50     |
        | 70     |

    Scenario Outline: A number typed as <form> is refused
      Given a company mobile number
      When the user types the number as <form> and presses Tovább
      Then the portal refuses the number's format

      Examples:
        | form                                   |
        | 8 digits, the last one left out        |
        | 10 digits, a digit added               |
        | 11 digits with the 06 trunk prefix     |
        | 9 digits with the VoIP prefix 21       |
        | 9 digits with the unassigned prefix 60 |

    Scenario: "Kérem az SMS-t" sends the code to the number and Belépek signs in
      Given a company mobile number
      When the user types the number as 9 digits and presses Tovább
      Then the portal shows the number for checking and offers "Kérem az SMS-t"
      When the user asks for the SMS with "Kérem az SMS-t"
      Then an SMS with the login code reaches the number
      When the user types the code and presses Belépek
      Then the user reaches the self-service of that number

    Scenario: A wrong code does not sign in with the number
      Given a company mobile number
      When the user types the number as 9 digits and presses Tovább
      And the user asks for the SMS with "Kérem az SMS-t"
      And the user types a wrong code and presses Belépek
      Then the number's login is refused for a wrong code

  @rule:MTH-12
  Rule: Signed in with a phone number, only that number's functions are available, never company-level ones
    «[...] ebben az esetben a cég szintű ügyintézésről le kell mondanod, csak az adott hívószámhoz
    tartozó funkciók érhetőek el.»
    Company-level functions stay closed also when their address is typed. The main admin's self-service,
    in the same browser just before, shows what a number's must not.

    Scenario: The self-service of a number offers its functions and no company-level function
      Given the main admin is signed in
      Then the self-service offers company-level functions
      When a user signs in with a company mobile number
      Then the self-service offers the number's functions and no company-level function

    Scenario Outline: Signed in with a number, the typed address of <function> is refused
      Given a user signed in with a company mobile number
      When the user types the address of the company's <function>
      Then the user is refused for company-level functions with a phone number

      Examples:
        | function                      |
        | Számlák                       |
        | Előfizetések                  |
        | Rendelések                    |
        | Felhasználók kezelése         |
        | Felhasználói jogok beállítása |

  @rule:MTH-13
  Rule: The main admin restricts what a phone number may do in "Felhasználói jogok beállítása"
    «Fontos! A telefonszámhoz tartozó jogosultságok is korlátozhatók, az online felületen elérhető
    funkciókat a főadminisztrátor tudja a Felhasználói jogok beállítása menüpontban állítani.»

    Scenario Outline: A number whose Egyenleg és forgalom is withheld types the address of <function>
      Given a user signed in with a company mobile number whose Egyenleg és forgalom is withheld
      When the user types the address of the number's <function>
      Then the user <outcome>

      Examples:
        | function             | outcome                                   |
        | Egyenleg és forgalom | is refused as withheld by the main admin  |
        | Szolgáltatások       | sees Szolgáltatások                       |

    Scenario: A function withheld in "Felhasználói jogok beállítása" is closed to the number
      Given the main admin is signed in
      When the main admin withholds Szolgáltatások from a company mobile number in "Felhasználói jogok beállítása"
      Then the setting is confirmed
      When the user signs in with that mobile number
      And the user types the address of the number's Szolgáltatások
      Then the user is refused as withheld by the main admin
