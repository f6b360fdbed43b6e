@doc:telefonica-mi-gestion-digital
Feature: Starting the registration in Mi Gestión Digital
  The access page offers the registration; the company's segment decides whether an advisor validates a
  request or the interlocutor registers alone, and the first step checks who may register.

  @rule:MGD-01
  Rule: The access page offers "Regístrate", which starts the registration
    «En la página de acceso dispones de la opción “Regístrate” que inicia el proceso de registro.»

    Scenario: "Regístrate" leads from the access page to the registration
      When a visitor opens the access page
      And the visitor chooses "Regístrate"
      Then the registration asks for the company's fiscal id and the e-mail

  @rule:MGD-02
  Rule: Grandes Clientes fill a registration request and get access only once an advisor has validated it
    «Si tu empresa pertenece al segmento Grandes Clientes, deberás cumplimentar una solicitud de registro.
    Seguidamente, un asesor contactará contigo para validar los datos y gestionar el acceso del interlocutor
    autorizado y de los usuarios.»
    The guide does not say how the portal learns the segment; the suite assumes it knows it from the fiscal
    id typed at the first step, as it knows the company, and that access comes as for every user: a
    temporary password by e-mail (MGD-14). The advisor's validation is a back-office event: on a target
    that cannot play it, the second scenario is not applicable.

    Scenario: A Grandes Clientes interlocutor fills a registration request, which awaits an advisor
      When the interlocutor of the Grandes Clientes company starts the registration
      Then the registration asks for a registration request
      When the interlocutor sends the registration request
      Then the portal says that an advisor will validate the request

    @needs:event:mgd_advisor_validates
    Scenario: Access comes once the advisor has validated the request
      Given the interlocutor of the Grandes Clientes company has sent a registration request
      When the advisor validates the company's registration request
      Then an e-mail with a temporary password reaches the interlocutor
      When the user signs in with the temporary password
      Then the user is asked where to receive the one-time code

  @rule:MGD-03
  Rule: Pequeña and Mediana Empresa register themselves, identified by CIF or NIF
    «Si tu empresa pertenece a los segmentos Pequeña o Mediana Empresa, al pulsar en “Regístrate” se
    iniciará un proceso de autoregistro con los siguientes pasos:» «1.- Inicialmente solicitará la Id.
    Fiscal de la empresa: CIF o NIF y el email con el que te vas a registrar.»

    The Mediana Empresa's self-registration is the path of every scenario from MGD-06 on (the company with
    fixed and mobile lines is one); here, a Pequeña Empresa by each kind of fiscal id.

    Scenario Outline: A Pequeña Empresa identified by its <fiscal id> registers itself
      When the interlocutor of the <company> starts the registration
      Then the registration asks for a phone number of the company

      Examples:
        | fiscal id | company                        |
        | CIF       | company with mobile lines only |
        | NIF       | company with fixed lines only  |

  @rule:MGD-04
  Rule: The e-mail must be known as an interlocutor of the company, or the advisor on 1489 is the way
    «Este email debe estar identificado en nuestros sistemas como interlocutor de la empresa. Si el email no
    existe como interlocutor, se mostrará un mensaje indicando que no se ha podido finalizar el proceso. En
    este caso será necesario que contactes con tu asesor personal de Telefónica a través del teléfono 1489.»

    Scenario Outline: Registering with <email> is refused
      When a visitor starts the registration of the company with fixed and mobile lines with <email>
      Then the registration is refused as not finished, naming the advisor's number 1489

      Examples:
        | email                                        |
        | an e-mail unknown to Telefónica              |
        | the e-mail of another company's interlocutor |

  @rule:MGD-05
  Rule: An e-mail already registered in the portal is sent to the company's web Administrator
    «Si por el contrario el email ya está dado de alta en el portal contacta con el Administrador de la web
    de tu empresa.»

    Scenario: Registering with an e-mail already registered is refused
      When a visitor starts the registration of the company with fixed and mobile lines with the e-mail of a registered user
      Then the registration is refused as already registered, for the company's web Administrator
