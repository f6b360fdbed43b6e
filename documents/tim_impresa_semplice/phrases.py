"""TIS's parameter types: the business phrases of its feature files and what they mean to the tasks."""

from __future__ import annotations

from portalcert.docspec import PhraseTypes
from portalcert.phrase_types import choice

from .tasks.access import EMPLOYEE, RL
from .tasks.user_admin import ADD_ACTIONS, PROFILES

TYPES: PhraseTypes = dict(
    Who=choice({"the Rappresentante Legale": RL, "the employee": EMPLOYEE}),
    Segment=choice({"Fisso": "Fisso", "Mobile": "Mobile"}),
    # Sales channels as an order system names them.
    Channel=choice({"in a TIM shop": "negozio", "online": "web", "through an agent": "agente"}),
    CodeChannel=choice({"SMS": "sms", "e-mail": "email"}),
    # The guide's own names: the tasks map them to the page map's options.
    Profile=choice({name: name for name in PROFILES}),
    AddAction=choice({name: name for name in ADD_ACTIONS}),
)
