"""Pure rules of the council register: option parsing, decision numbers, Ukrainian collation, deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.deputies import (
    InitiativeKind,
    MandateEndReason,
    check_decision_number,
    collation_key,
    decision_number,
    full_name,
    initiative_answer_due,
    parse_vote_option,
    report_publication_deadline,
    roman,
    short_name,
)
from app.domain.votes import VoteOption


@pytest.mark.parametrize(("text", "option"), [
    ("За", VoteOption.FOR), ("ЗА ", VoteOption.FOR), ("+", VoteOption.FOR), ("1", VoteOption.FOR),
    ("yes", VoteOption.FOR), ("Проти", VoteOption.AGAINST), ("-", VoteOption.AGAINST), ("2", VoteOption.AGAINST),
    ("Утримався", VoteOption.ABSTAINED), ("утрим.", VoteOption.ABSTAINED), ("Утрималася", VoteOption.ABSTAINED),
    ("Не голосував", VoteOption.NOT_VOTING), ("не  голосувала", VoteOption.NOT_VOTING), ("4", VoteOption.NOT_VOTING),
    ("Відсутній", VoteOption.ABSENT), ("відсутня", VoteOption.ABSENT), ("absent", VoteOption.ABSENT),
    ("not_voting", VoteOption.NOT_VOTING), ("5", VoteOption.ABSENT),
])
def test_parse_vote_option(text: str, option: VoteOption) -> None:
    assert parse_vote_option(text) is option


@pytest.mark.parametrize("text", ["", "  ", "може", "6", None, "за проти"])
def test_parse_vote_option_rejects(text: str | None) -> None:
    assert parse_vote_option(text) is None


def test_roman_and_decision_number() -> None:
    assert [roman(n) for n in (1, 4, 8, 9, 14, 40, 1990)] == ["I", "IV", "VIII", "IX", "XIV", "XL", "MCMXC"]
    assert decision_number(12, 3, 8) == "12-3/VIII"
    with pytest.raises(ValueError):
        roman(0)


def test_check_decision_number() -> None:
    assert check_decision_number("12-3/VIII") is None
    assert check_decision_number("№ 45/2025") is None
    assert check_decision_number("") == "Вкажіть номер рішення (наприклад, 12-3/VIII)."
    assert "незвичний" in (check_decision_number("рішення про бюджет") or "")
    assert "незвичний" in (check_decision_number("12<3>") or "")


def test_collation_follows_the_ukrainian_alphabet() -> None:
    names = ["Їжакевич", "Ґудзь", "Яковенко", "Єременко", "Іваненко", "Гончаренко", "Дяченко", "Д’яченко",
             "Ейсмонт", "Зінченко", "ґалаґан"]
    assert sorted(names, key=collation_key) == ["Гончаренко", "ґалаґан", "Ґудзь", "Дяченко", "Д’яченко",
                                                "Ейсмонт", "Єременко", "Зінченко", "Іваненко", "Їжакевич",
                                                "Яковенко"]


def test_names() -> None:
    assert full_name(" Шевченко ", "Олена", "") == "Шевченко Олена"
    assert short_name("Шевченко", "Олена", "Петрівна") == "Шевченко О. П."
    assert short_name("Ґудзь", "Богдан") == "Ґудзь Б."


def test_deadlines() -> None:
    submitted = dt.date(2025, 3, 1)
    assert initiative_answer_due(InitiativeKind.INQUIRY, submitted, inquiry_days=30, appeal_days=10) == \
        dt.date(2025, 3, 31)
    assert initiative_answer_due("appeal", submitted, inquiry_days=30, appeal_days=10) == dt.date(2025, 3, 11)
    assert initiative_answer_due("draft_decision", submitted, inquiry_days=30, appeal_days=10) is None
    assert report_publication_deadline(dt.date(2026, 1, 20), 7) == dt.date(2026, 1, 13)


def test_labels() -> None:
    assert MandateEndReason.RESIGNATION.label_uk == "складення мандата"
    assert MandateEndReason.RECALL.label("en") == "recall"
