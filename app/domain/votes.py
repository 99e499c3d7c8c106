"""Roll-call votes of a local council: the result of one vote, and deputies' statistics over many.

The result (Law of Ukraine "On local self-government in Ukraine", art. 59): a
decision passes with a majority of the council's **total composition**, not of
those present, so vacant seats and absent deputies count against it. Some
decisions need two thirds of the total composition. ``composition`` is the
number the council configures as its total composition; this module does not
decide whether the head is counted in it.

Statistics are plain functions over plain data (dates, ids, tuples of rows as
they come from SQL), because they run over every individual vote of a
convocation (~770 000 rows for 64 deputies, 300 sessions and 40 items per
session). They loop once or twice over tuples with dict lookups and build no
object per row. Rows for sessions, roll calls or deputies missing from the
mappings passed in are ignored, so a caller may pass a subset (one faction, one
year). Each deputy has one row per roll call; vote options may be
:class:`VoteOption` members or their string values, as stored.

A mandate is ``(start, end)``: the first and the last day (inclusive) on which
the deputy holds it, ``end`` None while it lasts.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from app.domain.enums import TitledEnum
from app.domain.formats import format_date

D = TypeVar("D", bound=Hashable)  # deputy id
S = TypeVar("S", bound=Hashable)  # session id
R = TypeVar("R", bound=Hashable)  # roll-call (vote event) id
F = TypeVar("F", bound=Hashable)  # faction id

Mandate = tuple[dt.date, dt.date | None]


class VoteValidationError(ValueError):
    """A roll call that cannot be right. ``problems`` lists every problem found, in Ukrainian."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


class VoteOption(TitledEnum):
    """A deputy's entry in a roll call; the value is a stable id for storage and exports."""

    FOR = "for", "за", "for"
    AGAINST = "against", "проти", "against"
    ABSTAINED = "abstained", "утримався", "abstained"
    NOT_VOTING = "not_voting", "не голосував", "did not vote"
    ABSENT = "absent", "відсутній", "absent"

def result_label(passed: bool, language: str = "uk") -> str:
    """A roll call's outcome in a word: "прийнято" / "не прийнято" (``"en"``: "adopted" / "not adopted")."""
    if language == "en":
        return "adopted" if passed else "not adopted"
    return "прийнято" if passed else "не прийнято"


# FOR / AGAINST / ABSTAINED: a deputy who pressed a button. The index is used for counting.
_CAST_INDEX: dict[str, int] = {VoteOption.FOR: 0, VoteOption.AGAINST: 1, VoteOption.ABSTAINED: 2}
_CAST_OPTIONS = (VoteOption.FOR, VoteOption.AGAINST, VoteOption.ABSTAINED)


