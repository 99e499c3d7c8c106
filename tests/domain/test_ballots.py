"""The rules of a paper ballot, without a database: a sheet built in memory, every refusal specific.

The same rules run in the entry form as the clerk types and in the service when the ballot is saved
(``tests/services/budget/test_ballots.py`` proves the saving side).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.domain.ballots import (
    AGE_UNKNOWN,
    BallotRefused,
    BallotSheet,
    OnlineVote,
    PreviousBallot,
    RefusalCode,
    SheetCategory,
    SheetProject,
    by_age_group,
    check_age,
    check_choices,
    check_date,
    check_identifier,
    check_online_vote,
    normalize_identifier,
    parse_choices,
)
from app.domain.budget import Channel

TODAY = date(2026, 5, 20)


def sheet(*, vote_type: str = "approval", max_choices: int | None = 3, max_points: int | None = None,
          min_choices: int = 1, approved: bool = False) -> BallotSheet:
    """Small (≤2 per ballot): 1–3; large (≤1): 4–5; 6 not admitted; voting 15–25 May, from age 16."""
    cats = (SheetCategory(10, "Малі проєкти", 2), SheetCategory(20, "Великі проєкти", 1))
    projects = [SheetProject(n, n, f"P{n}", f"Проєкт {n}", 10 if n <= 3 else 20,
                             "ineligible" if n == 6 else "eligible") for n in range(1, 7)]
    return BallotSheet(1, "Тестовий цикл", vote_type, min_choices, max_choices, max_points, 16, date(2026, 5, 15),
                       date(2026, 5, 25), approved, cats, {p.number: p for p in projects},
                       {p.code: p for p in projects})


def refusal(call: object, *args: object, **kwargs: object) -> BallotRefused:
    assert callable(call)
    with pytest.raises(BallotRefused) as err:
        call(*args, **kwargs)
    return err.value


def test_identifier_normalised_as_clerks_type_it() -> None:
    assert normalize_identifier(" ab-123 456 ") == normalize_identifier("АВ123456") == "АВ123456"
    assert normalize_identifier("№ 001234567") == "001234567"
    assert check_identifier("ме 1234") == "МЕ1234"
    too_short = refusal(check_identifier, "АВ1")
    assert too_short.code is RefusalCode.NO_IDENTIFIER and too_short.field == "identifier"
    assert "закороткий" in too_short.message
    assert "Вкажіть ідентифікатор" in refusal(check_identifier, " - ").message
    assert check_identifier("7", min_length=1) == "7"


def test_choices_parsed_in_ballot_order() -> None:
    assert parse_choices("3 7 12") == [(3, None), (7, None), (12, None)]
    assert parse_choices("3, 7; №12") == [(3, None), (7, None), (12, None)]
    assert parse_choices("3:5 7=2") == [(3, 5), (7, 2)]
    assert parse_choices("  ") == []
    bad = refusal(parse_choices, "3 x")
    assert bad.code is RefusalCode.BAD_INPUT and "«x» — не номер проєкту" in bad.message


@pytest.mark.parametrize(("text", "code"), [
    ("9", RefusalCode.UNKNOWN_PROJECT),
    ("6", RefusalCode.INELIGIBLE_PROJECT),
    ("1 1", RefusalCode.DUPLICATE_PROJECT),
    ("", RefusalCode.NO_CHOICE),
    ("1 2 4 5", RefusalCode.TOO_MANY),
    ("1 2 3", RefusalCode.TOO_MANY_IN_CATEGORY),
    ("4 5", RefusalCode.TOO_MANY_IN_CATEGORY),
    ("1:3", RefusalCode.BAD_POINTS),
])
def test_each_broken_rule_has_its_own_refusal(text: str, code: RefusalCode) -> None:
    err = refusal(check_choices, sheet(), parse_choices(text))
    assert err.code is code and err.field == "projects"


def test_a_valid_ballot_returns_its_projects() -> None:
    picked = check_choices(sheet(), parse_choices("4 2"))
    assert [(p.number, pts) for p, pts in picked] == [(4, None), (2, None)]
    assert [p.number for p, _ in check_choices(sheet(), [("P1", None)], by_code=True)] == [1]


def test_minimum_and_choose_one() -> None:
    assert refusal(check_choices, sheet(min_choices=2), [(1, None)]).code is RefusalCode.TOO_FEW
    one = sheet(vote_type="choose-1", max_choices=None)
    assert refusal(check_choices, one, [(1, None), (4, None)]).code is RefusalCode.TOO_MANY


def test_points_ballots() -> None:
    cumulative = sheet(vote_type="cumulative", max_choices=None, max_points=5)
    assert [pts for _, pts in check_choices(cumulative, parse_choices("1:3 4:2"))] == [3, 2]
    for text, fragment in (("1:3 4:3", "не більше 5"), ("1", "вкажіть бали"), ("1:0", "додатну")):
        err = refusal(check_choices, cumulative, parse_choices(text))
        assert err.code is RefusalCode.BAD_POINTS and fragment in err.message


def test_age() -> None:
    check_age(sheet(), 16)
    check_age(sheet(), None, required=False)
    assert refusal(check_age, sheet(), None).code is RefusalCode.BAD_AGE
    assert refusal(check_age, sheet(), 121).code is RefusalCode.BAD_AGE
    under = refusal(check_age, sheet(), 15)
    assert under.code is RefusalCode.UNDER_AGE and under.field == "age"
    assert under.text("en") == "The voter is 15; voting is allowed from 16."


def test_date() -> None:
    check_date(sheet(), TODAY, TODAY)
    assert "ще не настала" in refusal(check_date, sheet(), date(2026, 5, 21), TODAY).message
    assert "поза строком голосування" in refusal(check_date, sheet(), date(2026, 5, 14), TODAY).message
    closed = refusal(check_date, sheet(approved=True), TODAY, TODAY)
    assert closed.code is RefusalCode.VOTING_CLOSED and closed.field == "date"


def test_online_vote_checked_like_a_paper_ballot() -> None:
    vote = OnlineVote(2, "ID-77", ("1", "4"), age=30, cast_on=date(2026, 5, 16))
    assert [p.number for p, _ in check_online_vote(sheet(), vote, TODAY)] == [1, 4]
    by_code = OnlineVote(3, "x", ("P2",))
    assert [p.number for p, _ in check_online_vote(sheet(), by_code, TODAY, by_code=True)] == [2]
    assert refusal(check_online_vote, sheet(), OnlineVote(4, "", ("1",)), TODAY).code is RefusalCode.NO_IDENTIFIER
    assert refusal(check_online_vote, sheet(), OnlineVote(5, "x", ("P1",)), TODAY).code is RefusalCode.BAD_INPUT
    assert refusal(check_online_vote, sheet(), OnlineVote(6, "x", ("1",), age=12), TODAY).code is RefusalCode.UNDER_AGE


def test_rules_text_for_the_entry_form() -> None:
    assert sheet().rules_text() == "до 3 проєкт(ів) загалом; «Малі проєкти»: до 2; «Великі проєкти»: до 1; " \
                                   "вік від 16 років"
    assert sheet().rules_text("en").endswith("age 16 or over")
    assert sheet().category_name(20) == "Великі проєкти"


def test_previous_ballot_is_described_for_the_refusal() -> None:
    online = PreviousBallot(7, Channel.ONLINE.value, "", date(2026, 5, 16), datetime(2026, 5, 16, 9, 30), "")
    assert online.describe().startswith("16.05.2026, онлайн (введено ")
    paper = PreviousBallot(8, Channel.PAPER.value, "Бібліотека", None, datetime(2026, 5, 16, 9, 30), "оператор")
    text = paper.describe()
    assert text.startswith("пункт «Бібліотека» (введено ") and text.endswith(", вніс(ла) оператор)")


def test_ballots_grouped_by_age() -> None:
    groups = dict(by_age_group([(17, 2), (18, 1), (44, 3), (60, 1), (None, 4), (130, 1)]))
    assert groups["до 18 років"] == 2 and groups["18–29 років"] == 1 and groups["30–44 роки"] == 3
    assert groups["60 років і старші"] == 1 and groups[AGE_UNKNOWN] == 5
    assert AGE_UNKNOWN not in dict(by_age_group([(30, 1)]))
