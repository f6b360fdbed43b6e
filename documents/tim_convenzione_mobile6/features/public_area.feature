@doc:tim-convenzione-mobile-6
Feature: Public area of the Convenzione Mobile 6 portal
  The portal's public pages tell Amministrazioni how to reach the Convenzione's customer service
  and are laid out the same way on every page.

  @rule:CM6-01
  Rule: The public area publishes the Convenzione's contact channels
    «Nell'Area Pubblica del portale sono presenti informazioni di carattere generale sulla Convenzione,
    quali: ► I canali di contatto:» «numero verde fonia 800.673.673» «numero verde fax 800.000.109»
    «Casella postale dedicata alla Convenzione: telefoniamobile6@telecomitalia.it»
    The document's next item, "Eventuali video, news e documenti informativi", is optional ("eventuali")
    and is not checked here; the bottom band's news and video links are checked under CM6-02.

    Scenario Outline: The <channel> is published in the public area
      When a visitor opens the public area
      Then the public area shows the <channel> "<value>"

      Examples:
        | channel                | value                             |
        | voice toll-free number | 800.673.673                       |
        | fax toll-free number   | 800.000.109                       |
        | Convenzione mailbox    | telefoniamobile6@telecomitalia.it |

  @rule:CM6-02
  Rule: Every page is laid out in a top, a central and a bottom band
    «Tutte le pagine del portale sono suddivise in fasce orizzontali che raggruppano funzionalità e
    visualizzazione di dati e informazioni [...] La parte alta contiene i link dedicati alle modalità di
    contatto con il Servizio Clienti e i menù di accesso alle funzioni/pagine del portale [...] La parte
    centrale rappresenta la sezione principale [...] La parte bassa riporta la sezione di supporto alla
    navigazione (news, video, contatti, ecc.)»
    Whether the navigation is "facile e intuitiva" is not judged; the bands and their contents are.

    Scenario Outline: The <page> has the three bands
      When a visitor opens the <page>
      Then the top band offers the customer-service contacts, the menus and the Login link
      And the page has a central band
      And the bottom band offers news, videos and contacts

      Examples:
        | page                   |
        | public area            |
        | registration           |
        | login page             |
        | password recovery page |
        | username recovery page |

  @rule:CM6-03 @review
  Rule: The portal works with current browsers
    «Per accedere all'home page, è necessario utilizzare un comune browser di ultima generazione
    (Internet Explorer 9 o seguenti, Google Chrome, Mozilla Firefox, Safari)»
    Review: rendering in each named browser needs a person or the browser engine run once per browser;
    the http engine cannot judge it.
