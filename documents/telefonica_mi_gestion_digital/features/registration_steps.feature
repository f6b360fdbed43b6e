@doc:telefonica-mi-gestion-digital
Feature: The self-registration's steps: line, Telefónica mobile, bank accounts, security code
  A Pequeña or Mediana Empresa proves it is the customer with a line of its fiscal id and the accounts its
  lines are paid from; a security code then completes the registration.

  @rule:MGD-06
  Rule: Step 2 asks a fixed or mobile number that belongs to the fiscal id
    «2.- En el siguiente paso se pide un número de teléfono fijo o móvil, que debe pertenecer a la Id.
    Fiscal (CIF o NIF) del que estás haciendo el registro. Pulsas en 'Continuar'.»

    Scenario Outline: Step 2 with <line>: the registration <outcome>
      Given the interlocutor of the company with fixed and mobile lines is at the phone step
      When the interlocutor gives <line>
      Then the registration <outcome>

      Examples:
        | line                         | outcome                                     |
        | a fixed line of the company  | moves on from the phone step                |
        | a mobile line of the company | asks for the bank accounts                  |
        | a line of another company    | refuses the line as not the company's       |

  @rule:MGD-07
  Rule: After a fixed number, the registration asks for a Telefónica mobile of the same fiscal id
    «Si en el paso anterior has indicado un fijo, el proceso solicitará un número móvil contratado con
    Telefónica y perteneciente al Id. Fiscal del registro. A este número móvil será al que enviaremos un SMS
    con un código de acceso cada vez que accedas a Mi Gestión Digital, y también en el último paso de este
    proceso de registro.»
    The SMS of the last step is checked under MGD-10; the one of every later access under MGD-15, sent to
    the mobile of Mi Área, which starts as this one (MGD-11).

    Scenario Outline: After a fixed number, <mobile>: the registration <outcome>
      Given the interlocutor of the company with fixed and mobile lines has given a fixed line of the company
      Then the registration asks for a Telefónica mobile of the company
      When the interlocutor gives <mobile> as the Telefónica mobile
      Then the registration <outcome>

      Examples:
        | mobile                           | outcome                                 |
        | a mobile line of the company     | asks for the bank accounts              |
        | a mobile line of another company | refuses the mobile as not the company's |
        | a Spanish mobile of no company   | refuses the mobile as not the company's |

  @rule:MGD-08
  Rule: The bank accounts asked follow the lines contracted
    «En el siguiente paso del proceso debes introducir los números de cuenta bancaria de las líneas fijas y
    móviles de la empresa.» «En el caso que sólo tengas contratadas líneas fijas con Telefónica debes
    introducir el número de cuenta bancaria donde tengas domiciliados los pagos.» «Si sólo tienes líneas
    móviles con Telefónica debes introducir el número de cuenta bancaria donde tengas domiciliados los pagos.»
    A fusión bundle counts as fixed and mobile lines: the data set describes a company's lines, not bundles.

    Scenario Outline: The <company> is asked for <accounts>
      Given the interlocutor of the <company> has reached the bank accounts with <line>
      Then the registration asks for <accounts>

      Examples:
        | company                             | line                         | accounts                                      |
        | company with fixed and mobile lines | a mobile line of the company | the accounts of the fixed and the mobile lines |
        | company with fixed lines only       | a fixed line of the company  | the account of the fixed lines only           |
        | company with mobile lines only      | a mobile line of the company | the account of the mobile lines only          |

  @rule:MGD-09
  Rule: Each account must be a valid IBAN, the one where that kind of line is paid
    «[...] debes introducir el número de cuenta bancaria donde tengas domiciliados los pagos.»

    Scenario Outline: Bank accounts: <accounts>
      Given the interlocutor of the company with fixed and mobile lines has reached the bank accounts with a mobile line of the company
      When the interlocutor gives <accounts>
      Then the registration <outcome>

      Examples:
        | accounts                                     | outcome                                    |
        | the accounts where each kind of line is paid, in groups of four | asks for the security code |
        | an IBAN with wrong check digits              | refuses the account as not a valid IBAN    |
        | a valid IBAN the company does not pay from   | refuses the account as not where it pays   |
        | the two accounts swapped                     | refuses the account as not where it pays   |

  @rule:MGD-10
  Rule: The last step sends a security code by SMS to the mobile given, or by e-mail with fixed lines only
    «4.- Por último, se enviará un SMS con un código de seguridad al número móvil que se haya introducido
    inicialmente o al email si solo tienes contratadas líneas fijas.»

    Scenario Outline: The <company>, registering with <line>, gets the code at <where>
      Given the interlocutor of the <company> has reached the bank accounts with <line>
      When the interlocutor gives the accounts where each kind of line is paid
      Then the security code reaches <where>

      Examples:
        | company                             | line                         | where                               |
        | company with fixed and mobile lines | a fixed line of the company  | the Telefónica mobile given, by SMS |
        | company with mobile lines only      | a mobile line of the company | the mobile given, by SMS            |
        | company with fixed lines only       | a fixed line of the company  | the interlocutor's e-mail           |

    Scenario: A wrong security code does not complete the registration
      Given the interlocutor of the company with fixed and mobile lines has reached the bank accounts with a mobile line of the company
      When the interlocutor gives the accounts where each kind of line is paid
      And the interlocutor types a wrong security code
      Then the registration refuses the code as wrong
