@doc:telefonica-mi-gestion-digital
Feature: Landing in Mi Área
  With the security code the registration lands in Mi Área, where the new user accepts the terms of use
  and verifies the access data, the mobile for the security codes included.

  @rule:MGD-11
  Rule: The code lands in Mi Área, where the terms of use are accepted and the access data verified
    «5.- Una vez introducido el código de seguridad, el proceso aterrizará en la página de inicio de Mi
    Gestión Digital, en Mi Área, donde deberás aceptar las condiciones de uso y verificar los datos de
    acceso.»
    The access data shown to verify are the e-mail the user registered with and the mobile given during the
    registration (what the suite assumes "datos de acceso" are: the guide names no other).

    Scenario: The security code lands in Mi Área, asking to accept the terms and verify the access data
      Given the interlocutor of the company with fixed and mobile lines has been sent the registration's security code
      When the interlocutor types the security code
      Then Mi Área asks to accept the terms of use and to verify the e-mail and the mobile given

    Scenario: Mi Área is not entered without accepting the terms of use
      Given the interlocutor of the company with fixed and mobile lines has landed in Mi Área
      When the interlocutor saves the access data without accepting the terms of use
      Then Mi Área refuses for the terms of use not accepted

  @rule:MGD-12
  Rule: The mobile number is mandatory in Mi Área, and any Spanish national mobile will do
    «En este paso es obligatorio rellenar el número de teléfono móvil, podrás poner cualquier número de
    teléfono móvil de ámbito nacional, es donde mandaremos el código de seguridad para poder entrar en el
    portal.»

    Scenario Outline: Mi Área with <mobile> as the mobile: <outcome>
      Given the interlocutor of the company with fixed and mobile lines has landed in Mi Área
      When the interlocutor accepts the terms of use and saves <mobile> as the mobile
      Then Mi Área <outcome>

      Examples:
        | mobile                         | outcome                                     |
        | no number                      | refuses the mobile as missing               |
        | a Spanish mobile of no company | accepts the mobile |
        | a Spanish fixed number         | refuses the mobile as not a national mobile |
        | a foreign mobile               | refuses the mobile as not a national mobile |

  @rule:MGD-13
  Rule: A changed mobile gets a new security code for its activation
    «Si lo has modificado te mandaremos un nuevo código de seguridad para su activación.»

    Scenario: The new mobile is activated with the code sent to it
      Given the interlocutor of the company with fixed and mobile lines has landed in Mi Área
      When the interlocutor accepts the terms of use and saves another mobile of the company as the mobile
      Then a security code reaches the new mobile by SMS
      When the interlocutor types the activation code
      Then the user is in Mi Área

    Scenario: A wrong activation code does not activate the new mobile
      Given the interlocutor of the company with fixed and mobile lines has landed in Mi Área
      When the interlocutor accepts the terms of use and saves another mobile of the company as the mobile
      And the interlocutor types a wrong activation code
      Then Mi Área refuses the code as wrong

    Scenario: The mobile kept as it was needs no activation
      Given the interlocutor of the company with fixed and mobile lines has landed in Mi Área
      When the interlocutor accepts the terms of use and saves the mobile given as the mobile
      Then the user is in Mi Área
