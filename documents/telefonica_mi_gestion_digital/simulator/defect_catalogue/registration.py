"""Registration: Regístrate, segments, step 1, line, mobile, bank accounts, security code (MGD-01..10)."""

from __future__ import annotations

from simulator.defects import Defect

from . import scenarios as S

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "mgd_registrate_leads_to_access_page",
        "MGD-01",
        '"Regístrate" links back to the access page instead of the registration',
        kills=('MGD-01: "Regístrate" leads from the access page to the registration',),
    ),
    Defect(
        "mgd_large_clients_get_instant_access",
        "MGD-02",
        "Grandes Clientes are sent to the self-registration instead of the registration request",
        kills=(
            "MGD-02: A Grandes Clientes interlocutor fills a registration request, which awaits an advisor",
        ),
        breaks=("MGD-02: Access comes once the advisor has validated the request",),
    ),
    Defect(
        "mgd_advisor_validation_ignored",
        "MGD-02",
        "the advisor's validation leaves the request pending: no access is ever given",
        kills=("MGD-02: Access comes once the advisor has validated the request",),
    ),
    Defect(
        "mgd_small_companies_sent_to_request",
        "MGD-03",
        "Pequeña Empresa companies are sent to the Grandes Clientes registration request",
        kills=(
            "MGD-03: A Pequeña Empresa identified by its CIF registers itself",
            "MGD-03: A Pequeña Empresa identified by its NIF registers itself",
        ),
        breaks=(S.MGD08_FIXED_ONLY, S.MGD08_MOBILE_ONLY, S.MGD10_MOBILE_ONLY, S.MGD10_FIXED_ONLY),
    ),
    Defect(
        "mgd_nif_companies_not_found",
        "MGD-03",
        "companies identified by a NIF (sole traders) are not found: only CIFs are looked up",
        kills=("MGD-03: A Pequeña Empresa identified by its NIF registers itself",),
        breaks=(S.MGD08_FIXED_ONLY, S.MGD10_FIXED_ONLY),
    ),
    Defect(
        "mgd_any_email_accepted",
        "MGD-04",
        "step 1 accepts any e-mail, interlocutor or not",
        kills=(
            "MGD-04: Registering with an e-mail unknown to Telefónica is refused",
            "MGD-04: Registering with the e-mail of another company's interlocutor is refused",
        ),
    ),
    Defect(
        "mgd_interlocutor_of_any_company_accepted",
        "MGD-04",
        "an interlocutor of any company may register another company",
        kills=("MGD-04: Registering with the e-mail of another company's interlocutor is refused",),
    ),
    Defect(
        "mgd_registered_email_registers_again",
        "MGD-05",
        "an e-mail already registered may start a second registration",
        kills=("MGD-05: Registering with an e-mail already registered is refused",),
    ),
    Defect(
        "mgd_line_owner_not_checked",
        "MGD-06",
        "step 2 accepts any Telefónica line, whoever's fiscal id it belongs to",
        kills=(
            "MGD-06: Step 2 with a line of another company: the registration refuses the line as "
            "not the company's",
        ),
    ),
    Defect(
        "mgd_fixed_lines_not_recognised",
        "MGD-06",
        "step 2 looks the number up among mobiles only: fixed lines are refused",
        kills=(
            "MGD-06: Step 2 with a fixed line of the company: the registration moves on from the phone step",
        ),
        breaks=(*S.MGD07_MOBILE_STEP, S.MGD08_FIXED_ONLY, S.MGD10_BOTH, S.MGD10_FIXED_ONLY),
    ),
    Defect(
        "mgd_mobile_lines_not_recognised",
        "MGD-06",
        "step 2 looks the number up among fixed lines only: mobiles are refused",
        kills=(
            "MGD-06: Step 2 with a mobile line of the company: the registration asks for the bank accounts",
        ),
        breaks=(*S.REGISTERED_WITH_A_MOBILE, S.MGD08_MOBILE_ONLY, S.MGD10_MOBILE_ONLY),
    ),
    Defect(
        "mgd_fixed_number_skips_mobile_question",
        "MGD-07",
        "after a fixed number the registration goes straight to the bank accounts, asking no mobile",
        kills=S.MGD07_MOBILE_STEP,
        breaks=(S.MGD10_BOTH,),
    ),
    Defect(
        "mgd_mobile_step_compares_with_step2_number",
        "MGD-07",
        "the Telefónica mobile is compared with the number given at step 2, so"
        " the company's mobile is refused",
        kills=(
            "MGD-07: After a fixed number, a mobile line of the company: the"
            " registration asks for the bank accounts",
        ),
        breaks=(S.MGD10_BOTH,),
    ),
    Defect(
        "mgd_mobile_owner_not_checked",
        "MGD-07",
        "the Telefónica mobile asked after a fixed number is not checked against the fiscal id",
        kills=(
            "MGD-07: After a fixed number, a mobile line of another company: the registration "
            "refuses the mobile as not the company's",
            "MGD-07: After a fixed number, a Spanish mobile of no company: the "
            "registration refuses the mobile as not the company's",
        ),
    ),
    Defect(
        "mgd_one_account_for_fixed_and_mobile",
        "MGD-08",
        "a company with fixed and mobile lines is asked only one account, the fixed lines'",
        kills=(
            "MGD-08: The company with fixed and mobile lines is asked for the "
            "accounts of the fixed and the mobile lines",
        ),
    ),
    Defect(
        "mgd_fixed_only_asked_mobile_account",
        "MGD-08",
        "a company with fixed lines only is also asked the account of mobile lines it does not have",
        kills=("MGD-08: The company with fixed lines only is asked for the account of the fixed lines only",),
        breaks=(S.MGD10_FIXED_ONLY,),
    ),
    Defect(
        "mgd_mobile_only_asked_fixed_account",
        "MGD-08",
        "a company with mobile lines only is also asked the account of fixed lines it does not have",
        kills=(
            "MGD-08: The company with mobile lines only is asked for the account of the mobile lines only",
        ),
        breaks=(S.MGD10_MOBILE_ONLY,),
    ),
    Defect(
        "mgd_iban_compared_without_check_digits",
        "MGD-09",
        "only the account's 20 digits (CCC) are validated and compared: the IBAN's check digits are ignored",
        kills=("MGD-09: Bank accounts: an IBAN with wrong check digits",),
    ),
    Defect(
        "mgd_iban_with_spaces_refused",
        "MGD-09",
        "an IBAN typed as printed, in groups of four, is refused as invalid",
        kills=("MGD-09: Bank accounts: the accounts where each kind of line is paid, in groups of four",),
    ),
    Defect(
        "mgd_iban_match_ignores_line_kind",
        "MGD-09",
        "either of the company's accounts is accepted for either kind of line",
        kills=("MGD-09: Bank accounts: the two accounts swapped",),
    ),
    Defect(
        "mgd_iban_not_matched",
        "MGD-09",
        "any valid IBAN is accepted, the company's or not",
        kills=(
            "MGD-09: Bank accounts: a valid IBAN the company does not pay from",
            "MGD-09: Bank accounts: the two accounts swapped",
        ),
    ),
    Defect(
        "mgd_registration_code_to_fixed_number",
        "MGD-10",
        "the security code goes by SMS to the number of step 2 even when it is a fixed line",
        kills=(
            "MGD-10: The company with fixed and mobile lines, registering with a fixed line of the company,"
            " gets the code at the Telefónica mobile given, by SMS",
        ),
    ),
    Defect(
        "mgd_fixed_only_code_by_sms",
        "MGD-10",
        "with fixed lines only, the security code is sent by SMS to the fixed line instead of by e-mail",
        kills=(
            "MGD-10: The company with fixed lines only, registering with a fixed line of the company,"
            " gets the code at the interlocutor's e-mail",
        ),
    ),
    Defect(
        "mgd_mobile_only_code_by_email",
        "MGD-10",
        "with mobile lines only, the security code goes by e-mail instead of by SMS to the mobile given",
        kills=(
            "MGD-10: The company with mobile lines only, registering with a mobile line of the company,"
            " gets the code at the mobile given, by SMS",
        ),
    ),
    Defect(
        "mgd_registration_code_not_checked",
        "MGD-10",
        "any security code completes the registration",
        kills=("MGD-10: A wrong security code does not complete the registration",),
    ),
)
