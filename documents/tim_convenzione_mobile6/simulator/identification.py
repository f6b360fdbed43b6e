"""Registration step 1: whether the graphic code was typed right, and which Amministrazione is named."""

from __future__ import annotations

from flask import request, session
from sqlalchemy import exists, select
from sqlalchemy.orm import InstrumentedAttribute

from documents.tim_convenzione_mobile6.simulator import texts, validation
from documents.tim_convenzione_mobile6.simulator.models import Entity, Sim
from simulator import captcha, defects
from simulator.db import get_session
from simulator.models import CaptchaChallenge

REFRESHED = "captcha_refreshed"  # session key: a new code was asked for since the last attempt


def captcha_right(web_session_id: int, challenge: CaptchaChallenge) -> bool:
    typed = request.form.get("captcha", "")
    if session.get(REFRESHED) and defects.enabled("captcha_checked_against_previous"):
        # The answer is held against the code shown before the refresh; the test value stands for
        # the code shown now, so it is refused too.
        return typed.strip().upper() == _previous_answer(web_session_id, challenge)
    return captcha.is_correct(challenge, typed)


def _previous_answer(web_session_id: int, challenge: CaptchaChallenge) -> str:
    previous = get_session().scalar(
        select(CaptchaChallenge.answer)
        .where(CaptchaChallenge.web_session_id == web_session_id, CaptchaChallenge.id < challenge.id)
        .order_by(CaptchaChallenge.id.desc())
    )
    return previous or ""


def _by_prefix(column: InstrumentedAttribute[str], identifier: str) -> Entity | None:
    """The check digit ignored: the entity whose code starts like the identifier without its last digit."""
    if len(identifier) != 11 or not identifier.isdigit():
        return None
    return get_session().scalar(select(Entity).where(column.startswith(identifier[:-1])))


# The defects that look a well-formed identifier up in the other kind's column.
_MIXED_UP = {"partita_iva": "vat_number_kind_ignored", "codice_fiscale": "fiscal_code_kind_ignored"}


def _lookup(
    identifier: str, column: InstrumentedAttribute[str], *, mixed_up_with: InstrumentedAttribute[str]
) -> Entity | None:
    if defects.enabled(_MIXED_UP[column.key]):
        column = mixed_up_with
    return get_session().scalar(select(Entity).where(column == identifier))


def identify_entity(kind: str, identifier: str) -> tuple[Entity | None, str | None]:
    """The entity the identifier names, or the reason it is refused. (None, None) only via a defect."""
    db = get_session()
    entity: Entity | None
    if kind == "piva":
        vat = validation.vat_number(identifier)
        if vat is not None:
            entity = _lookup(vat, Entity.partita_iva, mixed_up_with=Entity.codice_fiscale)
        elif defects.enabled("check_digit_ignored"):
            entity = _by_prefix(Entity.partita_iva, identifier)
        else:
            return None, texts.PIVA_INVALID
    else:
        code = validation.fiscal_code(identifier)
        if code is not None and len(code) == 16:
            if defects.enabled("accepts_personal_fiscal_code"):
                return None, None
            return None, texts.PERSONAL_CF
        if code is not None:
            entity = _lookup(code, Entity.codice_fiscale, mixed_up_with=Entity.partita_iva)
        elif defects.enabled("check_digit_ignored"):
            entity = _by_prefix(Entity.codice_fiscale, identifier)
        else:
            return None, texts.CF_INVALID
    if entity is None:
        return None, texts.ENTITY_UNKNOWN
    in_cm6 = db.scalar(select(exists().where(Sim.entity_id == entity.id, Sim.convention == "CM6")))
    if not in_cm6 and not defects.enabled("accepts_entity_outside_convention"):
        return None, texts.ENTITY_OUTSIDE
    return entity, None
