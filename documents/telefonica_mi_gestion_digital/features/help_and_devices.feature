@doc:telefonica-mi-gestion-digital
Feature: The help chat, and every device
  An orange operator icon opens a help chat during business hours; the portal adapts to PC, tablet and
  mobile.

  @rule:MGD-18
  Rule: The help chat's operator icon is shown at all times
    «Si durante el proceso de registro te surgen dudas, dispones de un chat de ayuda online pulsando en el
    icono de operador color naranja que se muestra en todo momento.»
    The icon's orange colour is a matter of design that neither engine judges reliably (the http engine sees
    no colours): it is left to the person reviewing the evidence; the icon's presence on each page is checked.

    Scenario Outline: The <page> shows the help chat's operator icon
      When a visitor opens the <page>
      Then the help chat's operator icon is shown

      Examples:
        | page                    |
        | access page             |
        | forgotten password page |

    Scenario: The registration's steps show the help chat's operator icon
      Given the interlocutor of the company with fixed and mobile lines is at the phone step
      When the interlocutor gives a fixed line of the company
      Then the help chat's operator icon is shown

  @rule:MGD-19 @needs:clock_set
  Rule: The help chat operates in business hours, 8:00 to 18:00, Monday to Friday
    «Esta ayuda online está operativa en horario comercial, de 8 a 18h, de lunes a viernes.»
    Times are Spain's (peninsular time, Europe/Madrid), the customer's and Telefónica's; "de 8 a 18h" is
    taken to include 8:00 and exclude 18:00. Each side of each boundary is checked with the portal's clock set
    to the instant (next week's days). The chat is opened directly: its icon is MGD-18's.

    Scenario Outline: The help chat on <moment> is <state>
      Given it is <moment> in Spain
      When a visitor opens the help chat
      Then the help chat is <state>

      Examples:
        | moment            | state     |
        | Friday at 17:59   | operating |
        | Friday at 18:00   | closed    |
        | Saturday at 12:00 | closed    |
        | Monday at 07:59   | closed    |
        | Monday at 08:00   | operating |

  @rule:MGD-20
  Rule: Mi Gestión Digital adapts to PC, tablet and mobile
    «Mi Gestión Digital es el área privada web [...] Disponible las 24 horas del día, y adaptada a todos los
    dispositivos: PC, tablet y móvil.»
    "Disponible las 24 horas" is not checked: a run cannot watch a portal for a day. The forgotten-password
    page stands for the public pages, which share one layout: it declares the device's width as its own
    (both engines), and lays out on each kind of device (a browser that renders it is needed: not applicable
    on the http engine).

    Scenario: The forgotten password page is laid out for the width of the visitor's device
      When a visitor opens the forgotten password page
      Then the page takes the width of the visitor's device

    @needs:device_emulation
    Scenario Outline: The forgotten password page on a <device> fits the screen with every control in view
      Given the visitor uses a <device>
      When a visitor opens the forgotten password page
      Then the page fits the screen's width without scrolling sideways
      And the e-mail, the choice of channel, "Continuar" and the help chat's icon are within the screen

      Examples:
        | device  |
        | phone   |
        | tablet  |
        | desktop |
