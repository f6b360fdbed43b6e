"""Shared by the profile's tasks: the document's flows, the HTTP exchanges, what a scenario noted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from portalcert.actor import Actor
from portalcert.checks import PreconditionFailed
from portalcert.engines.base import EngineError
from portalcert.engines.wire import Exchange, Wire

from ..support import SecurityFlows

SecActor = Actor[Any, Any]
Flow = TypeVar("Flow", bound=Callable[..., Any])


@dataclass
class Notes:
    """What a scenario's When steps saw, for its Then steps to judge."""

    codes: list[str] = field(default_factory=list)  # sign-in codes received, oldest first
    cookies: dict[str, str] = field(default_factory=dict)  # the user agent's cookies at a noted moment
    answers: dict[str, list[Exchange]] = field(default_factory=dict)  # named answers to judge
    said: dict[str, str] = field(default_factory=dict)  # what a named try was answered, in words
    mark: int = 0  # index of the first exchange of the scenario's judged part


def flows(actor: SecActor) -> SecurityFlows:
    found = actor.profile
    if not isinstance(found, SecurityFlows):
        raise PreconditionFailed("the document under test gives the security baseline no flows")
    return found


def required(flow: Flow | None, need: str) -> Flow:
    """An optional flow that a scenario tagged `@needs:<need>` uses: without it the hooks made the
    scenario NOT_APPLICABLE, so reaching here without it is the harness's error."""
    if flow is None:
        raise PreconditionFailed(f"the document's security flows lack what @needs:{need} names")
    return flow


def wire(actor: SecActor) -> Wire:
    engine = actor.portal.engine
    if not isinstance(engine, Wire):
        raise EngineError(f"the {engine.name} engine does not show its HTTP exchanges")
    return engine


def exchanges(actor: SecActor, since: int = 0) -> list[Exchange]:
    return wire(actor).exchanges()[since:]


def last_post(actor: SecActor, since: int = 0) -> Exchange:
    posts = [hop for hop in exchanges(actor, since) if hop.method == "POST"]
    if not posts:
        raise PreconditionFailed("the scenario sent no form")
    return posts[-1]
