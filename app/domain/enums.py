"""Stored ids with Ukrainian and English titles, declared once with their members.

::

    class Phase(TitledEnum):
        VOTING = "voting", "голосування", "voting"

``Phase("voting")`` is the member; ``Phase.VOTING.label("en")`` its English title; the
value (``"voting"``) is what the database and the exports hold. :meth:`TitledEnum.title_of`
titles a stored value, showing an unknown one as it is (data from a newer version, a file).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class TitledEnum(StrEnum):
    """A ``StrEnum`` whose members carry ``label_uk`` and ``label_en``."""

    label_uk: str
    label_en: str

    def __new__(cls, value: str, label_uk: str = "", label_en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_uk = label_uk or value
        member.label_en = label_en or label_uk or value
        return member

    def label(self, language: str = "uk") -> str:
        """The title in ``"uk"`` (default) or ``"en"``."""
        return self.label_en if language == "en" else self.label_uk

    @classmethod
    def title_of(cls, value: str, language: str = "uk") -> str:
        """The title of a stored value; an unknown value is shown as it is."""
        try:
            return cls(value).label(language)
        except ValueError:
            return value
