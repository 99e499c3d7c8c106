"""Roll-call results against the total composition, roll-call validation, deputies' statistics."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from app.domain.votes import (
    Attendance,
    FactionDiscipline,
    Majority,
    Mandate,
    Participation,
    VoteOption,
    VoteValidationError,
    absent_more_than_half,
    attendance,
    attendance_by_year,
    compute_result,
    faction_discipline,
    has_mandate,
    participation,
    validate_roll_call,
    votes_against_faction,
)

FOR, AGAINST, ABSTAINED, NOT_VOTING, ABSENT = (
    VoteOption.FOR,
    VoteOption.AGAINST,
    VoteOption.ABSTAINED,
    VoteOption.NOT_VOTING,
    VoteOption.ABSENT,
)
CONVOCATION_START = date(2020, 12, 1)


def roll(**counts: int) -> dict[int, VoteOption]:
    """A roll call with ``counts`` of each option, deputies numbered from 1."""
    options: dict[int, VoteOption] = {}
    for name, n in counts.items():
        for _ in range(n):
            options[len(options) + 1] = VoteOption[name.upper()]
    return options


# --- labels and required votes ----------------------------------------------------------------------------------


def test_option_labels() -> None:
    assert [o.label_uk for o in VoteOption] == ["за", "проти", "утримався", "не голосував", "відсутній"]
    assert [o.label("en") for o in VoteOption] == ["for", "against", "abstained", "did not vote", "absent"]
    assert VoteOption("not_voting") is NOT_VOTING


@pytest.mark.parametrize(
    ("composition", "simple", "two_thirds"),
    [(1, 1, 1), (3, 2, 2), (22, 12, 15), (26, 14, 18), (27, 14, 18), (34, 18, 23), (42, 22, 28), (64, 33, 43)],
)
def test_required_votes(composition: int, simple: int, two_thirds: int) -> None:
    assert Majority.SIMPLE_OF_COMPOSITION.required_votes(composition) == simple
    assert Majority.TWO_THIRDS_OF_COMPOSITION.required_votes(composition) == two_thirds


def test_composition_must_be_positive() -> None:
    with pytest.raises(VoteValidationError, match="Загальний склад ради має бути додатним"):
        Majority.SIMPLE_OF_COMPOSITION.required_votes(0)
    with pytest.raises(VoteValidationError, match="додатним"):
        compute_result({}, 0)


def test_majority_labels() -> None:
    assert Majority.SIMPLE_OF_COMPOSITION.label_uk == "більшість від загального складу ради"
    assert Majority.TWO_THIRDS_OF_COMPOSITION.label_en == "two thirds of the total composition"


# --- one roll call ----------------------------------------------------------------------------------------------


def test_majority_of_those_present_is_not_enough() -> None:
    # 26 seats, 20 present: 13 of 20 is a majority of those present, but 14 of 26 are needed.
    result = compute_result(roll(**{"for": 13}, against=7, absent=6), 26)
    assert result.required == 14
    assert not result.passed
    assert result.votes_for == 13 and result.against == 7 and result.absent == 6


def test_passes_with_exactly_the_required_votes() -> None:
    result = compute_result(roll(**{"for": 14}, against=2, abstained=3, not_voting=1, absent=6), 26)
    assert result.passed
    assert result.counts == {FOR: 14, AGAINST: 2, ABSTAINED: 3, NOT_VOTING: 1, ABSENT: 6}
    assert list(result.counts) == list(VoteOption)
    assert (result.abstained, result.not_voting) == (3, 1)


def test_vacant_seats_count_against() -> None:
    # 26 seats, 3 vacant: 23 deputies, 13 for — not enough.
    result = compute_result(roll(**{"for": 13}, against=10), 26)
    assert not result.passed


def test_two_thirds() -> None:
    options = roll(**{"for": 17}, against=9)
    assert not compute_result(options, 26, Majority.TWO_THIRDS_OF_COMPOSITION).passed
    options = roll(**{"for": 18}, against=8)
    result = compute_result(options, 26, Majority.TWO_THIRDS_OF_COMPOSITION)
    assert result.passed and result.required == 18 and result.majority is Majority.TWO_THIRDS_OF_COMPOSITION


def test_options_may_be_stored_strings() -> None:
    result = compute_result({1: "for", 2: "for", 3: "absent"}, 3)
    assert result.passed and result.counts[ABSENT] == 1


def test_more_entries_than_seats() -> None:
    with pytest.raises(
        VoteValidationError, match=r"Записів голосування \(27\) більше, ніж загальний склад ради \(26\)"
    ):
        compute_result(roll(**{"for": 27}), 26)


def test_unknown_option() -> None:
    with pytest.raises(VoteValidationError, match="Невідомий варіант голосування: 2: «maybe»"):
        compute_result({1: "for", 2: "maybe"}, 3)


def mandates_of(n: int) -> dict[int, Mandate]:
    return {d: (CONVOCATION_START, None) for d in range(1, n + 1)}


def test_has_mandate_is_inclusive() -> None:
    mandate = (date(2021, 1, 1), date(2022, 6, 30))
    assert has_mandate(mandate, date(2021, 1, 1))
    assert has_mandate(mandate, date(2022, 6, 30))
    assert not has_mandate(mandate, date(2022, 7, 1))
    assert not has_mandate(mandate, date(2020, 12, 31))
    assert has_mandate((date(2021, 1, 1), None), date(2030, 1, 1))


def test_full_validation_passes_for_a_correct_roll_call() -> None:
    options = roll(**{"for": 3}, not_voting=1, absent=1)
    result = compute_result(options, 5, mandates=mandates_of(5), vote_date=date(2026, 3, 12), present={1, 2, 3, 4})
    assert result.passed


def test_deputy_without_an_active_mandate_cannot_vote() -> None:
    mandates = mandates_of(5)
    mandates[5] = (CONVOCATION_START, date(2026, 3, 1))  # resigned
    with pytest.raises(VoteValidationError, match=r"На дату голосування 12\.03\.2026 не мали чинних повноважень: Ш"):
        validate_roll_call(
            roll(**{"for": 5}), composition=5, mandates=mandates, vote_date=date(2026, 3, 12), names={5: "Ш"}
        )


def test_someone_who_is_not_a_deputy_cannot_vote() -> None:
    options = roll(**{"for": 5})
    with pytest.raises(VoteValidationError, match="Не є депутатами цієї ради: 5"):
        validate_roll_call(options, composition=5, mandates=mandates_of(4), vote_date=date(2026, 3, 12))


def test_every_active_deputy_needs_an_option() -> None:
    names = {3: "Коваль О. П.", 4: "Бондар І. В."}
    with pytest.raises(VoteValidationError) as caught:
        validate_roll_call(
            roll(**{"for": 2}), composition=5, mandates=mandates_of(4), vote_date=date(2026, 3, 12), names=names
        )
    assert caught.value.problems == ("Не вказано результат голосування депутатів: Бондар І. В., Коваль О. П.",)
    assert isinstance(caught.value, ValueError)


def test_deputy_whose_mandate_starts_later_needs_no_option() -> None:
    mandates = mandates_of(3)
    mandates[4] = (date(2026, 4, 1), None)  # took the seat of a deputy who left
    validate_roll_call(roll(**{"for": 3}), composition=5, mandates=mandates, vote_date=date(2026, 3, 12))


def test_too_many_active_mandates() -> None:
    with pytest.raises(VoteValidationError, match=r"Чинних мандатів \(6\) більше"):
        validate_roll_call(roll(**{"for": 5}), composition=5, mandates=mandates_of(6), vote_date=date(2026, 3, 12))


def test_voting_requires_registration() -> None:
    options = {1: FOR, 2: NOT_VOTING, 3: ABSENT, 4: AGAINST}
    with pytest.raises(VoteValidationError, match="не зареєстровані присутніми на засіданні: 2, 4"):
        validate_roll_call(options, composition=5, present={1})
    # An absent deputy may be registered (left the hall before the vote).
    validate_roll_call(options, composition=5, present={1, 2, 3, 4})


def test_every_problem_is_reported_at_once() -> None:
    options: dict[int, VoteOption | str] = {1: "for", 2: "??", 7: "for"}
    with pytest.raises(VoteValidationError) as caught:
        validate_roll_call(options, composition=2, mandates=mandates_of(3), vote_date=date(2026, 3, 12), present={1})
    problems = caught.value.problems
    assert problems == (
        "Невідомий варіант голосування: 2: «??»",
        "Записів голосування (3) більше, ніж загальний склад ради (2)",
        "Не є депутатами цієї ради: 7",
        "Чинних мандатів (3) більше, ніж загальний склад ради (2): перевірте дати",
        "Не вказано результат голосування депутатів: 3",
        "Мають результат голосування, але не зареєстровані присутніми на засіданні: 7",
    )
    assert str(caught.value) == "\n".join(problems)


def test_mandate_check_needs_a_date() -> None:
    with pytest.raises(ValueError, match="vote_date"):
        validate_roll_call({1: FOR}, composition=1, mandates=mandates_of(1))


# --- statistics -------------------------------------------------------------------------------------------------


SESSIONS = {
    1: date(2025, 2, 1),
    2: date(2025, 5, 1),
    3: date(2025, 9, 1),
    4: date(2025, 12, 1),
    5: date(2026, 2, 1),
    6: date(2026, 5, 1),
}
MANDATES: dict[str, Mandate] = {
    "a": (CONVOCATION_START, None),
    "b": (CONVOCATION_START, date(2025, 6, 30)),  # left mid-2025
    "c": (date(2025, 7, 1), None),  # took b's seat
}
PRESENT = [(1, "a"), (2, "a"), (3, "a"), (5, "a"), (6, "a"), (1, "b"), (3, "c"), (1, "a")]


def test_attendance_counts_only_sessions_during_the_mandate() -> None:
    result = attendance(SESSIONS, PRESENT, MANDATES)
    assert result["a"] == Attendance(sessions=6, present=5)
    assert result["b"] == Attendance(sessions=2, present=1)
    assert result["c"] == Attendance(sessions=4, present=1)
    assert result["a"].percent == pytest.approx(83.333, abs=0.001)
    assert result["c"].absent == 3 and result["c"].absent_more_than_half


def test_attendance_per_convocation_period() -> None:
    result = attendance(SESSIONS, PRESENT, MANDATES, start=date(2025, 7, 1), end=date(2025, 12, 31))
    assert result == {"a": Attendance(2, 1), "c": Attendance(2, 1)}


def test_attendance_by_year() -> None:
    result = attendance_by_year(SESSIONS, PRESENT, MANDATES)
    assert result["a"] == {2025: Attendance(4, 3), 2026: Attendance(2, 2)}
    assert result["b"] == {2025: Attendance(2, 1)}
    assert result["c"] == {2025: Attendance(2, 1), 2026: Attendance(2, 0)}


def test_absent_more_than_half_of_a_year() -> None:
    # Exactly half is not "more than half": b and c missed 1 of 2 in 2025.
    assert absent_more_than_half(SESSIONS, PRESENT, MANDATES, 2025) == []
    assert absent_more_than_half(SESSIONS, PRESENT, MANDATES, 2026) == ["c"]
    assert absent_more_than_half(SESSIONS, PRESENT, MANDATES, 2030) == []


def test_attendance_percent_without_sessions() -> None:
    assert Attendance(0, 0).percent is None
    assert not Attendance(0, 0).absent_more_than_half


ROLL_CALLS = {10: date(2025, 2, 1), 11: date(2025, 2, 1), 12: date(2025, 9, 1), 13: date(2025, 9, 1)}


def test_participation() -> None:
    votes = [
        (10, "a", FOR),
        (11, "a", "against"),
        (12, "a", NOT_VOTING),
        # no row for "a" in 13: not voting
        (10, "b", ABSTAINED),
        (11, "b", ABSENT),
        (12, "c", FOR),
        (13, "c", FOR),
        (12, "b", FOR),  # after b's mandate ended: ignored
        (13, "x", FOR),  # unknown deputy: ignored
    ]
    result = participation(ROLL_CALLS, votes, MANDATES)
    assert result["a"] == Participation(roll_calls=4, voted=2)
    assert result["b"] == Participation(roll_calls=2, voted=1)
    assert result["c"] == Participation(roll_calls=2, voted=2)
    assert result["c"].percent == 100.0
    assert "x" not in result
    assert participation(ROLL_CALLS, votes, MANDATES, start=date(2025, 6, 1))["a"] == Participation(2, 0)


FACTIONS: dict[str, str | None] = {"p1": "P", "p2": "P", "p3": "P", "q1": "Q", "q2": "Q", "i": None}


def test_votes_against_faction() -> None:
    votes = [
        # Roll call 1: P majority FOR (2:1); p3 against it. Q tie 1:1 → no majority.
        (1, "p1", FOR),
        (1, "p2", FOR),
        (1, "p3", AGAINST),
        (1, "q1", FOR),
        (1, "q2", ABSTAINED),
        (1, "i", AGAINST),
        # Roll call 2: P majority ABSTAINED (1, others did not vote); Q majority AGAINST.
        (2, "p1", ABSTAINED),
        (2, "p2", NOT_VOTING),
        (2, "p3", ABSENT),
        (2, "q1", "against"),
        (2, "q2", "against"),
    ]
    assert votes_against_faction(votes, FACTIONS) == [(1, "p3", AGAINST, FOR)]
    discipline = faction_discipline(iter(votes), FACTIONS)
    assert discipline["p3"] == FactionDiscipline(faction="P", compared=1, against=1)
    assert discipline["p1"] == FactionDiscipline(faction="P", compared=2, against=0)
    assert discipline["p2"].compared == 1
    assert discipline["q1"] == FactionDiscipline(faction="Q", compared=1, against=0)
    assert discipline["p3"].percent_against == 100.0
    assert "i" not in discipline


def test_faction_member_without_votes_has_nothing_compared() -> None:
    discipline = faction_discipline([], {"p1": "P"})
    assert discipline["p1"] == FactionDiscipline(faction="P", compared=0, against=0)
    assert discipline["p1"].percent_against is None


def test_statistics_over_a_convocation_run_in_under_a_second() -> None:
    """64 deputies, 300 sessions, 40 roll calls each: 768 000 individual votes."""
    rng = random.Random(7)
    deputies = range(64)
    mandates: dict[int, Mandate] = {d: (CONVOCATION_START, None if d % 9 else date(2023, 6, 30)) for d in deputies}
    sessions = {s: CONVOCATION_START + timedelta(days=6 * s) for s in range(300)}
    roll_calls = {s * 40 + i: day for s, day in sessions.items() for i in range(40)}
    weights = [FOR] * 6 + [AGAINST, ABSTAINED, NOT_VOTING, ABSENT]
    votes = [(r, d, rng.choice(weights).value) for r in roll_calls for d in deputies]
    present = [(s, d) for s in sessions for d in deputies if rng.random() < 0.85]
    factions = {d: f"F{d % 5}" if d % 7 else None for d in deputies}
    assert len(votes) == 768_000

    # Runs at council scale without error (timings: bench/deputies.py).
    years = attendance_by_year(sessions, present, mandates)
    shares = participation(roll_calls, votes, mandates)
    discipline = faction_discipline(votes, factions)
    assert len(years) == 64 and len(shares) == 64 and discipline
