"""One entry point by rule name: names normalized and dispatched; rules we do not implement refused, never guessed."""

from __future__ import annotations

import pytest

from app.domain.pb import (
    IMPLEMENTED_RULES,
    PbRuleError,
    Rule,
    RuleNotImplementedError,
    check_rule,
    rule_title,
    run_rule,
)
from tests.domain.pb.support import ELECTION, P


@pytest.mark.parametrize("rule", ["greedy-custom", "greedy-exclusive", "unknown", "", "phragmen"])
def test_unimplemented_rules_are_refused_never_guessed(rule: str) -> None:
    with pytest.raises(RuleNotImplementedError, match="Правило не реалізовано") as info:
        run_rule(rule, [P("A", 1, 1)], 10)
    assert info.value.rule == (rule or "(порожньо)")


def test_rule_names_are_normalized_and_dispatched() -> None:
    assert run_rule(" GREEDY ", ELECTION, 100).selected == ("A", "C", "D")
    assert run_rule("greedy-no-skip", ELECTION, 100).selected == ("A",)
    assert run_rule("greedy-no-skip", ELECTION, 100, threshold=45).selected == ("A",)
    assert run_rule("greedy-threshold", ELECTION, 100, threshold=25).selected == ("A", "C")
    # plain greedy ignores a threshold, as Pabulib defines it
    assert run_rule("greedy", ELECTION, 100, threshold=25).selected == ("A", "C", "D")
    with pytest.raises(PbRuleError, match="потребує порогу"):
        run_rule("greedy-threshold", ELECTION, 100)
    with pytest.raises(PbRuleError, match="бюлетені"):
        run_rule("equalshares", ELECTION, 100)


def test_rules_are_titled_in_both_languages() -> None:
    assert IMPLEMENTED_RULES == tuple(rule.value for rule in Rule)
    assert rule_title("equalshares/add1") == "метод рівних часток із доповненням Add1"
    assert rule_title("greedy", "en") == "greedy rule: by number of votes, projects that do not fit are skipped"
    assert rule_title("greedy-custom") is None
    assert check_rule(" EqualShares ") == "equalshares"
