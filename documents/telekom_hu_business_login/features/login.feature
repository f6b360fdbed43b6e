@doc:telekom-hu-business-login
Feature: Signing in with a business user
  Username, Tovább, password, Tovább, and the code sent by SMS (unless the main admin switched it off).

  @rule:MTH-05
  Rule: The username, then Tovább, then the password, then Tovább
    «A felhasználónév beírását követően kattints a "Tovább gombra", majd írd be a megadott felhasználói
    azonosítóhoz tartozó jelszót. [...] A jelszó beírása után kattints a "Tovább" gombra.»

    Scenario: Username and Tovább, password and Tovább, then the SMS code
      Given a business user
      When the user types their username and presses Tovább
      Then the portal asks for the password of that username, with a Tovább button
      When the user types their password and presses Tovább
      Then the portal asks for the code sent by SMS
      When the user types the login code
      Then the user reaches the self-service

    Scenario: A wrong password is refused
      Given a business user
      When the user signs in with a wrong password
      Then the user is refused for wrong credentials

  @rule:MTH-06
  Rule: Every business-user registration gets a temporary password of its own by e-mail, changed after the first login
    «Minden üzleti felhasználói regisztráció (főadminisztrátor és további felhasználók esetén is) mellé
    egyedi ideiglenes jelszót generálunk, amit kiküldünk a regisztráció során megadott e-mail címre. Ezt az
    első belépés után kötelező megváltoztatni.»
    The main admin's registration is MTH-03's; here the main admin registers further users.

    Scenario: The first login with the temporary password leads to the password change
      Given a business user with a temporary password
      When the user signs in with the temporary password
      And the user types the login code
      Then the portal requires a new password before anything else

    Scenario: After the change the new password opens the portal and the temporary one does not
      Given a business user with a temporary password
      And the user is signed in with the temporary password
      When the user changes the temporary password
      Then the change is confirmed
      When the user signs out
      And the user signs in with the new password
      Then the portal asks for the code sent by SMS
      When the user signs in with the temporary password
      Then the user is refused for wrong credentials

    Scenario: Each new business user gets a temporary password of their own by e-mail
      Given the main admin is signed in
      When the main admin registers 2 business users in Felhasználók kezelése
      Then each new user receives an e-mail with a temporary password at the address given
      And the two temporary passwords differ

  @rule:MTH-07
  Rule: "Nem tudom a jelszavam" beside the password field sends a one-time code to the user's e-mail or phone for a new password
    «Ha a megváltoztatott jelszóra nem emlékszel, válaszd a jelszó mező mellett található "Nem tudom a
    jelszavam" opciót, ahol az adott felhasználóhoz tartozó e-mail címre vagy telefonszámra kiküldött
    egyszeri azonosító kód segítségével lehetőséged nyílik új jelszó megadására.»

    Scenario: "Nem tudom a jelszavam" is beside the password field
      Given a business user
      When the user types their username and presses Tovább
      Then "Nem tudom a jelszavam" is offered beside the password field

    Scenario Outline: A one-time code sent to the user's <channel> lets the user set a new password
      Given a business user
      When the user asks for a one-time code by <channel> with "Nem tudom a jelszavam"
      Then a one-time code reaches the user's <channel>
      When the user types the one-time code and a new password
      Then the portal confirms the new password
      When the user signs in with the new password
      Then the portal asks for the code sent by SMS

      Examples:
        | channel |
        | e-mail  |
        | phone   |

    Scenario: A wrong one-time code sets no new password
      Given a business user
      When the user asks for a one-time code by e-mail with "Nem tudom a jelszavam"
      And the user types a wrong one-time code and a new password
      Then the new password is refused for a wrong code

  @rule:MTH-08
  Rule: The login needs the code sent by SMS; "Nem kaptam meg az SMS-t" sends a new one in place of the old
    «A bejelentkezéshez most az SMS-ben kiküldött kódot add meg. ("Nem kaptam meg az SMS-t" hivatkozással
    újra küldjük a kódot, a kiküldött egyszer használatos jelszót tartalmazó SMS díjmentes)»
    A code sent again is a new one-time code, and the one it replaces stops working: a one-time password
    that stayed valid after a resend would no longer be one. That the SMS is free of charge cannot be
    seen from the portal.

    Scenario: A wrong SMS code keeps the user out
      Given a business user
      When the user signs in with their password
      And the user types a wrong login code
      Then the user is refused for a wrong code

    Scenario: "Nem kaptam meg az SMS-t" sends a new code, which signs in
      Given a business user
      When the user signs in with their password
      And the user says the SMS did not arrive
      Then a new SMS with a login code reaches the user's mobile
      When the user types the login code
      Then the user reaches the self-service

    Scenario: After "Nem kaptam meg az SMS-t" the first code no longer signs in
      Given a business user
      When the user signs in with their password
      And the user says the SMS did not arrive
      And the user types the first login code
      Then the user is refused for a wrong code

  @rule:MTH-09
  Rule: When the main admin has switched the SMS code off, the password alone signs in
    «Amennyiben a főadminisztrátor kikapcsolta az egyszerhasználatos SMS-küldést a belépéshez, a jelszó
    beírás utána egyből beléptet a rendszer.»

    Scenario: With SMS codes switched off the password signs in at once
      Given a business user of a company whose main admin switched SMS codes off
      When the user signs in with their password
      Then the user reaches the self-service

  @rule:MTH-10
  Rule: After login the portal offers to create a Telekom fiók, or to complete its missing data
    «A belépést követően lehetőséged van Telekom fiók létrehozására, vagy a már meglévő Telekom fiókod
    hiányzó adatainak megadására hívjuk fel a figyelmet, amivel a későbbi ügyintézést könnyítheted meg.»
    An offer ("lehetőséged van") can be declined: the suite expects the prompt to let the user go on.

    Scenario Outline: <user> is offered to <offer>
      Given <user>
      When the user signs in with their password
      And the user types the login code
      Then the portal offers to <offer>

      Examples:
        | user                                                | offer                                 |
        | a business user without a Telekom fiók              | create a Telekom fiók                 |
        | a business user whose Telekom fiók lacks some data  | complete the data of the Telekom fiók |

    Scenario: The Telekom fiók offer can be declined
      Given a business user without a Telekom fiók
      When the user signs in with their password
      And the user types the login code
      And the user declines the Telekom fiók offer
      Then the user reaches the self-service
