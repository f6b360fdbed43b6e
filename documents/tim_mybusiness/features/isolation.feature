@doc:tim-mybusiness
Feature: One company never sees another's data
  Guessing another company's ids in an address or a form field gets nothing.

  @rule:MYB-16
  Rule: A company's users never reach another company's lines, invoices or users
    «Tutti i dipendenti dell'azienda che hanno un contratto con TIM.» «I servizi sono disponibili in Area
    Clienti in base al profilo di registrazione.»
    The guide gives every profile its own company's data; the suite checks that the broadest profile
    of one company, the Rappresentante Legale, gets nothing of another company by typing its ids.

    Scenario Outline: Another company's <record> cannot be opened by its id
      Given the Rappresentante Legale is signed in
      When the user types the address of the company's own <record>
      Then the <record> is shown
      When the user types the address of another company's <record>
      Then the portal answers that it is not one of the company's

      Examples:
        | record  |
        | line    |
        | invoice |
        | user    |

    Scenario: Another company's employee cannot be nominated Referente Master
      Given the Rappresentante Legale is signed in
      When the user nominates another company's employee as Referente Master of the contract without one
      Then the nomination is refused, the employee not being one of the company's
