"""Scenario keys ("MGD-NN: <scenario name>") that several defects declare: the scenarios whose Given walks
a path a bug on it blocks (they become BROKEN: unjudgeable, not failed)."""

from __future__ import annotations

MGD07_MOBILE_STEP = (
    "MGD-07: After a fixed number, a mobile line of the company: the registration asks for the bank accounts",
    "MGD-07: After a fixed number, a mobile line of another company: the registration refuses the mobile"
    " as not the company's",
    "MGD-07: After a fixed number, a Spanish mobile of no company: the registration refuses the mobile"
    " as not the company's",
)
MGD08_FIXED_ONLY = (
    "MGD-08: The company with fixed lines only is asked for the account of the fixed lines only"
)
MGD08_MOBILE_ONLY = (
    "MGD-08: The company with mobile lines only is asked for the account of the mobile lines only"
)
MGD08_BOTH = (
    "MGD-08: The company with fixed and mobile lines is asked for the"
    " accounts of the fixed and the mobile lines"
)
MGD10_BOTH = (
    "MGD-10: The company with fixed and mobile lines, registering with a fixed line of the company,"
    " gets the code at the Telefónica mobile given, by SMS"
)
MGD10_MOBILE_ONLY = (
    "MGD-10: The company with mobile lines only, registering with a mobile line of the company,"
    " gets the code at the mobile given, by SMS"
)
MGD10_FIXED_ONLY = (
    "MGD-10: The company with fixed lines only, registering with a fixed line of the company,"
    " gets the code at the interlocutor's e-mail"
)
MGD10_WRONG_CODE = "MGD-10: A wrong security code does not complete the registration"
MGD09_ROWS = (
    "MGD-09: Bank accounts: the accounts where each kind of line is paid, in groups of four",
    "MGD-09: Bank accounts: an IBAN with wrong check digits",
    "MGD-09: Bank accounts: a valid IBAN the company does not pay from",
    "MGD-09: Bank accounts: the two accounts swapped",
)
MGD11_CODE = (
    "MGD-11: The security code lands in Mi Área, asking to accept the terms and verify the access data"
)
MGD12_ACCEPTS = "MGD-12: Mi Área with a Spanish mobile of no company as the mobile: accepts the mobile"
MGD13_NEW_MOBILE = "MGD-13: The new mobile is activated with the code sent to it"
MGD13_WRONG_CODE = "MGD-13: A wrong activation code does not activate the new mobile"
MGD14_REGISTRATION = "MGD-14: The registration's temporary password opens the next access"
# Every scenario that lands in Mi Área after a registration (its terms of use still to accept).
LANDED = (
    "MGD-11: Mi Área is not entered without accepting the terms of use",
    "MGD-12: Mi Área with no number as the mobile: refuses the mobile as missing",
    MGD12_ACCEPTS,
    "MGD-12: Mi Área with a Spanish fixed number as the mobile: refuses the mobile as not a national mobile",
    "MGD-12: Mi Área with a foreign mobile as the mobile: refuses the mobile as not a national mobile",
    MGD13_NEW_MOBILE,
    MGD13_WRONG_CODE,
    "MGD-13: The mobile kept as it was needs no activation",
    MGD14_REGISTRATION,
)
# Every scenario that registers the fixed + mobile company with a mobile line at step 2.
REGISTERED_WITH_A_MOBILE = (MGD08_BOTH, *MGD09_ROWS, MGD10_WRONG_CODE, MGD11_CODE, *LANDED)
MGD16_CHANGE_ASKED = "MGD-16: The user signed in with the temporary password is asked to change it"
_POLICY = "MGD-16: A new password of {} characters {} is {}"
_EVERY = "with every kind of character"
MGD16_POLICY = (
    _POLICY.format(7, _EVERY, "refused as too short"),
    _POLICY.format(8, _EVERY, "accepted"),
    _POLICY.format(20, _EVERY, "accepted"),
    _POLICY.format(21, _EVERY, "refused as too long"),
    _POLICY.format(10, "without a lowercase letter", "refused for lacking a lowercase letter"),
    _POLICY.format(10, "without an uppercase letter", "refused for lacking an uppercase letter"),
    _POLICY.format(10, "without a digit", "refused for lacking a digit"),
)

# The security baseline's scenarios that sign in with a code (by SMS, security.py), on MGD.
SEC03_WRONG_CODES = (
    "SEC-03: After 10 wrong codes the right one no longer opens the private area",
    "SEC-03: 10 wrong codes sent at the same time each count",
)
SEC_SIGN_IN_CODE_BY_SMS = (
    "SEC-01: A code that opened the private area does not open it a second time",
    "SEC-01: A new code makes the previous one useless",
    "SEC-02: A code typed 10 minutes after it was sent is refused",
    *SEC03_WRONG_CODES,
    "SEC-08: The session cookie changes when the sign-in completes",
    "SEC-09: The cookies of a signed-out session no longer open the private area",
    "SEC-10: Every cookie set while signing in and out has its flags",
    "SEC-11: The forms of signing in and out are refused without their token",
    "SEC-12: The pages of signing in and out carry the security headers",
    "SEC-13: A wrong password and a sign-in leave no secret in addresses or pages",
    "SEC-14: A temporary password used once does not become the lasting password",
    "SEC-15: After 31 idle minutes the private area asks to sign in again",
)
