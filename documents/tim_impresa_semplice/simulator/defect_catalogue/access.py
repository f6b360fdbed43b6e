"""The Rappresentante Legale's registration by TIM, the activation and Recupera Password (TIS-01..06)."""

from __future__ import annotations

from simulator.defects import Defect

_FISSO = "TIS-01: A first purchase of Fisso products made in a TIM shop registers the Rappresentante Legale"
_MOBILE = "TIS-01: A first purchase of Mobile products made online registers the Rappresentante Legale"
_RL_CODE_BY_SMS = "TIS-03: The link, the SMS code and a new password let the Rappresentante Legale in"
_RL_CODE_BY_EMAIL = "TIS-04: A Rappresentante Legale without a mobile gets the code by e-mail and gets in"

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "purchase_in_fisso_registers_nobody",
        "TIS-01",
        "the order system's hook registers the Rappresentante Legale only for Mobile purchases",
        kills=(_FISSO,),
    ),
    Defect(
        "username_sent_to_order_address",
        "TIS-01",
        "the username e-mail goes to the order's contact address instead of the contractual one",
        kills=(_FISSO, _MOBILE),
    ),
    Defect(
        "resend_191_to_requested_address",
        "TIS-02",
        "the Servizio Clienti 191 sends the username to whatever address the caller gives",
        kills=(
            "TIS-02: A caller asking for the username at another address gets it only at the contractual one",
        ),
    ),
    Defect(
        "legal_representative_left_inactive",
        "TIS-03",
        "the Rappresentante Legale's activation saves the password but leaves the account inactive",
        kills=(_RL_CODE_BY_SMS, _RL_CODE_BY_EMAIL),
    ),
    Defect(
        "activation_code_not_checked",
        "TIS-03",
        "the activation accepts any verification code",
        kills=("TIS-03: A wrong verification code is refused",),
    ),
    Defect(
        "activation_link_reusable",
        "TIS-03",
        "an activation link opens the activation form again after it was used",
        kills=("TIS-03: The link works only once",),
    ),
    Defect(
        "rl_without_mobile_gets_no_code",
        "TIS-04",
        "without a mobile number the Rappresentante Legale gets no verification code at all",
        kills=(_RL_CODE_BY_EMAIL,),
    ),
    Defect(
        "resend_page_sends_nothing",
        "TIS-05",
        "asking for the username e-mail again confirms it, and sends nothing",
        kills=("TIS-05: Asking again sends the username e-mail to the Rappresentante Legale",),
        breaks=(
            _RL_CODE_BY_SMS,
            "TIS-03: A wrong verification code is refused",
            "TIS-03: The link works only once",
            _RL_CODE_BY_EMAIL,
        ),
    ),
    Defect(
        "recupera_password_sends_nothing",
        "TIS-06",
        "Recupera Password confirms the request and sends no e-mail",
        kills=("TIS-06: Recupera Password lets the Rappresentante Legale choose a new password",),
    ),
)
