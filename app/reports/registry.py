"""Every report kind the app can produce, by stable English identifier.

Each report module defines ``REPORTS: list[ReportKind]``; add the module to
``REPORT_MODULES``. The CLI (``hromada report list`` / ``report KIND``) and the GUI's
Reports page both read this registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.db.engine import Database
from app.services.auth import Actor, Permission, require
from app.services.errors import NotFoundError, ValidationError
from app.services.progress import ProgressCallback

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


REPORT_MODULES: list[str] = [
    "app.reports.council_profile",
    "app.reports.audit_trail",
    "app.reports.deputy_card",
    "app.reports.session_results",
    "app.reports.attendance",
    "app.reports.deputy_annual_report",
    "app.reports.petition_notice",
    "app.reports.petitions_register",
    "app.reports.petition_answer",
    "app.reports.appeals_statistics",
    "app.reports.appeals_overdue",
    "app.reports.pb_results_poster",
    "app.reports.pb_protocol",
    "app.reports.pb_project_card",
    "app.reports.pb_implementation",
]


def all_reports() -> list[ReportKind]:
    kinds: list[ReportKind] = []
    for name in REPORT_MODULES:
        kinds.extend(importlib.import_module(name).REPORTS)
    return kinds


def get_report(kind_id: str) -> ReportKind:
    for kind in all_reports():
        if kind.id == kind_id:
            return kind
    known = ", ".join(k.id for k in all_reports())
    raise NotFoundError(f"Невідомий звіт «{kind_id}». Доступні: {known}.", f"Unknown report «{kind_id}».")


def allowed_reports(actor: Actor) -> list[ReportKind]:
    """Public reports for everyone who may view; internal ones only with VIEW_INTERNAL."""
    if not actor.can(Permission.VIEW):
        return []
    return [k for k in all_reports() if k.public or actor.can(Permission.VIEW_INTERNAL)]


def render_report(
    db: Database,
    kind_id: str,
    record_id: int | None,
    out: Path,
    progress: ProgressCallback | None = None,
    *,
    actor: Actor | None = None,
) -> ReportKind:
    """Render a report; ``actor`` is checked (internal reports need VIEW_INTERNAL) when given.

    The GUI and the CLI always pass the acting user; ``None`` is for the program's own
    use (the smoke check, the open-data pack, which takes public reports only).
    """
    kind = get_report(kind_id)
    if actor is not None:
        require(actor, Permission.VIEW)
        if not kind.public:
            require(actor, Permission.VIEW_INTERNAL)
    if kind.needs_id and record_id is None:
        raise ValidationError(
            f"Звіт «{kind.id}» потребує параметра --id ({kind.id_hint_uk}).",
            f"Report «{kind.id}» needs --id ({kind.id_hint_en}).",
        )
    kind.render(db, record_id, out, progress)
    return kind
