"""What a report is: a stable English id, its titles, whether it is public, and how it renders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.db.engine import Database
from app.services.core.progress import ProgressCallback

# (db, record id or None, output path, progress) -> None
RenderFn = Callable[[Database, int | None, Path, ProgressCallback | None], None]


@dataclass(frozen=True)
class ReportKind:
    id: str
    title_uk: str
    title_en: str
    public: bool
    render: RenderFn
    needs_id: bool = False
    id_hint_uk: str = ""  # what --id means, e.g. "номер засідання"
    id_hint_en: str = ""
    # Lists (id, label) choices for --id in the GUI; None when the report takes no id.
    choices: Callable[[Database], list[tuple[int, str]]] | None = None

    def title(self, language: str = "uk") -> str:
        return self.title_en if language == "en" else self.title_uk
