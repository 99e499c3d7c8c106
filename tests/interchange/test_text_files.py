"""Decoding the CSV files clerks bring, for every importer that reads text."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ValidationError
from app.interchange import online_votes, rollcall_import
from app.interchange.text_files import decode_text

# 0x98 is undefined in Windows-1251 and invalid as UTF-8: no text encoding a clerk uses reads it.
UNREADABLE = "Прізвище;Голос\n".encode("cp1251") + b"\x98\x98\x98;\x98\n"


def test_utf8_with_bom_and_windows_1251() -> None:
    assert decode_text("\ufeffЇжак;Ґалаґан".encode()) == "Їжак;Ґалаґан"
    assert decode_text("Їжак;Ґалаґан Єва".encode("cp1251")) == "Їжак;Ґалаґан Єва"


def test_unreadable_bytes_get_a_clear_message() -> None:
    with pytest.raises(ValidationError, match="не UTF-8 і не Windows-1251"):
        decode_text(UNREADABLE)


@pytest.mark.parametrize("reader", [online_votes.read_csv, lambda p: rollcall_import.read_table(p)])
def test_importers_refuse_unreadable_csv(tmp_path: Path, reader) -> None:  # noqa: ANN001
    path = tmp_path / "votes.csv"
    path.write_bytes(UNREADABLE)
    with pytest.raises(ValidationError, match="не UTF-8 і не Windows-1251"):
        reader(path)
