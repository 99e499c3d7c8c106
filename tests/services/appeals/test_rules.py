"""The council's rules for appeals: registration numbers from its pattern, and the retry of a write whose number
another PC took."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.appeals import rules


@pytest.mark.parametrize(("pattern", "kind", "expected"), [
    ("{seq}/{year}", "proposal", "15/2026"),
    ("{letter}-{seq}", "statement", "Ш-15"),
    ("{kind}-{seq}/{yy}", "proposal", "П-15/26"),
    ("{kind}-{seq}/{yy}", "statement", "З-15/26"),
    ("{kind}-{seq}/{yy}", "complaint", "С-15/26"),
    ("{kind}{seq}", "unknown", "15"),  # a kind this version does not know gets no letter
])
def test_format_number(pattern: str, kind: str, expected: str) -> None:
    assert rules.format_number(pattern, seq=15, year=2026, applicant_name=" Шевченко Олена", kind=kind) == expected


def test_an_appeal_without_a_name_gets_the_letter_b() -> None:
    assert rules.format_number("{letter}-{seq}", seq=1, year=2026, applicant_name="  ") == "Б-1"


@pytest.mark.parametrize(("pattern", "message"), [("{year}", "має містити {seq}"), ("{seq}{month}", "{month}")])
def test_bad_patterns_are_refused(pattern: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        rules.check_pattern(pattern)
