"""Kinds, channels and results of citizens' appeals: stable ids, Ukrainian and English titles."""

from __future__ import annotations

from app.domain.appeals import AppealChannel, AppealKind, AppealResult


def test_kinds_carry_their_letters_in_the_order_of_the_law() -> None:
    assert [(k.value, k.letter) for k in AppealKind] == [("proposal", "П"), ("statement", "З"), ("complaint", "С")]
    assert AppealKind.COMPLAINT.label() == "скарга" and AppealKind.STATEMENT.label("en") == "statement"


def test_titles_of_stored_values() -> None:
    assert AppealChannel.title_of("in_person") == "особисто"
    assert AppealChannel.title_of("reception", "en") == "at a deputy's reception hours"
    assert AppealResult.title_of("explained") == "надано роз’яснення"
    assert AppealResult.title_of("archived") == "archived"  # unknown (a newer version's) value shown as it is
    assert AppealChannel("petition") is AppealChannel.PETITION and AppealResult.FORWARDED == "forwarded"
