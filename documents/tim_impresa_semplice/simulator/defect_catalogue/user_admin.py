"""Gestione Utenze and the employees' credentials (TIS-07..13)."""

from __future__ import annotations

from simulator.defects import Defect

_LIGHT_EMPLOYEE = "TIS-13: An employee with a mobile gets in with the profile chosen for them"
_EMPLOYEE_WITHOUT_MOBILE = "TIS-13: An employee without a mobile asks for the code by e-mail and gets in"
_RESEND_BY_RL = "TIS-12: The Rappresentante Legale resends the username e-mail to an employee who lost it"
_REACHED = "TIS-07: The Rappresentante Legale reaches Gestione Utenze from Visualizza PROFILO E DATI AZIENDA"
_LINE_REGISTERED = (
    "TIS-11: A number associated with an employee and registered sends the employee the username e-mail"
)
_ONLY_SAVED = (
    "TIS-12: An employee the Rappresentante Legale only saved cannot get the username e-mail by themselves"
)

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "user_admin_link_leads_home",
        "TIS-07",
        "Gestione Utenze in Visualizza PROFILO E DATI AZIENDA leads back to the Area Clienti's home",
        kills=(_REACHED,),
    ),
    Defect(
        "profile_full_saved_as_light",
        "TIS-08",
        "an employee added as Amministratore Full is saved as Amministratore Light",
        kills=("TIS-08: An employee is added as Amministratore Full",),
    ),
    Defect(
        "profile_light_saved_as_full",
        "TIS-08",
        "an employee added as Amministratore Light is saved as Amministratore Full",
        kills=("TIS-08: An employee is added as Amministratore Light", _LIGHT_EMPLOYEE),
    ),
    Defect(
        "utilizzatore_saved_as_amministratore",
        "TIS-08",
        "an employee added as Utilizzatore is saved as Amministratore Light",
        kills=("TIS-08: An employee is added as Utilizzatore", _EMPLOYEE_WITHOUT_MOBILE),
    ),
    Defect(
        "aggiungi_e_registra_only_saves",
        "TIS-09",
        "Aggiungi e Registra saves the employee without sending the username e-mail",
        kills=("TIS-09: Aggiungi e Registra sends the employee the username e-mail",),
        breaks=(_RESEND_BY_RL, _LIGHT_EMPLOYEE, _EMPLOYEE_WITHOUT_MOBILE),
    ),
    Defect(
        "aggiungi_utente_sends_email",
        "TIS-09",
        "Aggiungi Utente registers the employee and sends the username e-mail at once",
        kills=("TIS-09: Aggiungi Utente saves the employee and sends nothing", _ONLY_SAVED),
    ),
    Defect(
        "registra_of_saved_user_sends_nothing",
        "TIS-09",
        "Registra on an employee saved with Aggiungi Utente marks them registered and sends nothing",
        kills=("TIS-09: An employee saved with Aggiungi Utente is registered later",),
    ),
    Defect(
        "user_admin_lists_first_contract_only",
        "TIS-10",
        "Gestione Utenze lists the mobile lines of the company's first contract only",
        kills=('TIS-10: Every mobile line is listed, one without an employee as "Da registrare"',),
    ),
    Defect(
        "line_state_mislabelled",
        "TIS-10",
        'a number nobody registered shows the state "Non registrato" instead of "Da registrare"',
        kills=('TIS-10: Every mobile line is listed, one without an employee as "Da registrare"',),
    ),
    Defect(
        "aggiorna_not_prefilled",
        "TIS-11",
        "Aggiorna on a Referente's number shows an empty form",
        kills=("TIS-11: Aggiorna on a Referente's number shows the Referente's details already filled in",),
    ),
    Defect(
        "registra_of_line_sends_nothing",
        "TIS-11",
        "Registra on a number just associated marks it registered and sends nothing",
        kills=(_LINE_REGISTERED,),
    ),
    Defect(
        "employee_self_registration",
        "TIS-12",
        "an employee the Rappresentante Legale only saved gets registered by asking for the e-mail",
        kills=(_ONLY_SAVED,),
    ),
    Defect(
        "resend_to_employee_goes_to_rl",
        "TIS-12",
        "the Rappresentante Legale's resend of an employee's username e-mail goes to the RL's own address",
        kills=(_RESEND_BY_RL,),
    ),
    Defect(
        "employee_activation_resets_profile",
        "TIS-13",
        "an employee's activation gives them the Utilizzatore profile, whatever the RL chose",
        kills=(_LIGHT_EMPLOYEE,),
    ),
    Defect(
        "email_code_sent_to_legal_representative",
        "TIS-13",
        "the verification code by e-mail goes to the company's Rappresentante Legale",
        kills=(_EMPLOYEE_WITHOUT_MOBILE,),
    ),
)
