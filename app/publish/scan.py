"""The private-data scan of the pack's files: the database's private values, then patterns.

The private values come from :func:`app.services.open_data.private_index`; this module
reads each produced file as a reader would see it (the text of a PDF, the cells of a
spreadsheet) and names what it finds without repeating it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.errors import ValidationError
from app.services.open_data import EMAIL_RE, PrivateIndex, digits

KIND_LABELS = {
    "address": "адресу", "phone": "номер телефону", "email": "адресу e-mail", "birth": "дату народження",
    "document": "номер документа", "hash": "хеш ідентифікатора виборця або секрет", "contact": "контакти",
    "secret": "секрет",
}

PHONE_RE = re.compile(r"(?<![\d\w])(?:\+?3\s?8\s?)?\(?0\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?![\d\w])")
HASH_RE = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{32,}(?![0-9a-fA-F])")
PASSPORT_RE = re.compile(r"(?<!\w)[А-ЩЬЮЯҐЄІЇ]{2}\s?№?\s?\d{6}(?!\d)")
ID_KEYWORD_RE = re.compile(r"(паспорт\w*|РНОКПП|ІПН|ідентифікаційн\w+\s+(?:код|номер))\W{0,20}\d{6,}", re.IGNORECASE)
# Record keys in the datasets: random hex whose digit runs can look like a phone number.
UUID_RE = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                     r"(?![0-9a-fA-F])")


@dataclass(frozen=True)
class Finding:
    file: str
    kind: str
    field: str  # "table.column" or a pattern's name
    sample: str

    def text(self) -> str:
        where = f"поле «{self.field}»" if "." in self.field else self.field
        return f"у файлі «{self.file}» знайдено {KIND_LABELS.get(self.kind, self.kind)} ({where}: {self.sample})"


class PrivateDataError(ValidationError):
    """The pack would leak private data; nothing was published."""

    def __init__(self, findings: list[Finding]) -> None:
        first = findings[0]
        super().__init__(
            f"Публікацію зупинено: {first.text()}. Нічого не опубліковано. Приберіть ці дані з публічного звіту "
            "або набору даних (чи позначте контакт як публічний, якщо це контакт депутата) і повторіть.",
            f"Publication stopped: private data ({first.kind}, {first.field}) found in «{first.file}». "
            "Nothing was published.",
        )
        self.findings = findings

    def text(self, language: str = "uk") -> str:
        head = super().text(language)
        if len(self.findings) == 1:
            return head
        rest = [f"  • {f.text()}" for f in self.findings[1:20]]
        more = len(self.findings) - 20
        return head + "\nІнші знахідки:\n" + "\n".join(rest) + (f"\n  … і ще {more}" if more > 0 else "")


def _mask(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= 4:
        return "…"
    keep = max(2, len(text) // 4)
    return text[:keep] + "…" + text[-2:]


def scan_text(name: str, text: str, index: PrivateIndex, *, limit: int = 50) -> list[Finding]:
    """Private data in one file's text: the database's private values, then patterns."""
    findings: list[Finding] = []
    for value, _pos in index.find(text):
        findings.append(Finding(name, value.kind, f"{value.table}.{value.column}", _mask(" ".join(value.tokens))))
        if len(findings) >= limit:
            return findings
    text = UUID_RE.sub(" ", text)  # the patterns below look at content, not at record keys
    for match in PHONE_RE.finditer(text):
        number = digits(match.group())[-9:]
        if number in index.allowed_phones:
            continue
        origin = index.phones.get(number)
        field_name = f"{origin[0]}.{origin[1]}" if origin else "схожий на телефон рядок"
        findings.append(Finding(name, "phone", field_name, _mask(match.group())))
    for match in EMAIL_RE.finditer(text):
        if match.group().casefold() in index.allowed_emails:
            continue
        findings.append(Finding(name, "email", "схожий на e-mail рядок", _mask(match.group())))
    for match in HASH_RE.finditer(text):
        if match.group().lower() in index.allowed_hashes:
            continue
        findings.append(Finding(name, "hash", "схожий на хеш рядок", _mask(match.group())))
    for match in PASSPORT_RE.finditer(text):
        findings.append(Finding(name, "document", "схожий на номер паспорта рядок", _mask(match.group())))
    for match in ID_KEYWORD_RE.finditer(text):
        findings.append(Finding(name, "document", "номер документа", _mask(match.group())))
    return findings[:limit]


def file_text(path: Path) -> str:
    """The text of a generated file as a reader would see it (PDF text, spreadsheet cells...)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        return "\n".join((page.extract_text() or "") for page in reader.pages)
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            parts = []
            for sheet in book.worksheets:
                parts.append(sheet.title)
                for row in sheet.iter_rows(values_only=True):
                    parts.append("\t".join("" if v is None else str(v) for v in row))
            return "\n".join(parts)
        finally:
            book.close()
    return path.read_text(encoding="utf-8", errors="replace")
