"""The outcome rules by their Pabulib names (META ``rule``), their titles, and the errors of the rules.

* ``greedy`` — order by votes (points), fund each project that still fits, skip those that do not;
* ``greedy-no-skip`` — the same, but stop at the first project that does not fit;
* ``greedy-threshold`` — ``greedy`` over projects with at least the minimum number of votes (points);
* ``equalshares`` — the Method of Equal Shares (MES) with cost utilities: the budget is split equally
  among voters and a project is funded when its supporters can pay for it, preferring the project whose
  supporters pay least per unit of what they get;
* ``equalshares/add1`` — MES repeated with the per-voter budget raised by one currency unit at a time
  while the outcome still fits the real budget (the completion used by equalshares.net and Pabulib);
* ``equalshares-comparison`` and ``equalshares/add1-comparison`` — the MES result is compared with the
  ``greedy`` result and replaced by it if more voters prefer it (more approved winners).
"""

from __future__ import annotations

from app.domain.enums import TitledEnum


class Rule(TitledEnum):
    """Every rule the program implements; the value is the Pabulib name a category stores."""

    GREEDY = (
        "greedy",
        "жадібне правило: за кількістю голосів, проєкти, що не вміщаються, пропускаються",
        "greedy rule: by number of votes, projects that do not fit are skipped",
    )
    GREEDY_NO_SKIP = (
        "greedy-no-skip",
        "жадібне правило без пропусків: зупинка на першому проєкті, що не вміщається",
        "greedy rule without skipping: stops at the first project that does not fit",
    )
    GREEDY_THRESHOLD = (
        "greedy-threshold",
        "жадібне правило з порогом: лише проєкти з мінімальною кількістю голосів",
        "greedy rule with a threshold: only projects with the minimum number of votes",
    )
    EQUAL_SHARES = "equalshares", "метод рівних часток (Method of Equal Shares)", "Method of Equal Shares"
    EQUAL_SHARES_ADD1 = (
        "equalshares/add1",
        "метод рівних часток із доповненням Add1",
        "Method of Equal Shares with the Add1 completion",
    )
    EQUAL_SHARES_COMPARISON = (
        "equalshares-comparison",
        "метод рівних часток із порівнянням із жадібним правилом",
        "Method of Equal Shares compared with the greedy rule",
    )
    EQUAL_SHARES_ADD1_COMPARISON = (
        "equalshares/add1-comparison",
        "метод рівних часток із доповненням Add1 і порівнянням із жадібним правилом",
        "Method of Equal Shares with the Add1 completion, compared with the greedy rule",
    )


# The rule names as plain strings (what categories, files and outcomes hold).
GREEDY: str = Rule.GREEDY.value
GREEDY_NO_SKIP: str = Rule.GREEDY_NO_SKIP.value
GREEDY_THRESHOLD: str = Rule.GREEDY_THRESHOLD.value
EQUAL_SHARES: str = Rule.EQUAL_SHARES.value
EQUAL_SHARES_ADD1: str = Rule.EQUAL_SHARES_ADD1.value
EQUAL_SHARES_COMPARISON: str = Rule.EQUAL_SHARES_COMPARISON.value
EQUAL_SHARES_ADD1_COMPARISON: str = Rule.EQUAL_SHARES_ADD1_COMPARISON.value

IMPLEMENTED_RULES: tuple[str, ...] = tuple(rule.value for rule in Rule)
GREEDY_RULES: frozenset[str] = frozenset({GREEDY, GREEDY_NO_SKIP, GREEDY_THRESHOLD})
EQUAL_SHARES_RULES: frozenset[str] = frozenset(IMPLEMENTED_RULES) - GREEDY_RULES


def rule_title(rule: str, language: str = "uk") -> str | None:
    """The rule's title in ``"uk"`` or ``"en"``; None for a rule the program does not know."""
    try:
        return Rule(rule).label(language)
    except ValueError:
        return None


class PbRuleError(ValueError):
    """Inputs a rule cannot work with (negative cost, unknown voter...); the message is in Ukrainian."""


class RuleNotImplementedError(PbRuleError):
    """A rule we do not implement (city-specific or unknown): refused, never guessed."""

    def __init__(self, rule: str) -> None:
        self.rule = rule
        super().__init__(f"Правило не реалізовано: «{rule}». Реалізовані правила: {', '.join(IMPLEMENTED_RULES)}.")


def normalize_rule(rule: str) -> str:
    """The rule name as Pabulib spells it (trimmed, lower case)."""
    return rule.strip().lower()


def check_rule(rule: str) -> str:
    """Return the normalized rule name, or raise :class:`RuleNotImplementedError`."""
    name = normalize_rule(rule)
    if name not in IMPLEMENTED_RULES:
        raise RuleNotImplementedError(rule.strip() or "(порожньо)")
    return name
