@doc:security-baseline
Feature: Sessions, forms and pages
  A signed-in session is new at sign-in, ends for good at sign-out and keeps its cookie away from
  scripts and other sites; forms cannot be forged from elsewhere; pages cannot be framed or sniffed,
  and no password or code is put in an address or echoed back.

  @rule:SEC-08 @needs:wire
  Rule: Signing in gives a new session id
    «OWASP ASVS 5.0 7.2.4: Verify that the application generates a new session token on user
    authentication, including re-authentication, and terminates the current session token.»

    Scenario: The session cookie changes when the sign-in completes
      Given a user one step away from signing in
      When the user completes the sign-in
      Then the portal gave the user a new session id

  @rule:SEC-09 @needs:wire
  Rule: Signing out ends the session on the portal, not only in the browser
    «OWASP ASVS 5.0 7.4.1: Verify that logout and expiration terminate the user's session, such that the
    back button or a downstream relying party cannot resume an authenticated session.»

    Scenario: The cookies of a signed-out session no longer open the private area
      Given a user who signed in
      And the session cookies are noted
      When the user signs out
      And the noted cookies are used to open the private area
      Then the private area does not open

  @rule:SEC-10 @needs:wire
  Rule: Cookies are out of scripts' and other sites' reach
    «OWASP ASVS 5.0 3.3.4: Verify that if the value of a cookie is not meant to be accessible to
    client-side scripts (such as a session token), the cookie must have the 'HttpOnly' attribute set and
    the same value (e. g. session token) must only be transferred to the client via the 'Set-Cookie'
    header field.»
    «OWASP ASVS 5.0 3.3.2: Verify that each cookie's 'SameSite' attribute value is set according to the
    purpose of the cookie, to limit exposure to user interface redress attacks and browser-based request
    forgery attacks, commonly known as cross-site request forgery (CSRF).»
    «OWASP ASVS 5.0 3.3.1: Verify that cookies have the 'Secure' attribute set [...]» (checked over HTTPS)

    Scenario: Every cookie set while signing in and out has its flags
      Given a user who signed in and signed out
      Then every cookie the portal set is HttpOnly and SameSite, and Secure over HTTPS

  @rule:SEC-11 @needs:wire
  Rule: Every state-changing form needs its anti-forgery token
    «OWASP ASVS 5.0 3.5.1: Verify that CORS-safelisted requests to sensitive functionality are checked to
    ensure that they originate from the application itself. This may be done by using and validating
    anti-forgery tokens or requiring extra HTTP header fields that are not CORS-safelisted request header
    fields. This is to defend against browser-based request forgery attacks, commonly known as
    cross-site request forgery (CSRF).»

    Scenario: The forms of signing in and out are refused without their token
      Given a user who signed in and signed out
      When every form the user sent is sent again without its anti-forgery token
      Then the portal refuses each of them

  @rule:SEC-12 @needs:wire
  Rule: Every page carries the security headers
    «OWASP ASVS 5.0 3.4.3: Verify that every HTTP response includes a Content-Security-Policy header field
    to reduce the risk of malicious JavaScript. [...]»
    «OWASP ASVS 5.0 3.4.4: Verify that all responses contain a X-Content-Type-Options: nosniff header
    field.»
    «OWASP ASVS 5.0 3.4.6: Verify that the web application uses the frame-ancestors directive of the
    Content-Security-Policy header field for every HTTP response to ensure that it cannot be embedded by
    default [...]»
    «OWASP ASVS 5.0 3.4.1: Verify that a Strict-Transport-Security header field is included on all
    responses [...]» (checked over HTTPS)

    Scenario: The pages of signing in and out carry the security headers
      Given a user who signed in and signed out
      Then every page carried the security headers

  @rule:SEC-13 @needs:wire
  Rule: No password or code in an address, none echoed back in a page
    «OWASP ASVS 5.0 14.2.1: Verify that sensitive data is only sent to the server in the HTTP message body
    or header fields and that the URL and query string do not contain sensitive information, such as an
    API key or session token.»

    Scenario: A wrong password and a sign-in leave no secret in addresses or pages
      Given a user who typed a wrong password, then signed in
      Then no password or code appeared in an address or a page

  @rule:SEC-15 @needs:clock
  Rule: An idle session expires within 30 minutes
    «OWASP ASVS 5.0 7.3.1: Verify that there is an inactivity timeout such that re-authentication is
    enforced according to risk analysis and documented security decisions.»
    The baseline allows at most 30 minutes of inactivity (its own bound: the clause leaves it to the
    application's documented decision).

    Scenario: After 31 idle minutes the private area asks to sign in again
      Given a user who signed in
      When 31 minutes pass
      And the user opens the private area
      Then the private area does not open
