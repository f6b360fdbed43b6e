@doc:security-baseline
Feature: One-time sign-in codes
  Codes sent by SMS or e-mail prove the user holds the phone or the mailbox only if each works once,
  briefly, for the latest request, and cannot be guessed or sent without limit.

  @rule:SEC-01 @needs:login_code
  Rule: A one-time code works once, and only the latest one sent works
    «OWASP ASVS 5.0 6.5.1: Verify that lookup secrets, out-of-band authentication requests or codes, and
    time-based, one-time passwords (TOTPs) are only successfully usable once.»
    «OWASP ASVS 5.0 6.6.2: Verify that out-of-band authentication requests, codes, or tokens are bound to
    the original authentication request for which they were generated and are not usable for a previous
    or subsequent one.»

    Scenario: A code that opened the private area does not open it a second time
      Given a user who signed in with their password and a sign-in code
      When the user signs out and types their password again
      And the user types the previous code
      Then the code does not open the private area

    Scenario: A new code makes the previous one useless
      Given a user who typed their password and received a sign-in code
      When the user types their password again
      And the user types the previous code
      Then the code does not open the private area

  @rule:SEC-02 @needs:login_code @needs:clock
  Rule: A one-time code expires within 10 minutes
    «OWASP ASVS 5.0 6.5.5: Verify that out-of-band authentication requests, codes, or tokens, as well as
    time-based, one-time passwords (TOTPs) have a defined lifetime. Out of band requests must have a
    maximum lifetime of 10 minutes and for TOTP a maximum lifetime of 30 seconds.»
    «NIST SP 800-63B-4 3.1.3 (out-of-band devices; a summary, not the wording): an out-of-band secret is
    valid for at most 10 minutes.»

    Scenario: A code typed 10 minutes after it was sent is refused
      Given a user who typed their password and received a sign-in code
      When 10 minutes pass
      And the user types the latest code
      Then the code does not open the private area

  @rule:SEC-03 @needs:login_code
  Rule: Wrong codes are limited, also when they arrive at the same time
    «OWASP ASVS 5.0 6.6.3: Verify that a code based out-of-band authentication mechanism is protected
    against brute force attacks by using either rate limiting or a code with at least 64 bits of
    entropy.»
    The baseline allows at most 10 wrong tries of one code.

    Scenario: After 10 wrong codes the right one no longer opens the private area
      Given a user who typed their password and received a sign-in code
      When the user types 10 wrong codes
      And the user types the latest code
      Then the code does not open the private area

    @needs:wire
    Scenario: 10 wrong codes sent at the same time each count
      Given a user who typed their password and received a sign-in code
      When 10 wrong codes are sent at the same time
      And the user types the latest code
      Then the code does not open the private area

  @rule:SEC-04 @needs:login_code
  Rule: Sending codes to a number is rate limited, in parallel too, and strangers cannot use up a user's share
    «OWASP ASVS 5.0 6.6.3: Verify that a code based out-of-band authentication mechanism is protected
    against brute force attacks by using either rate limiting or a code with at least 64 bits of
    entropy.»
    «OWASP ASVS 5.0 2.4.1: Verify that anti-automation controls are in place to protect against
    excessive calls to application functions that could lead to data exfiltration, garbage-data
    creation, quota exhaustion, rate-limit breaches, denial-of-service, or overuse of costly resources.»
    The baseline allows at most 10 codes to one number in a row (SMS pumping costs the operator and
    floods the user). The limit must not become a denial of service: codes that a visitor who is not
    signed in had sent to a user's number (by registering it, say) do not stop the user's own sign-in
    code.

    Scenario: A user's password typed 11 times sends at most 10 codes
      When a user types their password 11 times
      Then at most 10 sign-in codes reach the user's phone

    @needs:wire
    Scenario: A user's password sent 11 times at the same time sends at most 10 codes
      When a user's password is sent 11 times at the same time
      Then at most 10 sign-in codes reach the user's phone

    @needs:anonymous_codes
    Scenario: A visitor who is not signed in cannot use up the codes of a user's number
      Given a registered user
      When a visitor who is not signed in has a code sent to the user's phone 11 times
      And the user types their password
      Then the user receives a sign-in code
