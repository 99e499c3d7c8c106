"""The council's rules for appeals (settings): the registration-number pattern and the terms.

Registration numbers follow the council's pattern (setting ``appeals.number_pattern``):
``{seq}`` the number within the year, ``{year}``/``{yy}`` the year, ``{letter}`` the first
letter of the applicant's surname (as the paperwork instruction for appeals has it:
"П-15"), ``{kind}`` the letter of the kind (П/З/С).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.db.engine import Database
from app.domain.appeals import AppealKind
from app.domain.deadlines import APPEAL_DAYS, APPEAL_MAX_DAYS, APPEAL_NO_STUDY_DAYS
from app.errors import ValidationError
from app.services.core import settings
from app.services.core.settings import SettingDef

NUMBER_PATTERN = SettingDef(
    "appeals.number_pattern", str, "{seq}/{year}",
    "Звернення: формат реєстраційного номера ({seq}, {year}, {yy}, {letter}, {kind})",
    "Appeals: registration number format ({seq}, {year}, {yy}, {letter}, {kind})",
)
TERM_DAYS = SettingDef(
    "appeals.term_days", int, APPEAL_DAYS, "Звернення: строк розгляду, днів", "Appeals: term, days", 1, 45,
)
TERM_NO_STUDY_DAYS = SettingDef(
    "appeals.term_no_study_days", int, APPEAL_NO_STUDY_DAYS,
    "Звернення: строк, коли не потрібне додаткове вивчення, днів", "Appeals: term without extra study, days", 1, 45,
)
MAX_DAYS = SettingDef(
    "appeals.max_days", int, APPEAL_MAX_DAYS, "Звернення: найбільший строк із продовженням, днів",
    "Appeals: longest term with an extension, days", 1, 45,
)

_TOKEN_RE = re.compile(r"\{(\w+)\}")
_KNOWN_TOKENS = {"seq", "year", "yy", "letter", "kind"}


def check_pattern(pattern: str) -> str:
    """The pattern, or a refusal naming what is wrong with it."""
    tokens = set(_TOKEN_RE.findall(pattern))
    unknown = tokens - _KNOWN_TOKENS
    if unknown:
        raise ValidationError(
            f"У форматі номера звернення невідомі поля: {', '.join('{' + t + '}' for t in sorted(unknown))}. "
            "Можна: {seq}, {year}, {yy}, {letter}, {kind}.",
            "Unknown fields in the appeal number format.",
        )
    if "seq" not in tokens:
        raise ValidationError("Формат номера звернення має містити {seq} — порядковий номер.",
                              "The appeal number format must contain {seq}.")
    return pattern


def format_number(pattern: str, *, seq: int, year: int, applicant_name: str = "", kind: str = "") -> str:
    """``"{letter}-{seq}"`` → ``"П-15"``; ``"{seq}/{year}"`` → ``"15/2026"``."""
    check_pattern(pattern)
    surname = applicant_name.strip()
    letter = next((ch.upper() for ch in surname if ch.isalpha()), "Б")  # "Б/н": no name given
    known = AppealKind._value2member_map_
    values = {"seq": str(seq), "year": str(year), "yy": f"{year % 100:02d}", "letter": letter,
              "kind": AppealKind(kind).letter if kind in known else ""}
    return _TOKEN_RE.sub(lambda m: values[m.group(1)], pattern)


@dataclass(frozen=True)
class Numbering:
    """The council's numbering pattern and terms, read once before a write."""

    pattern: str
    term_days: int
    no_study_days: int
    max_days: int

    def term(self, needs_study: bool) -> int:
        return self.term_days if needs_study else self.no_study_days


def numbering(db: Database) -> Numbering:
    values = settings.get_values(db, (NUMBER_PATTERN, TERM_DAYS, TERM_NO_STUDY_DAYS, MAX_DAYS))
    return Numbering(check_pattern(str(values[NUMBER_PATTERN.key])), int(values[TERM_DAYS.key]),
                     int(values[TERM_NO_STUDY_DAYS.key]), int(values[MAX_DAYS.key]))
