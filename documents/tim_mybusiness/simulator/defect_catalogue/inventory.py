"""Consistenze (MYB-13, MYB-14, MYB-15)."""

from __future__ import annotations

from simulator.defects import Defect

_AGGREGATE = "MYB-13: A line whose tariff profile is {0} is listed as {0}"
_DETAIL = "MYB-14: The {0} line's detail gives its activation date {1}"
_PER_SEDE = "MYB-15: Consistenza per Sede lists the {0} line under its sede"

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "aggregate_omits_ceased",
        "MYB-13",
        "Consistenze aggregate > Linee leaves out the lines whose tariff profile has ceased",
        kills=(_AGGREGATE.format("cessato"),),
    ),
    Defect(
        "aggregate_frozen_as_active",
        "MYB-13",
        "a frozen (congelato) tariff profile is listed as attivo",
        kills=(_AGGREGATE.format("congelato"),),
    ),
    Defect(
        "aggregate_statuses_untranslated",
        "MYB-13",
        "the statuses are shown by their internal English codes (ACTIVE, CEASED, FROZEN)",
        kills=tuple(_AGGREGATE.format(s) for s in ("attivo", "cessato", "congelato")),
    ),
    Defect(
        "detail_without_cessation_date",
        "MYB-14",
        "Consistenze dettaglio > Linee leaves the cessation date of ceased lines empty",
        kills=(_DETAIL.format("cessato", "and its cessation date"),),
    ),
    Defect(
        "detail_shows_planned_end_for_active",
        "MYB-14",
        "lines not ceased show the end of their 24-month commitment as a cessation date",
        kills=(
            _DETAIL.format("attivo", "and no cessation date"),
            _DETAIL.format("congelato", "and no cessation date"),
        ),
    ),
    Defect(
        "per_sede_omits_rete_intelligente",
        "MYB-15",
        "Consistenza per Sede leaves out the Rete Intelligente numbers",
        kills=(_PER_SEDE.format("Rete Intelligente"),),
    ),
    Defect(
        "per_sede_fonia_dati_as_fonia",
        "MYB-15",
        "Consistenza per Sede shows fonia e dati lines as Fonia",
        kills=(_PER_SEDE.format("fonia e dati"),),
    ),
    Defect(
        "per_sede_lines_under_head_office",
        "MYB-15",
        "Consistenza per Sede lists every line under the first sede",
        kills=(_PER_SEDE.format("fonia"),),
    ),
    Defect(
        "per_servizio_shows_ceased",
        "MYB-15",
        "Consistenza per Servizio lists ceased services with the active ones",
        kills=("MYB-15: Consistenza per Servizio lists the active services and no ceased one",),
    ),
)
