"""Which page-map locators were seen to match during a run, and which absences verdicts relied on.

A check that finds nothing ("no error shown", "not on step 2") is only as good as the locator it
looked with: a typo in the page map also finds nothing. So the Portal records, run-wide, every
page-map entry it evaluated and whether it ever matched; each scenario records the entries whose
absence its checks relied on. After the run, a verdict resting on the absence of an entry that
matched nothing anywhere is not a verdict (see `unverified_absences`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class LocatorLedger:
    """Run-wide: page-map key -> locator, for every entry evaluated, and the keys that ever matched."""

    locators: dict[str, str] = field(default_factory=dict)
    matched: set[str] = field(default_factory=set)
    by_rule: dict[str, Lookups] = field(default_factory=dict)  # rule id -> names its scenarios used
    # key -> locator an earlier run on this target saw match (`run --locators-from`): a narrowed run
    # re-checks one rule without the flows that show the entry, and the same locator is no typo.
    earlier: dict[str, str] = field(default_factory=dict)

    def for_scenario(self, rule_id: str, page_map: str = "") -> ScenarioLocators:
        """A scenario's record, its lookups pooled with the other scenarios of its rule; `page_map`:
        the document whose page map its keys name."""
        return ScenarioLocators(self, self.by_rule.setdefault(rule_id, Lookups()), page_map=page_map)

    def saw(self, key: str, locator: str, *, matched: bool) -> None:
        self.locators.setdefault(key, locator)
        if matched:
            self.matched.add(key)

    def never_matched(self, key: str) -> bool:
        """Evaluated during the run and never found on any page (nor, with the same locator, in the
        earlier run the absences may lean on)."""
        if key not in self.locators or key in self.matched:
            return False
        return self.earlier.get(key) != self.locators[key]

    def matched_locators(self) -> dict[str, str]:
        """key -> locator for every entry this run found somewhere (what a later run may lean on)."""
        return {key: self.locators[key] for key in sorted(self.matched)}

    def explain(self, key: str) -> str:
        said = f"page map: `{shown(key)}` ({self.locators[key]}) matched nothing in this run"
        if key in self.earlier:  # then with another locator: an edit since proves nothing yet
            said += f" (the earlier run's match was of {self.earlier[key]})"
        return said


def qualified(page_map: str, key: str) -> str:
    """The ledger's name for a page-map key: documents' page maps share key names (`common.read.error`),
    and one document's entry matching proves nothing about another's."""
    return f"{page_map}:{key}" if page_map else key


def shown(key: str) -> str:
    """The page-map key as a vendor writes it (without the document the ledger names it by)."""
    return key.rpartition(":")[2]


ELEMENT_KINDS = ("fields", "actions", "read", "errors")  # the page-map sections that name elements
FILLABLE = "fillable"  # fields offered to a form, a page map may or may not have them


@dataclass
class Lookups:
    """The page-map names a scenario (or a rule's scenarios) asked for, by kind.

    `pages`: recognised; `open`: opened by URL; `fields`/`actions`/`read`/`errors` (kinds of
    message): page -> names, with "common" for names looked up on no particular page. `fillable`:
    page -> the fields a task offered to fill from the account's data (`Portal.fill_form`), filled
    where the page map has them and needed only when they are in `fields` too. This is what a
    page-map contract lists.
    """

    pages: set[str] = field(default_factory=set)
    open: set[str] = field(default_factory=set)
    fields: dict[str, set[str]] = field(default_factory=dict)
    actions: dict[str, set[str]] = field(default_factory=dict)
    read: dict[str, set[str]] = field(default_factory=dict)
    errors: dict[str, set[str]] = field(default_factory=dict)
    fillable: dict[str, set[str]] = field(default_factory=dict)
    # page -> the clicks a task takes to reach it (`Portal.go_to`): needed unless the page map gives
    # that page a `path`, so the lookups made on the way are kept here, not in the tables above.
    routes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        tables = (self.fields, self.actions, self.read, self.errors, self.fillable, self.routes)
        return not (self.pages or self.open or any(tables))

    def add(self, kind: str, page: str | None, name: str) -> None:
        table: dict[str, set[str]] = getattr(self, kind)
        table.setdefault(page or "common", set()).add(name)

    def merge(self, other: Lookups) -> None:
        self.pages |= other.pages
        self.open |= other.open
        for kind in (*ELEMENT_KINDS, FILLABLE):
            for page, names in getattr(other, kind).items():
                getattr(self, kind).setdefault(page, set()).update(names)
        for page, route in other.routes.items():
            self.routes.setdefault(page, route)


@dataclass
class ScenarioLocators:
    """One scenario's share: the run's ledger, what it looked up, and the absences it relied on."""

    ledger: LocatorLedger = field(default_factory=LocatorLedger)
    lookups: Lookups = field(default_factory=Lookups)
    absent: set[str] = field(default_factory=set)
    matched: set[str] = field(default_factory=set)  # keys this scenario found (its share of the ledger)
    page_map: str = ""  # the document whose page map the keys name ("": one page map, unqualified)

    def saw(self, key: str, locator: str, *, matched: bool) -> None:
        key = qualified(self.page_map, key)
        self.ledger.saw(key, locator, matched=matched)
        if matched:
            self.matched.add(key)

    def rely_on_absence(self, key: str) -> None:
        """A check's answer rests on `key` matching nothing here."""
        self.absent.add(qualified(self.page_map, key))

    @contextmanager
    def unrecorded(self) -> Iterator[None]:
        """Lookups made inside are not among the rule's needs (the ledger still sees the entries)."""
        kept, self.lookups = self.lookups, Lookups()
        try:
            yield
        finally:
            self.lookups = kept

    def unverified_absences(self) -> list[str]:
        """Keys this scenario relied on not finding that matched nothing in the whole run."""
        return sorted(key for key in self.absent if self.ledger.never_matched(key))
