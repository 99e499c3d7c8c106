"""Reading the text files clerks bring: CSV exported from Excel, online platforms, voting systems."""

from __future__ import annotations

from app.errors import ValidationError

# Excel on Ukrainian Windows saves CSV in Windows-1251 unless told otherwise; everything else is UTF-8.
ENCODINGS = ("utf-8-sig", "cp1251")


def decode_text(data: bytes) -> str:
    """The file's text in UTF-8 (with or without BOM) or Windows-1251; a clear refusal otherwise."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(
        "Файл не вдається прочитати як текст: кодування не UTF-8 і не Windows-1251. "
        "Збережіть його в Excel як «CSV UTF-8» і повторіть.",
        "The file is neither UTF-8 nor Windows-1251 text; save it as “CSV UTF-8” and try again.",
    )
