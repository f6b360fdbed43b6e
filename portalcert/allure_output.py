"""allure-behave's formatter, taught about Gherkin `Rule:` blocks.

allure-behave 2.16 wraps only a feature's top-level scenarios; scenarios inside `Rule:` blocks
would produce no result files. This subclass wraps those too.
"""

from __future__ import annotations

from typing import Any

from allure_behave.formatter import AllureFormatter


class RuleAwareAllureFormatter(AllureFormatter):  # type: ignore[misc]
    def feature(self, feature: Any) -> None:
        super().feature(feature)
        for rule in getattr(feature, "rules", []):
            self._wrap_scenario(rule.scenarios)
