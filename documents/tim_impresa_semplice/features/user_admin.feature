@doc:tim-impresa-semplice
Feature: Gestione Utenze: the Rappresentante Legale registers the company's employees
  In the Area Clienti the Rappresentante Legale adds employees, or associates them with the company's
  mobile lines, gives each a profile, and registers them: the new registered user gets the username e-mail.
  What each profile may then do is described elsewhere ("per saperne di più sui Profili clicca qui"),
  not in this guide: no rule here checks it.

  @rule:TIS-07
  Rule: Gestione Utenze is under "Visualizza PROFILO E DATI AZIENDA" for the Rappresentante Legale
    «In qualità di Rappresentante Legale, hai disponibile in Area Clienti la funzionalità di Gestione Utenze
    per registrare i dipendenti della tua Azienda: Accedi alla sezione Visualizza PROFILO E DATI AZIENDA >
    Gestione Utenze»
    Whether other profiles have Gestione Utenze the guide does not say: not checked.

    Scenario: The Rappresentante Legale reaches Gestione Utenze from Visualizza PROFILO E DATI AZIENDA
      Given the Rappresentante Legale signed in to the Area Clienti
      When the Rappresentante Legale opens Visualizza PROFILO E DATI AZIENDA
      Then Gestione Utenze is offered there
      When the Rappresentante Legale opens Gestione Utenze from there
      Then the Gestione Utenze page is shown

  @rule:TIS-08
  Rule: Aggiungi asks the employee's mobile, e-mail, username and profile
    «Clicca su Aggiungi» «Inserisci il numero di cellulare, l'indirizzo e-mail, la username (ti consigliamo
    di utilizzare l'indirizzo e-mail) e il profilo che vuoi attribuire al dipendente ("Amministratore
    Full/Light" o "Utilizzatore"; per saperne di più sui Profili clicca qui)»
    The suite gives the e-mail address as the username, as the guide advises.

    Scenario Outline: An employee is added as <profile>
      Given the Rappresentante Legale on the Gestione Utenze page
      When the Rappresentante Legale adds an employee as <profile> with Aggiungi e Registra
      Then Gestione Utenze lists the employee as <profile>

      Examples:
        | profile              |
        | Amministratore Full  |
        | Amministratore Light |
        | Utilizzatore         |

  @rule:TIS-09
  Rule: "Aggiungi e Registra" sends the username e-mail at once, "Aggiungi Utente" only saves
    «Aggiungi e Registra per inviare immediatamente al nuovo registrato la e-mail con la username»
    «Aggiungi Utente per salvare i dati inseriti e completare successivamente la registrazione»
    The guide does not name the state of a saved employee; the suite expects the one it names for a
    number nobody registered, "Da registrare".

    Scenario: Aggiungi e Registra sends the employee the username e-mail
      Given the Rappresentante Legale on the Gestione Utenze page
      When the Rappresentante Legale adds an employee as Utilizzatore with Aggiungi e Registra
      Then the username e-mail reaches the employee
      And the e-mail carries the employee's username and a link to complete the registration

    Scenario: Aggiungi Utente saves the employee and sends nothing
      Given the Rappresentante Legale on the Gestione Utenze page
      When the Rappresentante Legale adds an employee as Utilizzatore with Aggiungi Utente
      Then Gestione Utenze lists the employee in the state "Da registrare"
      And no e-mail reaches the employee

    Scenario: An employee saved with Aggiungi Utente is registered later
      Given the Rappresentante Legale on the Gestione Utenze page
      When the Rappresentante Legale adds an employee as Utilizzatore with Aggiungi Utente
      And the Rappresentante Legale registers the saved employee
      Then the username e-mail reaches the employee

  @rule:TIS-10
  Rule: Gestione Utenze lists every mobile line of the company's contracts with its Stato Registrazione
    «Per agevolare la registrazione dei dipendenti, nella pagina Gestione Utenze sono riportate tutte le
    linee mobili dei contratti dell'Azienda.» «Seleziona il numero di cellulare con Stato Registrazione
    Da registrare»

    Scenario: Every mobile line is listed, one without an employee as "Da registrare"
      Given the Rappresentante Legale on the Gestione Utenze page
      Then Gestione Utenze lists exactly the mobile lines of the company's contracts
      And Gestione Utenze shows a number without an employee in the state "Da registrare"

  @rule:TIS-11
  Rule: Aggiorna on a number to register asks e-mail, username and profile, filled in for a Referente; Registra sends the username e-mail
    «Seleziona il numero di cellulare con Stato Registrazione Da registrare, clicca il tasto Aggiorna,
    inserisci l'indirizzo e-mail, la username (ti consigliamo di utilizzare l'indirizzo e-mail già
    inserito) e il profilo che vuoi attribuire al dipendente (queste informazioni sono già presenti se il
    numero mobile è associato ad un Referente nominato in fase contrattuale) e conferma i dati»
    «Seleziona il numero di cellulare che hai appena associato e clicca su Registra» «Il nuovo registrato
    riceve la e-mail con la username.»
    For a Referente the suite checks the e-mail and profile named in the contract and that a username is
    there; which username the portal proposes the guide leaves open.

    Scenario: Aggiorna on a Referente's number shows the Referente's details already filled in
      Given the Rappresentante Legale on the Gestione Utenze page
      When the Rappresentante Legale selects the number of a Referente named in the contract and chooses Aggiorna
      Then the Referente's e-mail, a username and the Referente's profile are already filled in

    Scenario: A number associated with an employee and registered sends the employee the username e-mail
      Given the Rappresentante Legale on the Gestione Utenze page
      When the Rappresentante Legale associates an employee as Amministratore Light with a number to register
      And the Rappresentante Legale registers the number just associated
      Then the username e-mail reaches the employee
