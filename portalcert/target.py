"""Target files: everything that adapts the suite to one portal, as data (YAML), not code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from portalcert import (
    expected_failures,
    pagemap_contract,
    registry,
    target_control,
    target_documents,
    target_messages,
    yamlsource,
)
from portalcert.catalog import RULE_ID
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.envrefs import expand_env
from portalcert.errors import ConfigError
from portalcert.expected_failures import ExpectedFailures
from portalcert.target_control import Control
from portalcert.target_documents import DocumentBinding
from portalcert.target_messages import Messages
from portalcert.yamlsource import Node

SCHEMA = "portalcert-target/1"
EMBEDDED = "embedded"  # base_url value: start the bundled simulator in-process
ENGINES = ("http", "browser")
BUILTIN_DIR = Path(__file__).resolve().parent.parent / "targets"
CLOCK, CLOCK_SET, RESET = "clock", "clock_set", "reset"
# Capabilities of any portal a target may declare `absent` (documents add their own).
GENERIC_CAPABILITIES = {
    CLOCK: "the control API can move the portal's clock (scenarios tagged @needs:clock)",
    CLOCK_SET: "the control API can set the portal's clock to a given instant (@needs:clock_set)",
    RESET: "the control API can reset the portal's data between scenarios",
}


@dataclass(frozen=True)
class Target:
    name: str
    source: Path
    base_url: str
    engine: str
    bindings: dict[str, DocumentBinding]  # per document in scope: page map, data set, patterns
    captcha_test_value: str = field(repr=False)
    messages: Messages
    control: Control | None
    request_timeout: float
    browser: BrowserSettings = field(default_factory=BrowserSettings)
    rules: tuple[str, ...] = ()  # the rules in scope; empty: every rule of the documents
    expected: ExpectedFailures = field(default_factory=ExpectedFailures)
    absent: dict[str, str] = field(default_factory=dict)  # capability -> why this portal lacks it
    accounts_state: Path = Path(".portalcert/state/target.json")  # consumed accounts, without reset
    profiles: tuple[str, ...] = ()  # baseline profiles in scope: they run on the documents' bindings

    @property
    def documents(self) -> tuple[str, ...]:
        return (*self.bindings, *self.profiles)

    def binding(self, document: str) -> DocumentBinding:
        try:
            return self.bindings[document]
        except KeyError:
            raise ConfigError(str(self.source), "documents", f"{document} is not in this target") from None

    def patterns(self, document: str) -> dict[str, re.Pattern[str]]:
        """The message patterns for a document: the target's, with the document's own on top."""
        return {**self.messages.patterns, **self.binding(document).patterns}

    @property
    def embedded(self) -> bool:
        return self.base_url == EMBEDDED

    @property
    def has_clock(self) -> bool:
        return self.control is not None and self.control.clock is not None and CLOCK not in self.absent

    @property
    def has_clock_set(self) -> bool:
        return (
            self.control is not None and self.control.clock_set is not None and CLOCK_SET not in self.absent
        )

    def has_event(self, name: str) -> bool:
        """Whether the control API can play back-office event `name` (@needs:event:<name>)."""
        return self.control is not None and self.control.event(name) is not None

    @property
    def has_reset(self) -> bool:
        return self.control is not None and self.control.reset is not None and RESET not in self.absent

    def absent_reason(self, capabilities: set[str]) -> str:
        """Why a scenario needing `capabilities` cannot apply here (empty: the target has them all)."""
        declared = sorted(capabilities & set(self.absent))
        return f"the target declares {declared[0]} absent: {self.absent[declared[0]]}" if declared else ""

    def in_scope(self, rule_id: str) -> bool:
        return not self.rules or rule_id in self.rules

    def needs_names_of(self, rule_id: str) -> bool:
        """Whether the page map must have what the rule uses (a document's contract lists its
        profiles' rules too)."""
        return answers_for(self.rules, self.profiles, rule_id)

    def out_of_scope_reason(self, rule_id: str) -> str:
        """Why the rule is NOT_APPLICABLE here; empty when the target answers for it."""
        if self.in_scope(rule_id):
            return ""
        return f"outside the target's scope (its rules: {', '.join(self.rules)})"


def answers_for(rules: tuple[str, ...], profiles: tuple[str, ...], rule_id: str) -> bool:
    """Whether a target with these `rules:` and profiles in scope answers for the rule: named (or no
    rule named), and a profile's rule only while its profile is in scope. Its page map and data set
    must then have what the rule uses."""
    owner = registry.of_rule(rule_id)
    profile_out = owner is not None and owner.profile and owner.id not in profiles
    return (not rules or rule_id in rules) and not profile_out


def _path(node: Node, base: Path) -> Path:
    path = Path(node.string())
    return path if path.is_absolute() else (base / path).resolve()


def _browser(node: Node) -> BrowserSettings:
    if node.value is None:
        return BrowserSettings()
    node.reject_unknown(
        {"executable", "channel", "connect", "headed", "slow_mo_ms", "action_seconds", "trace"}
        | {"keyboard_only"}
    )
    return BrowserSettings(
        executable=expand_env(node.child("executable")),
        channel=node.child("channel").string(required=False),
        connect=expand_env(node.child("connect")),
        headed=node.child("headed").boolean(default=False),
        slow_mo_ms=node.child("slow_mo_ms").number(default=0.0),
        action_seconds=node.child("action_seconds").number(default=5.0),
        trace=node.child("trace").boolean(default=True),
        keyboard_only=node.child("keyboard_only").boolean(default=False),
    )


def _rules(node: Node) -> tuple[str, ...]:
    rules = node.strings()
    for i, rule in enumerate(rules):
        if not RULE_ID.match(rule):
            raise Node(rule, node.source, f"rules[{i}]", node.line).fail(
                f"{rule!r} is not a rule id (like CM6-17)"
            )
    return tuple(rules)


def _absent(node: Node, bindings: dict[str, DocumentBinding]) -> dict[str, str]:
    """`absent: {name: reason}`: capabilities or states the portal does not have. The names are the
    documents' own (`DocumentSpec.capabilities`) and the generic clock and reset."""
    known = dict(GENERIC_CAPABILITIES)
    for document in bindings:
        known.update(registry.get(document).capabilities)
    absent: dict[str, str] = {}
    for name, reason in node.items():
        if name not in known:
            raise reason.fail(f"unknown capability {name!r} (known: {', '.join(sorted(known))})")
        text = reason.string(required=False).strip()
        if not text:
            raise reason.fail("say why the portal does not have it")
        absent[name] = text
    return absent


def _accounts_state(node: Node, source: Path) -> Path:
    """Where consumed accounts are remembered between runs of a target without reset. A relative path
    is taken from the working directory, like the report folder, so a checkout's state stays in it."""
    default = Path(".portalcert") / "state" / f"{source.stem}.json"
    return Path(node.string()) if node.value is not None else default


def parse(root: Node, source: Path, *, check_contracts: bool = True) -> Target:
    """A target from its YAML; with `check_contracts`, its page map must have every name the rules
    in scope use (see portalcert.pagemap_contract), so a gap is a ConfigError before any run."""
    root.reject_unknown(
        {
            "schema",
            "name",
            "base_url",
            "engine",
            "documents",
            "pagemap",
            "data",
            "captcha",
            "messages",
            "control",
            "timeouts",
            "browser",
            "rules",
            "expected_failures",
            "absent",
            "accounts_state",
        }
    )
    schema = root.child("schema")
    if schema.string() != SCHEMA:
        raise schema.fail(f"unsupported schema {schema.value!r} (expected {SCHEMA})")
    base_url = root.child("base_url")
    url = expand_env(base_url) if base_url.value is not None else base_url.string()
    if url != EMBEDDED and not re.match(r"^https?://[^/\s]+", url):
        raise base_url.fail(f"expected an http(s) URL or '{EMBEDDED}', got {url!r}")
    engine = root.child("engine")
    if engine.string(required=False, default="http") not in ENGINES:
        raise engine.fail(f"unknown engine {engine.value!r} (available: {', '.join(ENGINES)})")
    captcha = root.child("captcha")
    captcha.reject_unknown({"test_value"})
    timeouts = root.child("timeouts")
    timeouts.reject_unknown({"request_seconds"})
    base = source.parent
    messages = target_messages.parse(root.child("messages"))
    control = target_control.parse(root.child("control"))
    if messages.uses_outbox and (control is None or control.simulator is None) and url != EMBEDDED:
        raise root.child("messages").fail(
            "the 'simulator' source needs the simulator's control API (control: url and token): its outbox"
        )
    rules = _rules(root.child("rules"))
    failures_node = root.child("expected_failures")
    expected = (
        expected_failures.load(_path(failures_node, base))
        if failures_node.value is not None
        else ExpectedFailures()
    )
    profiles = target_documents.profiles(root)
    bindings = target_documents.parse(root, base, lambda rule: answers_for(rules, profiles, rule))
    target = Target(
        name=root.child("name").string(),
        source=source,
        base_url=url.rstrip("/"),
        engine=engine.string(required=False, default="http"),
        bindings=bindings,
        captcha_test_value=expand_env(captcha.child("test_value")),
        messages=messages,
        control=control,
        request_timeout=timeouts.child("request_seconds").number(default=15.0),
        browser=_browser(root.child("browser")),
        rules=rules,
        expected=expected,
        absent=_absent(root.child("absent"), bindings),
        accounts_state=_accounts_state(root.child("accounts_state"), source),
        profiles=profiles,
    )
    if check_contracts:
        for document, binding in target.bindings.items():
            pagemap_contract.check(binding.pagemap, document, target.needs_names_of)
    return target


def resolve(name_or_path: str) -> Path:
    """`simulator` names a bundled target; anything else is a path to a YAML file."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        return candidate
    builtin = BUILTIN_DIR / f"{name_or_path}.yaml"
    if builtin.exists():
        return builtin
    raise ConfigError(name_or_path, "", "no such target file and no bundled target of that name")


def load(name_or_path: str, *, check_contracts: bool = True) -> Target:
    path = resolve(name_or_path)
    return parse(yamlsource.load(path), path.resolve(), check_contracts=check_contracts)
