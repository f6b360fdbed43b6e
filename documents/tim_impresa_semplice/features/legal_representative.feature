@doc:tim-impresa-semplice
Feature: TIM registers the company's Rappresentante Legale
  Nobody registers on the portal by themselves: TIM registers the Rappresentante Legale who signed the
  contract and e-mails the username. What starts it happens outside the portal (a purchase, a call to
  the Servizio Clienti 191); the target reports it through its back-office hook, as an order system would.

  @rule:TIS-01
  Rule: At the first purchase TIM registers the Rappresentante Legale and e-mails the username to the contractual address
    «La registrazione avviene in modalità automatica, mediante l'invio delle credenziali di accesso da parte
    di TIM che provvede alla registrazione del "Rappresentante Legale" sottoscrittore del contratto»
    «Al primo acquisto di servizi o prodotti TIM Impresa Semplice effettuato da qualunque canale commerciale
    in ambito Fisso o Mobile - Ricevi automaticamente la username di accesso all'Area Clienti all'indirizzo
    e-mail comunicato in fase contrattuale»
    The order also carries a contact e-mail address of its own, different from the contractual one: the
    username must still go to the contractual address. The back-office event `tis_purchase` gets
    {vat_number} (the company's partita IVA), {segment} (Fisso or Mobile), {channel} (negozio, web or
    agente) and {order_email} (the order's contact address).

    @needs:event:tis_purchase
    Scenario Outline: A first purchase of <segment> products made <channel> registers the Rappresentante Legale
      Given a company whose Rappresentante Legale TIM has not registered yet
      When TIM records the company's first purchase of <segment> products made <channel>
      Then the username e-mail reaches the Rappresentante Legale at the address given in the contract
      And the e-mail carries the username and a link to complete the registration

      Examples:
        | segment | channel       |
        | Fisso   | in a TIM shop |
        | Mobile  | online        |

  @rule:TIS-02
  Rule: The Servizio Clienti 191 sends the username only to the contractual e-mail address
    «Chiamando il nostro Servizio Clienti 191 - Puoi sempre richiedere l'invio della username di accesso
    all'Area Clienti all'indirizzo e-mail che hai comunicato in fase contrattuale»
    «se non trovi la e-mail, chiedi il reinvio al Servizio Clienti 191»
    The back-office event `tis_resend_username` gets {vat_number} (the company's partita IVA) and {email}
    (the address the caller asks for, never the contractual one).

    @needs:event:tis_resend_username
    Scenario: A caller asking for the username at another address gets it only at the contractual one
      Given a Rappresentante Legale registered by TIM who has not completed the registration
      When the Servizio Clienti 191 resends the username at the caller's request to another e-mail address
      Then the username e-mail reaches the Rappresentante Legale at the address given in the contract
      And no e-mail reaches the other address
