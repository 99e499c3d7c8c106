"""The rules of a participatory-budget ballot, checked as the clerk types it and again when it is saved.

A :class:`BallotSheet` says what a voter may choose and how many; :func:`parse_choices`,
:func:`check_age`, :func:`check_choices` and :func:`check_date` hold a ballot against it and refuse it
with a specific :class:`BallotRefused` (a code, the form field to correct, a Ukrainian and an English
message). Voter identifiers are normalised here (case, spaces, Latin letters that look like Cyrillic
ones) before the budget service hashes them; the identifier itself is never stored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from app.domain.budget import VOTED_STATUSES, Channel
from app.domain.formats import format_date, format_datetime, utc_to_local
from app.errors import ValidationError

MIN_IDENTIFIER_LENGTH = 4
MAX_AGE = 120

# Latin capitals that look like Cyrillic ones: a clerk may type either in "АВ 123456".
_LOOKALIKES = str.maketrans("ABCEHIKMOPTXY", "АВСЕНІКМОРТХУ")
_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


# --------------------------------------------------------------------------- refusals


class RefusalCode(StrEnum):
    """Why a ballot was refused (stable ids: the entry form and tests react to them)."""

    NO_IDENTIFIER = "no-identifier"
    BAD_AGE = "bad-age"
    UNDER_AGE = "under-age"
    BAD_INPUT = "bad-input"
    NO_CHOICE = "no-choice"
    UNKNOWN_PROJECT = "unknown-project"
    INELIGIBLE_PROJECT = "ineligible-project"
    DUPLICATE_PROJECT = "duplicate-project"
    TOO_FEW = "too-few"
    TOO_MANY = "too-many"
    TOO_MANY_IN_CATEGORY = "too-many-in-category"
    BAD_POINTS = "bad-points"
    ALREADY_VOTED = "already-voted"
    VOTING_CLOSED = "voting-closed"
    NO_POINT = "no-point"
    WRONG_POINT = "wrong-point"


@dataclass(frozen=True)
class PreviousBallot:
    """Where and when a voter already voted (shown when a second ballot is refused)."""

    ballot_id: int
    channel: str
    point_name: str
    cast_on: date | None
    entered_at: datetime  # UTC
    entered_by: str

    def describe(self) -> str:
        when = format_date(self.cast_on) if self.cast_on else ""
        entered = format_datetime(utc_to_local(self.entered_at))
        if self.channel == Channel.ONLINE:
            where = "онлайн"
        else:
            where = f"пункт «{self.point_name}»" if self.point_name else "на папері"
        day = f"{when}, " if when else ""
        who = f", вніс(ла) {self.entered_by}" if self.entered_by else ""
        return f"{day}{where} (введено {entered}{who})"


class BallotRefused(ValidationError):
    """A ballot that cannot be accepted; ``field`` names the form field to correct."""

    def __init__(self, code: RefusalCode, field_name: str, message: str, message_en: str | None = None,
                 previous: PreviousBallot | None = None) -> None:
        super().__init__(message, message_en)
        self.code = code
        self.field = field_name
        self.previous = previous


# --------------------------------------------------------------------------- voter identifiers


def normalize_identifier(identifier: str) -> str:
    """The identifier as it is hashed: NFKC, upper case, no spaces or punctuation, Cyrillic look-alikes."""
    text = unicodedata.normalize("NFKC", (identifier or "").replace("№", " ")).upper()
    return _NOT_ALNUM.sub("", text).translate(_LOOKALIKES)


def check_identifier(identifier: str, *, min_length: int = MIN_IDENTIFIER_LENGTH) -> str:
    """The normalised identifier, or a refusal when it is empty or too short."""
    norm = normalize_identifier(identifier)
    if len(norm) < min_length:
        if not norm:
            raise BallotRefused(RefusalCode.NO_IDENTIFIER, "identifier", "Вкажіть ідентифікатор виборця "
                                "(номер документа).", "Enter the voter's identifier (document number).")
        raise BallotRefused(RefusalCode.NO_IDENTIFIER, "identifier",
                            f"Ідентифікатор виборця закороткий: потрібно щонайменше {min_length} літери чи цифри.",
                            "The voter identifier is too short.")
    return norm


# --------------------------------------------------------------------------- the ballot sheet (rules + projects)


@dataclass(frozen=True)
class SheetProject:
    """A project on the ballot sheet: its number (typed by the clerk), code (in files) and status."""

    id: int
    number: int
    code: str
    title: str
    category_id: int
    status: str

    @property
    def eligible(self) -> bool:
        return self.status in VOTED_STATUSES


@dataclass(frozen=True)
class SheetCategory:
    """A category of the sheet and how many of its projects one ballot may choose."""

    id: int
    name: str
    max_choices: int | None


@dataclass(frozen=True)
class BallotSheet:
    """What a voter may choose and how many: enough to check a ballot as it is typed."""

    cycle_id: int
    title: str
    vote_type: str
    min_choices: int
    max_choices: int | None
    max_points: int | None
    min_age: int
    voting_start: date | None
    voting_end: date | None
    approved: bool
    categories: tuple[SheetCategory, ...]
    projects: dict[int, SheetProject] = field(default_factory=dict)  # by number
    by_code: dict[str, SheetProject] = field(default_factory=dict)

    @property
    def uses_points(self) -> bool:
        return self.vote_type in ("cumulative", "scoring")

    def category_name(self, category_id: int) -> str:
        return next((c.name for c in self.categories if c.id == category_id), "")

    def rules_text(self, language: str = "uk") -> str:
        """The ballot rules in one Ukrainian (``"en"``: English) line, for the entry form."""
        parts = []
        en = language == "en"
        if self.max_choices is not None:
            parts.append(f"up to {self.max_choices} project(s) in all" if en
                         else f"до {self.max_choices} проєкт(ів) загалом")
        for c in self.categories:
            if c.max_choices is not None:
                parts.append(f"«{c.name}»: {'up to' if en else 'до'} {c.max_choices}")
        if self.max_points is not None:
            parts.append(f"up to {self.max_points} points" if en else f"до {self.max_points} балів")
        parts.append(f"age {self.min_age} or over" if en else f"вік від {self.min_age} років")
        return "; ".join(parts)


_CHOICE_RE = re.compile(r"^(\d{1,6})(?:[:=](-?\d{1,6}))?$")


def parse_choices(text: str) -> list[tuple[int, int | None]]:
    """``"3 7 12"``, ``"3, 7; 12"`` or, with points, ``"3:5 7:2"`` → ``[(3, None), ...]`` in ballot order."""
    out: list[tuple[int, int | None]] = []
    for token in re.split(r"[\s,;]+", (text or "").strip()):
        if not token:
            continue
        match = _CHOICE_RE.match(token.lstrip("№#"))
        if match is None:
            raise BallotRefused(RefusalCode.BAD_INPUT, "projects",
                                f"«{token}» — не номер проєкту. Вводьте номери через пробіл, наприклад: 3 7 12.",
                                f"«{token}» is not a project number.")
        out.append((int(match[1]), int(match[2]) if match[2] is not None else None))
    return out


def check_age(sheet: BallotSheet, age: int | None, *, required: bool = True) -> None:
    """Refuse a missing (when ``required``), impossible or too young age."""
    if age is None:
        if required:
            raise BallotRefused(RefusalCode.BAD_AGE, "age", "Вкажіть вік виборця.", "Enter the voter's age.")
        return
    if not 0 <= age <= MAX_AGE:
        raise BallotRefused(RefusalCode.BAD_AGE, "age", f"Вік «{age}» неможливий.", f"Age {age} is impossible.")
    if age < sheet.min_age:
        raise BallotRefused(RefusalCode.UNDER_AGE, "age",
                            f"Виборцю {age} р.: голосувати можна з {sheet.min_age} років.",
                            f"The voter is {age}; voting is allowed from {sheet.min_age}.")


def check_choices(sheet: BallotSheet, choices: Sequence[tuple[int | str, int | None]],
                  *, by_code: bool = False) -> list[tuple[SheetProject, int | None]]:
    """Check the projects of a ballot against the sheet; the projects in ballot order, or a refusal.

    ``choices`` are (project number, points) in ballot order, or (project code, points) with ``by_code``.
    """
    picked: list[tuple[SheetProject, int | None]] = []
    seen: set[int] = set()
    for key, points in choices:
        project = sheet.by_code.get(str(key)) if by_code else sheet.projects.get(int(key))
        if project is None:
            raise BallotRefused(RefusalCode.UNKNOWN_PROJECT, "projects",
                                f"Проєкту {'«' + str(key) + '»' if by_code else '№' + str(key)} у цьому голосуванні "
                                "немає.", f"There is no project {key}.")
        if not project.eligible:
            raise BallotRefused(RefusalCode.INELIGIBLE_PROJECT, "projects",
                                f"Проєкт №{project.number} «{project.title}» не допущено до голосування.",
                                f"Project {project.number} is not admitted to the vote.")
        if project.id in seen:
            raise BallotRefused(RefusalCode.DUPLICATE_PROJECT, "projects",
                                f"Проєкт №{project.number} указано двічі.",
                                f"Project {project.number} is listed twice.")
        seen.add(project.id)
        if sheet.uses_points:
            if points is None:
                raise BallotRefused(RefusalCode.BAD_POINTS, "projects",
                                    f"Для проєкту №{project.number} вкажіть бали: номер:бали, наприклад {key}:3.")
            if sheet.vote_type == "cumulative" and points < 1:
                raise BallotRefused(RefusalCode.BAD_POINTS, "projects",
                                    f"Проєкту №{project.number} можна дати лише додатну кількість балів.")
        elif points is not None:
            raise BallotRefused(RefusalCode.BAD_POINTS, "projects",
                                "У цьому голосуванні бали не ставляться: вводьте лише номери проєктів.")
        picked.append((project, points))
    if not picked:
        raise BallotRefused(RefusalCode.NO_CHOICE, "projects", "Вкажіть номери проєктів, за які голосує виборець. "
                            "Бюлетень без жодного проєкту вносьте як зіпсований.",
                            "Enter the numbers of the chosen projects.")
    if len(picked) < sheet.min_choices:
        raise BallotRefused(RefusalCode.TOO_FEW, "projects",
                            f"Потрібно обрати щонайменше {sheet.min_choices} проєкт(и), а обрано {len(picked)}.")
    limit = 1 if sheet.vote_type == "choose-1" else sheet.max_choices
    if limit is not None and len(picked) > limit:
        raise BallotRefused(RefusalCode.TOO_MANY, "projects",
                            f"Забагато проєктів: обрано {len(picked)}, а можна не більше {limit}.",
                            f"Too many projects: {len(picked)} chosen, at most {limit} allowed.")
    for cat in sheet.categories:
        if cat.max_choices is None:
            continue
        in_cat = [p for p, _ in picked if p.category_id == cat.id]
        if len(in_cat) > cat.max_choices:
            numbers = ", ".join(str(p.number) for p in in_cat)
            raise BallotRefused(RefusalCode.TOO_MANY_IN_CATEGORY, "projects",
                                f"У категорії «{cat.name}» обрано {len(in_cat)} проєкти ({numbers}), а можна не більше "
                                f"{cat.max_choices}.",
                                f"Too many projects in category «{cat.name}».")
    if sheet.max_points is not None and sheet.uses_points:
        total = sum(p or 0 for _, p in picked)
        if total > sheet.max_points:
            raise BallotRefused(RefusalCode.BAD_POINTS, "projects",
                                f"Разом {total} балів, а виборець має не більше {sheet.max_points}.")
    return picked


def check_date(sheet: BallotSheet, cast_on: date, today: date) -> None:
    """Refuse a ballot of an approved cycle, from the future, or cast outside the voting period."""
    if sheet.approved:
        raise BallotRefused(RefusalCode.VOTING_CLOSED, "date",
                            "Результати цього голосування вже затверджено: нові бюлетені не приймаються.",
                            "Results are approved; no more ballots are accepted.")
    if cast_on > today:
        raise BallotRefused(RefusalCode.VOTING_CLOSED, "date",
                            f"Дата голосування {format_date(cast_on)} ще не настала.")
    if (sheet.voting_start and cast_on < sheet.voting_start) or (sheet.voting_end and cast_on > sheet.voting_end):
        period = f"з {format_date(sheet.voting_start) or '…'} по {format_date(sheet.voting_end) or '…'}"
        raise BallotRefused(RefusalCode.VOTING_CLOSED, "date",
                            f"Бюлетень від {format_date(cast_on)} поза строком голосування ({period}).",
                            "The ballot's date is outside the voting period.")


# --------------------------------------------------------------------------- online votes


@dataclass(frozen=True)
class OnlineVote:
    """One online vote as read from a file: identifier, project numbers or codes, age, date, district."""

    line: int
    identifier: str
    projects: tuple[str, ...]
    points: tuple[int | None, ...] = ()
    age: int | None = None
    cast_on: date | None = None
    district: str = ""


def check_online_vote(sheet: BallotSheet, vote: OnlineVote, today: date, *,
                      by_code: bool = False) -> list[tuple[SheetProject, int | None]]:
    """Check one online vote like a paper ballot; its projects in ballot order, or a refusal.

    The identifier only has to be there (online systems check it themselves); age and date are checked
    when the file gives them. Projects are numbers, or Pabulib codes with ``by_code``.
    """
    check_identifier(vote.identifier, min_length=1)
    if vote.age is not None:
        check_age(sheet, vote.age)
    if vote.cast_on is not None:
        check_date(sheet, vote.cast_on, today)
    points = vote.points or (None,) * len(vote.projects)
    if by_code:
        return check_choices(sheet, list(zip(vote.projects, points, strict=True)), by_code=True)
    numbers = []
    for raw in vote.projects:
        if not raw.strip().isdigit():
            raise BallotRefused(RefusalCode.BAD_INPUT, "projects", f"«{raw}» — не номер проєкту.")
        numbers.append(int(raw))
    return check_choices(sheet, list(zip(numbers, points, strict=True)))


# --------------------------------------------------------------------------- turnout by age


AGE_GROUPS: tuple[tuple[str, int, int], ...] = (
    ("до 18 років", 0, 17),
    ("18–29 років", 18, 29),
    ("30–44 роки", 30, 44),
    ("45–59 років", 45, 59),
    ("60 років і старші", 60, MAX_AGE),
)
AGE_UNKNOWN = "вік не вказано"


def by_age_group(counts: Iterable[tuple[int | None, int]]) -> tuple[tuple[str, int], ...]:
    """Ballots per age group from (age, ballots) pairs; ballots without an age are counted last, if any."""
    groups = {label: 0 for label, _, _ in AGE_GROUPS}
    age_unknown = 0
    for age, count in counts:
        if age is None:
            age_unknown += count
            continue
        for label, low, high in AGE_GROUPS:
            if low <= age <= high:
                groups[label] += count
                break
        else:
            age_unknown += count
    by_age = [(label, n) for label, n in groups.items()]
    if age_unknown:
        by_age.append((AGE_UNKNOWN, age_unknown))
    return tuple(by_age)
