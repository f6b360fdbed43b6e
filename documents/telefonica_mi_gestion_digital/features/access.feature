@doc:telefonica-mi-gestion-digital
Feature: Accessing Mi Gestión Digital
  The temporary password, the one-time code by the channel the user chooses, the forced change of the
  temporary password, and a new password when it is forgotten.

  @rule:MGD-14
  Rule: A temporary password arrives by e-mail and identifies the user at the next access
    «Adicionalmente te hemos enviado un email con una contraseña temporal, la próxima vez que accedas deberás
    introducir este código para identificarte.»
    The guide does not name what the user types with the password; the suite assumes the e-mail the user
    registered with (the only identifier the registration asks).

    Scenario: The registration's temporary password opens the next access
      Given the interlocutor of the company with fixed and mobile lines has completed the registration
      Then an e-mail with a temporary password reaches the interlocutor
      When the user signs out
      And the user signs in with the temporary password
      Then the user is asked where to receive the one-time code

    Scenario: A wrong password does not identify the user
      Given a user who received a temporary password
      When the user signs in with a wrong password
      Then the sign-in is refused for wrong credentials

  @rule:MGD-15
  Rule: After the password, the user chooses e-mail or SMS for the one-time security code
    «Una vez introducido el código debes elegir a que medio, email o SMS, quieres que te mandemos el código
    de seguridad de un solo uso para acceder al portal.»

    Scenario Outline: The one-time code chosen by <channel> reaches the user's <destination>
      Given a user who received a temporary password
      When the user signs in with the temporary password
      And the user chooses to receive the one-time code by <channel>
      Then the one-time code reaches the user's <destination>

      Examples:
        | channel | destination |
        | e-mail  | e-mail      |
        | SMS     | mobile      |

    Scenario: A wrong one-time code keeps the user out
      Given a user who received a temporary password
      When the user signs in with the temporary password
      And the user chooses to receive the one-time code by SMS
      And the user types a wrong one-time code
      Then the sign-in refuses the code as wrong

  @rule:MGD-16
  Rule: Once in, the temporary password is changed for one of 8 to 20 characters with a lowercase letter, an uppercase letter and a digit
    «Una vez logado te solicitaremos que cambies la contraseña temporal que te hemos enviado por email por una
    nueva. Por seguridad, debe tener entre 8 y 20 caracteres y al menos 1 letra minúscula, 1 mayúscula y 1
    número.»

    Scenario: The user signed in with the temporary password is asked to change it
      Given a user who received a temporary password
      When the user signs in with the temporary password and the one-time code
      Then the user is asked to change the temporary password

    Scenario Outline: A new password of <length> characters <made of> is <outcome>
      Given a user who received a temporary password
      And the user has signed in with the temporary password and the one-time code
      When the user changes the temporary password for one of <length> characters <made of>
      Then the new password is <outcome>

      Examples:
        | length | made of                      | outcome                                |
        | 7      | with every kind of character | refused as too short                   |
        | 8      | with every kind of character | accepted                               |
        | 20     | with every kind of character | accepted                               |
        | 21     | with every kind of character | refused as too long                    |
        | 10     | without a lowercase letter   | refused for lacking a lowercase letter |
        | 10     | without an uppercase letter  | refused for lacking an uppercase letter |
        | 10     | without a digit              | refused for lacking a digit            |

  @rule:MGD-17
  Rule: "He olvidado mi contraseña" sets a new password, validated by a code sent to the e-mail or the mobile
    «Si no encuentras el correo con la contraseña temporal, puedes regenerar la contraseña seleccionando “He
    olvidado mi contraseña”, podrás generar una nueva que se validará mediante un código que enviaremos a tu
    correo electrónico o al teléfono móvil.»
    The guide leaves the choice between e-mail and mobile open; the suite assumes the user chooses, as for
    the one-time code of the access (MGD-15), and that the new password follows the same policy (MGD-16).

    Scenario Outline: A new password validated by the code sent by <channel>
      Given a registered user
      When the user asks for a new password with "He olvidado mi contraseña", the code by <channel>
      Then the password code reaches the user's <destination>
      When the user types the password code and a new password
      Then the portal confirms the new password
      When the user signs in with the new password
      Then the user is asked where to receive the one-time code

      Examples:
        | channel | destination |
        | e-mail  | e-mail      |
        | SMS     | mobile      |

    Scenario: A wrong code does not set the new password
      Given a registered user
      When the user asks for a new password with "He olvidado mi contraseña", the code by e-mail
      And the user types a wrong password code and a new password
      Then the new password is refused for a wrong code
