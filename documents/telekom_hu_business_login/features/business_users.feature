@doc:telekom-hu-business-login
Feature: The main admin and further business users
  Company-level customer service belongs to the main admin and to the business users the main admin
  creates, each reaching what their permissions allow.

  @rule:MTH-02
  Rule: The main admin signs in as admin@<cégnév> and reaches every customer-service function
    «A cég szintű ügyintézés lehetőségét alapértelmezetten a főadminisztrátor jogú üzleti felhasználó - a
    belépési azonosító admin@cégnév formátumú formátum – biztosítja, amivel minden rendelkezésre álló
    ügyfélszolgálati funkció elérhető.»
    The data set check holds the main admin's login id to the form admin@<the company's name>.

    Scenario Outline: The main admin reaches <function> from the menu
      Given the main admin is signed in
      When the user opens <function> from the menu
      Then the user sees <function>

      Examples:
        | function                      |
        | Számlák                       |
        | Előfizetések                  |
        | Rendelések                    |
        | Felhasználók kezelése         |
        | Felhasználói jogok beállítása |

  @rule:MTH-03 @needs:event:mth_admin_declaration
  Rule: The main admin is set up from the declaration form, with a notice to the e-mail address on the form
    «Az üzleti felhasználóneved főadminisztrátorként a "Nyilatkozat az üzleti online önkiszolgáló felület
    főadminisztrátori jogainak megadásáról" nyilatkozat kitöltése után került beállításra, melyről a
    regisztrációt követően a nyomtatványban megadott e-mail címre küldtünk neked tájékoztatást.»
    Customer service records the form in the back office: a portal that cannot play that event for the
    suite leaves this rule not applicable.

    Scenario: The declaration sets up admin@<cégnév> and notifies the address on the form
      Given a company without a main admin
      When customer service records the company's main admin declaration form
      Then an e-mail about the main admin registration reaches the address given on the form
      When the main admin signs in as admin@<cégnév> with the temporary password from the notice
      Then the portal requires a new password before anything else

  @rule:MTH-04
  Rule: Further business users sign in as <felhasználónév>@<cégnév> and reach exactly what their permissions allow
    «Főadminisztrátor jogú felhasználóval további üzleti felhasználókat lehet létrehozni, ezekkel a
    felhasználónév@cégnév formátumú azonosító használatával lehet belépni, és a beállított
    jogosultságoknak megfelelő funkciók érhetőek el.»
    Each permission is checked both ways by typing the function's address, which a portal must judge
    like its menu. The main admin's own functions are never granted to further users. A user the main
    admin creates signs in with the id of the documented form.

    Scenario Outline: A business user <holding> the <function> permission types its address: <outcome>
      Given a business user <holding> the <function> permission is signed in
      When the user types the address of <function>
      Then the user <outcome>

      Examples:
        | holding | function                      | outcome                               |
        | with    | Számlák                       | sees Számlák                          |
        | without | Számlák                       | is refused for lacking the permission |
        | with    | Előfizetések                  | sees Előfizetések                     |
        | without | Előfizetések                  | is refused for lacking the permission |
        | with    | Rendelések                    | sees Rendelések                       |
        | without | Rendelések                    | is refused for lacking the permission |
        | without | Felhasználók kezelése         | is refused for lacking the permission |
        | without | Felhasználói jogok beállítása | is refused for lacking the permission |

    Scenario: A business user the main admin creates signs in as <felhasználónév>@<cégnév>
      Given the main admin is signed in
      When the main admin registers a business user in Felhasználók kezelése
      And the new user signs in as <felhasználónév>@<cégnév> with the temporary password from the e-mail
      Then the portal asks for the code sent by SMS
