@doc:security-baseline
Feature: Passwords and who has an account
  Guessing passwords is slowed down, asking for a new password does not lock the user out, and no
  answer tells a stranger whether a username exists.

  @rule:SEC-05
  Rule: Password guessing is throttled
    «OWASP ASVS 5.0 6.3.1: Verify that controls to prevent attacks such as credential stuffing and
    password brute force are implemented according to the application's security documentation.»
    «NIST SP 800-63B-4 3.2.2 Rate Limiting (Throttling) (summary, not the wording): the verifier limits
    consecutive failed authentication attempts on a single account.»
    The baseline: after 10 wrong passwords the right one is not accepted at once.

    Scenario: After 10 wrong passwords the right one is not accepted at once
      Given a registered user
      When 10 wrong passwords are typed for the user
      And the user types their password
      Then the password is not accepted at once

    @needs:wire
    Scenario: 10 wrong passwords sent at the same time each count
      Given a registered user
      When 10 wrong passwords for the user are sent at the same time
      And the user types their password
      Then the password is not accepted at once

  @rule:SEC-06 @needs:password_recovery
  Rule: Asking for a new password does not lock the user out of the current one
    «OWASP ASVS 5.0 6.1.1: Verify that application documentation defines how controls such as rate
    limiting, anti-automation, and adaptive response, are used to defend against attacks such as
    credential stuffing and password brute force. The documentation must make clear how these controls
    are configured and prevent malicious account lockout.»

    Scenario: The current password still works after someone asked for a new one
      Given a registered user
      When someone asks for a new password for the user
      And the user types their password
      Then the user's password is still accepted

  @rule:SEC-07
  Rule: Answers do not tell whether an account exists, in content or in time
    «OWASP ASVS 5.0 6.3.8: Verify that valid users cannot be deduced from failed authentication
    challenges, such as by basing on error messages, HTTP response codes, or different response times.
    Registration and forgot password functionality must also have this protection.»
    At registration the baseline compares the portal's first answer about the identifier a visitor
    types, the one given before the visitor proved they hold it (with the code sent to the line or the
    mailbox, say). What the portal says afterwards is left to the document: CM6 must give the reason a
    registration failed («un messaggio di errore riporterà il motivo di tale esito», its rule CM6-21),
    and does so only after the registrant typed the code the line received.

    Scenario: Signing in with an unknown username is answered like a wrong password
      Given a registered user
      When a wrong password is typed for the user
      And a wrong password is typed for an unknown username
      Then both are answered the same

    @needs:password_recovery
    Scenario: Recovery for an unknown username is answered like recovery with wrong data
      Given a registered user
      When a new password is asked for the user with data that do not match
      And a new password is asked for an unknown username with data that do not match
      Then both are answered the same

    @needs:registration
    Scenario: Registration with a user's identifier is answered like one with an unused identifier
      Given a registered user
      When a visitor starts a registration with the user's identifier
      And a visitor starts a registration with an identifier no account has
      Then both are answered the same

    @needs:wire
    Scenario: A wrong password takes as long for an unknown username as for the user
      Given a registered user
      When wrong passwords are typed 5 times each for the user and for an unknown username
      Then the fastest answer times differ by at most half the slower one plus 25 ms

  @rule:SEC-14 @needs:temporary_password @needs:clock
  Rule: Temporary passwords expire, also once used
    «OWASP ASVS 5.0 6.4.1: Verify that system generated initial passwords or activation codes are
    securely randomly generated, follow the existing password policy, and expire after a short period of
    time or after they are initially used. These initial secrets must not be permitted to become the
    long term password.»
    The baseline allows a temporary password at most 7 days.

    Scenario: A temporary password is refused 8 days after it was sent
      Given a user who was sent a temporary password
      When 8 days pass since the temporary password was sent
      And the user types the temporary password
      Then the password is not accepted

    Scenario: A temporary password used once does not become the lasting password
      Given a user who signed in with a temporary password and signed out
      When 8 days pass since the temporary password was sent
      And the user types the temporary password
      Then the password is not accepted
