"""Target files: everything that adapts the suite to one portal, as data (YAML), not code."""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from portalcert import pagemap as pagemap_module
from portalcert import testdata, yamlsource
from portalcert.documents import DOCUMENTS
from portalcert.errors import ConfigError
from portalcert.pagemap import PageMap
from portalcert.testdata import TestData
from portalcert.yamlsource import Node

SCHEMA = "portalcert-target/1"
EMBEDDED = "embedded"  # base_url value: start the bundled simulator in-process
ENGINES = ("http",)
BUILTIN_DIR = Path(__file__).resolve().parent.parent / "targets"

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class Control:
    """A control API (the simulator's `/_sim/`): reset between scenarios and a clock."""

    url: str  # EMBEDDED or an absolute URL
    token: str = field(repr=False)
    reset: bool = True
    clock: bool = True


@dataclass(frozen=True)
class Messages:
    """Where one-time codes and e-mails arrive, and how to pick values out of them."""

    source: str  # "simulator": the control API's outbox
    wait_seconds: float
    patterns: dict[str, re.Pattern[str]]


@dataclass(frozen=True)
class Target:
    name: str
    source: Path
    base_url: str
    engine: str
    documents: tuple[str, ...]
    pagemap: PageMap
    data: TestData
    captcha_test_value: str = field(repr=False)
    messages: Messages
    control: Control | None
    request_timeout: float

    @property
    def embedded(self) -> bool:
        return self.base_url == EMBEDDED

    @property
    def has_clock(self) -> bool:
        return self.control is not None and self.control.clock


def _expand_env(node: Node) -> str:
    """`${NAME}` references keep secrets out of target files and reports."""
    text = node.string(required=False)

    def substitute(match: re.Match[str]) -> str:
        value = os.environ.get(match.group(1))
        if value is None:
            raise node.fail(f"environment variable {match.group(1)} is not set")
        return value

    return _ENV_REF.sub(substitute, text)


def _path(node: Node, base: Path) -> Path:
    path = Path(node.string())
    return path if path.is_absolute() else (base / path).resolve()


def _messages(node: Node) -> Messages:
    node.reject_unknown({"source", "wait_seconds", "patterns"})
    source = node.child("source")
    if source.string() != "simulator":
        raise source.fail("only 'simulator' (the simulator's outbox) is supported by this version")
    patterns: dict[str, re.Pattern[str]] = {}
    for name, pattern in node.child("patterns").items():
        try:
            compiled = re.compile(pattern.string())
        except re.error as exc:
            raise pattern.fail(f"not a valid regular expression: {exc}") from None
        if compiled.groups != 1:
            raise pattern.fail("must have exactly one capturing group (the value to extract)")
        patterns[name] = compiled
    return Messages(source.string(), node.child("wait_seconds").number(default=5.0), patterns)


def _control(node: Node) -> Control | None:
    if node.value is None:
        return None
    node.reject_unknown({"url", "token", "reset", "clock"})
    url = _expand_env(node.child("url")) or node.child("url").string()
    token = _expand_env(node.child("token"))
    if url == EMBEDDED:
        token = token or secrets.token_urlsafe(16)
    elif not token:
        raise node.child("token").fail("is required for a control API that is not embedded")
    return Control(
        url, token, node.child("reset").boolean(default=True), node.child("clock").boolean(default=True)
    )


def parse(root: Node, source: Path) -> Target:
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
        }
    )
    schema = root.child("schema")
    if schema.string() != SCHEMA:
        raise schema.fail(f"unsupported schema {schema.value!r} (expected {SCHEMA})")
    base_url = root.child("base_url")
    url = _expand_env(base_url) if base_url.value is not None else base_url.string()
    if url != EMBEDDED and not re.match(r"^https?://[^/\s]+", url):
        raise base_url.fail(f"expected an http(s) URL or '{EMBEDDED}', got {url!r}")
    engine = root.child("engine")
    if engine.string(required=False, default="http") not in ENGINES:
        raise engine.fail(f"unknown engine {engine.value!r} (available: {', '.join(ENGINES)})")
    documents = root.child("documents")
    for i, doc in enumerate(documents.strings()):
        if doc not in DOCUMENTS:
            raise Node(doc, documents.source, f"documents[{i}]", documents.line).fail(
                f"unknown document {doc!r} (known: {', '.join(DOCUMENTS)})"
            )
    captcha = root.child("captcha")
    captcha.reject_unknown({"test_value"})
    timeouts = root.child("timeouts")
    timeouts.reject_unknown({"request_seconds"})
    base = source.parent
    return Target(
        name=root.child("name").string(),
        source=source,
        base_url=url.rstrip("/"),
        engine=engine.string(required=False, default="http"),
        documents=tuple(documents.strings()) or tuple(DOCUMENTS),
        pagemap=pagemap_module.load(_path(root.child("pagemap"), base)),
        data=testdata.load(_path(root.child("data"), base)),
        captcha_test_value=_expand_env(captcha.child("test_value")),
        messages=_messages(root.child("messages")),
        control=_control(root.child("control")),
        request_timeout=timeouts.child("request_seconds").number(default=15.0),
    )


def resolve(name_or_path: str) -> Path:
    """`simulator` names a bundled target; anything else is a path to a YAML file."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        return candidate
    builtin = BUILTIN_DIR / f"{name_or_path}.yaml"
    if builtin.exists():
        return builtin
    raise ConfigError(name_or_path, "", "no such target file and no bundled target of that name")


def load(name_or_path: str) -> Target:
    path = resolve(name_or_path)
    return parse(yamlsource.load(path), path.resolve())
