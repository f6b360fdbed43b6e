"""Registration step 2: the registrant's personal data and the business SIM, checked field by field."""

from __future__ import annotations

from sqlalchemy import select

from documents.tim_convenzione_mobile6.simulator import security_bugs as bugs
from documents.tim_convenzione_mobile6.simulator import texts, validation
from documents.tim_convenzione_mobile6.simulator.models import Sim
from simulator import defects
from simulator.db import get_session

FIELDS = ("nome", "cognome", "cellulare", "codice_fiscale", "email", "numero_aziendale")


def check(entity_id: str | None, values: dict[str, str]) -> tuple[list[str], Sim | None]:
    """The refusals for these values (empty when accepted) and the business SIM they name."""
    errors: list[str] = []
    missing = [name for name, value in values.items() if not value]
    if defects.enabled("required_fields_not_checked"):
        missing = [name for name in missing if name == "numero_aziendale"]  # the personal ones go unchecked
    raw_business = values["numero_aziendale"]
    sim: Sim | None = None
    if not raw_business and defects.enabled("business_number_defaults_to_first_line"):
        missing.remove("numero_aziendale")
        sim = _first_free_line(entity_id)
    errors += [texts.FIELD_REQUIRED.format(field=name, label=texts.FIELD_LABELS[name]) for name in missing]
    for name in ("nome", "cognome"):
        if "'" in values[name] and defects.enabled("apostrophe_in_name_refused"):
            errors.append(texts.NAME_INVALID.format(field=name, label=texts.FIELD_LABELS[name]))
    errors += _format_errors(values)
    if raw_business:
        number = validation.italian_mobile(raw_business)
        if number is None:
            label = texts.FIELD_LABELS["numero_aziendale"]
            errors.append(texts.MOBILE_INVALID.format(field="numero_aziendale", label=label))
        else:
            sim, sim_error = _check_business_sim(entity_id, number)
            if sim is not None and not sim_error:
                sim_error = bugs.registered_line_refusal(sim)
            if sim_error:
                errors.append(sim_error)
    return errors, sim


def _first_free_line(entity_id: str | None) -> Sim | None:
    """The defect's choice when no business number is typed: the Amministrazione's first active line."""
    return get_session().scalar(
        select(Sim)
        .where(Sim.entity_id == entity_id, Sim.convention == "CM6", Sim.status == "active")
        .order_by(Sim.number)
    )


def _format_errors(values: dict[str, str]) -> list[str]:
    invalid: list[str] = []
    if values["codice_fiscale"] and validation.personal_fiscal_code(values["codice_fiscale"]) is None:
        invalid.append(texts.PERSONAL_CF_INVALID)
    if values["email"] and not validation.email(values["email"]):
        invalid.append(texts.EMAIL_INVALID)
    if values["cellulare"] and validation.italian_mobile(values["cellulare"]) is None:
        invalid.append(texts.MOBILE_INVALID.format(field="cellulare", label=texts.FIELD_LABELS["cellulare"]))
    if invalid and defects.enabled("personal_data_formats_not_checked"):
        return []
    return invalid


def _check_business_sim(entity_id: str | None, number: str) -> tuple[Sim | None, str | None]:
    sim = get_session().scalar(select(Sim).where(Sim.number == number))
    if sim is None:
        return None, texts.SIM_NOT_IN_CONVENTION.format(number=number)
    if sim.convention != "CM6":
        if defects.enabled("accepts_sim_outside_convention"):
            return sim, None  # the owner and status checks below only ever run on CM6 SIMs
        return None, texts.SIM_NOT_IN_CONVENTION.format(number=number)
    if sim.entity_id != entity_id and not defects.enabled("accepts_other_entity_sim"):
        return None, texts.SIM_OTHER_ENTITY.format(number=number)
    if sim.status == "ceased" and defects.enabled("accepts_ceased_sim"):
        return sim, None
    if sim.status == "declared" and defects.enabled("declared_sim_refused"):
        return None, texts.SIM_NOT_ACTIVE.format(number=number)
    if sim.status == "active" and defects.enabled("active_line_refused"):
        return None, texts.SIM_NOT_ACTIVE.format(number=number)
    if sim.status not in ("active", "declared"):
        return None, texts.SIM_NOT_ACTIVE.format(number=number)
    return sim, None