class Majority(TitledEnum):
    """How many votes FOR a decision needs, always counted against the total composition."""

    SIMPLE_OF_COMPOSITION = ("simple_of_composition", "більшість від загального складу ради",
                             "majority of the total composition")
    TWO_THIRDS_OF_COMPOSITION = ("two_thirds_of_composition", "дві третини від загального складу ради",
                                 "two thirds of the total composition")

    def required_votes(self, composition: int) -> int:
        """Votes FOR needed: more than half (``composition // 2 + 1``) or at least two thirds, rounded up."""
        if composition < 1:
            raise VoteValidationError([f"Загальний склад ради має бути додатним, а не {composition}"])
        if self is Majority.SIMPLE_OF_COMPOSITION:
            return composition // 2 + 1
        return -(-2 * composition // 3)


@dataclass(frozen=True)
class VoteResult:
    """The outcome of one roll call. ``counts`` has every option, in :class:`VoteOption` order."""

    counts: Mapping[VoteOption, int]
    composition: int
    majority: Majority
    required: int
    passed: bool

    @property
    def votes_for(self) -> int:
        return self.counts[VoteOption.FOR]

    @property
    def against(self) -> int:
        return self.counts[VoteOption.AGAINST]

    @property
    def abstained(self) -> int:
        return self.counts[VoteOption.ABSTAINED]

    @property
    def not_voting(self) -> int:
        return self.counts[VoteOption.NOT_VOTING]

    @property
    def absent(self) -> int:
        return self.counts[VoteOption.ABSENT]


def has_mandate(mandate: Mandate, on: dt.date) -> bool:
    """True when the mandate is active on ``on`` (both ends inclusive)."""
    start, end = mandate
    return start <= on and (end is None or on <= end)


def _listed(deputies: Iterable[D], names: Mapping[D, str] | None) -> str:
    """Deputies for a message: their names when known, else their ids, sorted."""
    return ", ".join(sorted(names.get(d, str(d)) if names is not None else str(d) for d in deputies))


def _coerce_options(options: Mapping[D, VoteOption | str]) -> tuple[dict[D, VoteOption], list[str]]:
    coerced: dict[D, VoteOption] = {}
    bad: list[str] = []
    for deputy, option in options.items():
        try:
            coerced[deputy] = VoteOption(option)
        except ValueError:
            bad.append(f"{deputy}: «{option}»")
    problems = [f"Невідомий варіант голосування: {', '.join(bad)}"] if bad else []
    return coerced, problems


def validate_roll_call(
    options: Mapping[D, VoteOption | str],
    *,
    composition: int,
    mandates: Mapping[D, Mandate] | None = None,
    vote_date: dt.date | None = None,
    present: Collection[D] | None = None,
    names: Mapping[D, str] | None = None,
) -> None:
    """Check a roll call before it is saved or counted; raise :class:`VoteValidationError` listing every problem.

    Always: the composition is positive, every option is known, and there are
    no more entries than seats. With ``mandates`` and ``vote_date``: only
    deputies whose mandate is active on that date have an entry, and each of
    them has one. With ``present`` (the attendance register of the sitting):
    every deputy with an entry other than ABSENT (NOT_VOTING included: "did
    not vote" means present but did not press) is registered present. ``names``
    turn ids into names in the messages.
    """
    problems: list[str] = []
    if composition < 1:
        raise VoteValidationError([f"Загальний склад ради має бути додатним, а не {composition}"])
    coerced, option_problems = _coerce_options(options)
    problems += option_problems
    if len(options) > composition:
        problems.append(f"Записів голосування ({len(options)}) більше, ніж загальний склад ради ({composition})")

    if mandates is not None:
        if vote_date is None:
            raise ValueError("vote_date is required to check mandates")
        without = [d for d in options if d not in mandates]
        if without:
            problems.append(f"Не є депутатами цієї ради: {_listed(without, names)}")
        inactive = [d for d in options if d in mandates and not has_mandate(mandates[d], vote_date)]
        if inactive:
            problems.append(
                f"На дату голосування {format_date(vote_date)} не мали чинних повноважень: {_listed(inactive, names)}"
            )
        active = [d for d, mandate in mandates.items() if has_mandate(mandate, vote_date)]
        if len(active) > composition:
            problems.append(
                f"Чинних мандатів ({len(active)}) більше, ніж загальний склад ради ({composition}): перевірте дати"
            )
        missing = [d for d in active if d not in options]
        if missing:
            problems.append(f"Не вказано результат голосування депутатів: {_listed(missing, names)}")

    if present is not None:
        not_registered = [d for d, option in coerced.items() if option is not VoteOption.ABSENT and d not in present]
        if not_registered:
            problems.append(
                "Мають результат голосування, але не зареєстровані присутніми на засіданні: "
                f"{_listed(not_registered, names)}"
            )

    if problems:
        raise VoteValidationError(problems)


def compute_result(
    options: Mapping[D, VoteOption | str],
    composition: int,
    majority: Majority = Majority.SIMPLE_OF_COMPOSITION,
    *,
    mandates: Mapping[D, Mandate] | None = None,
    vote_date: dt.date | None = None,
    present: Collection[D] | None = None,
    names: Mapping[D, str] | None = None,
) -> VoteResult:
    """Count a roll call and decide whether it passed (votes FOR ≥ required, see :meth:`Majority.required_votes`).

    Validates first (:func:`validate_roll_call`, with whatever of
    ``mandates``/``vote_date``/``present`` is given).
    """
    validate_roll_call(
        options, composition=composition, mandates=mandates, vote_date=vote_date, present=present, names=names
    )
    counts = dict.fromkeys(VoteOption, 0)
    for option in options.values():
        counts[VoteOption(option)] += 1
    required = majority.required_votes(composition)
    return VoteResult(
        counts=counts,
        composition=composition,
        majority=majority,
        required=required,
        passed=counts[VoteOption.FOR] >= required,
    )


# --- statistics -------------------------------------------------------------------------------------------------


def _share(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


@dataclass(frozen=True)
class Attendance:
    """A deputy's attendance over some period: sessions held during the mandate, and those attended."""

    sessions: int
    present: int

    @property
    def absent(self) -> int:
        return self.sessions - self.present

    @property
    def percent(self) -> float | None:
        """Share of sessions attended, 0–100; None when no session fell within the mandate."""
        return _share(self.present, self.sessions)

    @property
    def absent_more_than_half(self) -> bool:
        """Missed more than half of the sessions: over a calendar year, grounds for recall."""
        return 2 * self.absent > self.sessions


@dataclass(frozen=True)
class Participation:
    """Roll calls held during a deputy's mandate, and those in which they voted FOR/AGAINST/ABSTAINED."""

    roll_calls: int
    voted: int

    @property
    def percent(self) -> float | None:
        """Share of roll calls voted in, 0–100; None when no roll call fell within the mandate."""
        return _share(self.voted, self.roll_calls)


@dataclass(frozen=True)
class FactionDiscipline:
    """How often a deputy voted against the majority of their own faction.

    ``compared`` counts roll calls where the deputy voted FOR/AGAINST/ABSTAINED
    and the faction had a majority (no tie); ``against`` those where the
    deputy's option differed from it.
    """

    faction: Hashable
    compared: int
    against: int

    @property
    def percent_against(self) -> float | None:
        return _share(self.against, self.compared)


_FAR_FUTURE = dt.date.max.toordinal()


def _mandate_bounds(
    mandates: Mapping[D, Mandate], start: dt.date | None, end: dt.date | None
) -> dict[D, tuple[int, int]]:
    """Each deputy's mandate clipped to ``[start, end]``, as inclusive ordinals; deputies outside it dropped."""
    low = start.toordinal() if start is not None else 0
    high = end.toordinal() if end is not None else _FAR_FUTURE
    bounds: dict[D, tuple[int, int]] = {}
    for deputy, (m_start, m_end) in mandates.items():
        lo = max(low, m_start.toordinal())
        hi = min(high, m_end.toordinal() if m_end is not None else _FAR_FUTURE)
        if lo <= hi:
            bounds[deputy] = (lo, hi)
    return bounds


def _held_during(sorted_days: list[int], bounds: Mapping[D, tuple[int, int]]) -> dict[D, int]:
    return {d: bisect_right(sorted_days, hi) - bisect_left(sorted_days, lo) for d, (lo, hi) in bounds.items()}


def attendance(
    session_dates: Mapping[S, dt.date],
    present: Iterable[tuple[S, D]],
    mandates: Mapping[D, Mandate],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> dict[D, Attendance]:
    """Attendance per deputy over ``[start, end]`` (both optional; pass a convocation's dates for its total).

    ``present`` holds ``(session, deputy)`` pairs of the attendance register
    (duplicates are harmless). Only sessions during the deputy's mandate
    count, in the denominator and in the numerator. Deputies with no session
    in their mandate within the period are left out.
    """
    bounds = _mandate_bounds(mandates, start, end)
    days = {s: d.toordinal() for s, d in session_dates.items()}
    held = _held_during(sorted(days.values()), bounds)
    attended = dict.fromkeys(bounds, 0)
    for session, deputy in set(present):
        day = days.get(session)
        window = bounds.get(deputy)
        if day is not None and window is not None and window[0] <= day <= window[1]:
            attended[deputy] += 1
    return {d: Attendance(sessions=n, present=attended[d]) for d, n in held.items() if n}


def attendance_by_year(
    session_dates: Mapping[S, dt.date],
    present: Iterable[tuple[S, D]],
    mandates: Mapping[D, Mandate],
) -> dict[D, dict[int, Attendance]]:
    """Attendance per deputy per calendar year: ``{deputy: {year: Attendance}}``, years with sessions in the mandate."""
    pairs = set(present)
    result: dict[D, dict[int, Attendance]] = {}
    for year in sorted({d.year for d in session_dates.values()}):
        yearly = attendance(session_dates, pairs, mandates, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
        for deputy, record in yearly.items():
            result.setdefault(deputy, {})[year] = record
    return result


def absent_more_than_half(
    session_dates: Mapping[S, dt.date],
    present: Iterable[tuple[S, D]],
    mandates: Mapping[D, Mandate],
    year: int,
) -> list[D]:
    """Deputies who missed more than half of ``year``'s sessions held during their mandate (grounds for recall).

    Returned in the order of ``mandates``.
    """
    yearly = attendance(session_dates, present, mandates, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    return [d for d in mandates if d in yearly and yearly[d].absent_more_than_half]


def participation(
    roll_call_dates: Mapping[R, dt.date],
    votes: Iterable[tuple[R, D, VoteOption | str]],
    mandates: Mapping[D, Mandate],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> dict[D, Participation]:
    """Share of roll calls held during each deputy's mandate (within ``[start, end]``) in which they voted.

    "Voted" means FOR, AGAINST or ABSTAINED; NOT_VOTING, ABSENT and a missing
    row all count as not voting. ``votes`` holds ``(roll_call, deputy,
    option)`` rows.
    """
    bounds = _mandate_bounds(mandates, start, end)
    days = {r: d.toordinal() for r, d in roll_call_dates.items()}
    held = _held_during(sorted(days.values()), bounds)
    voted = dict.fromkeys(bounds, 0)
    cast = _CAST_INDEX
    for roll_call, deputy, option in votes:
        if option not in cast:
            continue
        window = bounds.get(deputy)
        if window is None:
            continue
        day = days.get(roll_call)
        if day is not None and window[0] <= day <= window[1]:
            voted[deputy] += 1
    return {d: Participation(roll_calls=n, voted=voted[d]) for d, n in held.items() if n}


def _faction_majorities(
    rows: Sequence[tuple[R, D, VoteOption | str]], factions: Mapping[D, F | None]
) -> dict[tuple[R, F], VoteOption | None]:
    """The majority option of each faction in each roll call; None on a tie."""
    tallies: dict[tuple[R, F], list[int]] = {}
    cast = _CAST_INDEX
    for roll_call, deputy, option in rows:
        index = cast.get(option)
        if index is None:
            continue
        faction = factions.get(deputy)
        if faction is None:
            continue
        key = (roll_call, faction)
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = [0, 0, 0]
        tally[index] += 1
    majorities: dict[tuple[R, F], VoteOption | None] = {}
    for key, tally in tallies.items():
        best = max(tally)
        majorities[key] = _CAST_OPTIONS[tally.index(best)] if tally.count(best) == 1 else None
    return majorities


def votes_against_faction(
    votes: Iterable[tuple[R, D, VoteOption | str]], factions: Mapping[D, F | None]
) -> list[tuple[R, D, VoteOption, VoteOption]]:
    """Every ``(roll_call, deputy, their option, faction majority)`` where a deputy voted against their faction.

    The faction majority is the option (FOR, AGAINST or ABSTAINED) with the
    most votes among the faction's members who chose one of those three; on a
    tie there is no majority and nobody is against it. ``factions`` maps each
    deputy to their faction (None or missing for independents); a deputy who
    changed faction should be passed the rows of each period separately.
    """
    rows = votes if isinstance(votes, Sequence) else list(votes)
    majorities = _faction_majorities(rows, factions)
    found: list[tuple[R, D, VoteOption, VoteOption]] = []
    cast = _CAST_INDEX
    for roll_call, deputy, option in rows:
        index = cast.get(option)
        if index is None:
            continue
        faction = factions.get(deputy)
        if faction is None:
            continue
        majority = majorities[(roll_call, faction)]
        if majority is not None and _CAST_OPTIONS[index] is not majority:
            found.append((roll_call, deputy, _CAST_OPTIONS[index], majority))
    return found


def faction_discipline(
    votes: Iterable[tuple[R, D, VoteOption | str]], factions: Mapping[D, F | None]
) -> dict[D, FactionDiscipline]:
    """Per deputy in a faction: roll calls compared with the faction majority, and votes against it.

    Same rules as :func:`votes_against_faction`. Deputies in a faction who
    never voted with a faction majority to compare get ``compared == 0``.
    """
    rows = votes if isinstance(votes, Sequence) else list(votes)
    majorities = _faction_majorities(rows, factions)
    compared: dict[D, int] = {}
    against: dict[D, int] = {}
    cast = _CAST_INDEX
    for roll_call, deputy, option in rows:
        index = cast.get(option)
        if index is None:
            continue
        faction = factions.get(deputy)
        if faction is None:
            continue
        majority = majorities[(roll_call, faction)]
        if majority is None:
            continue
        compared[deputy] = compared.get(deputy, 0) + 1
        if _CAST_OPTIONS[index] is not majority:
            against[deputy] = against.get(deputy, 0) + 1
    return {
        deputy: FactionDiscipline(faction=faction, compared=compared.get(deputy, 0), against=against.get(deputy, 0))
        for deputy, faction in factions.items()
        if faction is not None
    }


__all__ = [
    "Attendance",
    "FactionDiscipline",
    "Majority",
    "Mandate",
    "Participation",
    "VoteOption",
    "VoteResult",
    "VoteValidationError",
    "absent_more_than_half",
    "attendance",
    "attendance_by_year",
    "compute_result",
    "faction_discipline",
    "has_mandate",
    "participation",
    "result_label",
    "validate_roll_call",
    "votes_against_faction",
]
