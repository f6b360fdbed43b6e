"""What a document that opts in leaves out becomes NOT_APPLICABLE: a flow left None is a lacked need."""

from __future__ import annotations

from typing import Any

from portalcert.docspec import ProfileSupport
from profiles.security_baseline.support import NEEDS, Pages, SecurityFlows


def _nothing(actor: Any, *args: Any) -> None:
    return None


def _password_only(**optional: Any) -> SecurityFlows:
    """A document whose sign-in is username and password, with only the optional flows given."""
    pages = Pages(login="login", private="home")
    return SecurityFlows(choose_user=_nothing, sign_in=_nothing, sign_out=_nothing, pages=pages, **optional)


def test_a_password_only_document_lacks_every_optional_need_with_its_reason() -> None:
    support = ProfileSupport(flows=_password_only())
    assert set(support.lacks) == set(NEEDS)
    assert support.lacks["login_code"] == "signing in asks for no one-time code (no code page)"
    assert "leave recover_password out" in support.lacks["password_recovery"]
    assert not support.flows.has_code_step


def test_a_code_flow_without_its_page_still_lacks_the_code_step() -> None:
    flows = _password_only(sent_code=lambda actor: "", codes_sent=lambda actor: 0, type_code=_nothing)
    assert "login_code" in ProfileSupport(flows=flows).lacks


def test_the_document_s_own_reason_wins_over_the_generic_one() -> None:
    support = ProfileSupport(flows=_password_only(), lacks={"registration": "registration is by contract"})
    assert support.lacks["registration"] == "registration is by contract"
