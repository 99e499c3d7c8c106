"""Every report kind the app can produce, by stable English identifier.

Each report module defines ``REPORTS: list[ReportKind]`` (:mod:`app.reports.kind`); add the
module to :data:`REPORT_MODULES`. The CLI (``hromada report list`` / ``report KIND``) and the GUI's
Reports page both read this registry.
"""

from __future__ import annotations

from pathlib import Path

from app.db.engine import Database
from app.errors import NotFoundError, ValidationError
from app.reports import (
    appeals_overdue,
    appeals_statistics,
    attendance,
    audit_trail,
    council_profile,
    deputy_annual_report,
    deputy_card,
    pb_implementation,
    pb_project_card,
    pb_protocol,
    pb_results_poster,
    petition_answer,
    petition_notice,
    petitions_register,
    session_results,
)
from app.reports.kind import ReportKind
from app.services.core.auth import Actor, Permission, require
from app.services.core.progress import ProgressCallback

# Every report module, in the order reports are listed (``hromada report list``, the Reports page).
REPORT_MODULES = (
    council_profile,
    audit_trail,
    deputy_card,
    session_results,
    attendance,
    deputy_annual_report,
    petition_notice,
    petitions_register,
    petition_answer,
    appeals_statistics,
    appeals_overdue,
    pb_results_poster,
    pb_protocol,
    pb_project_card,
    pb_implementation,
)


def all_reports() -> list[ReportKind]:
    return [kind for module in REPORT_MODULES for kind in module.REPORTS]


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
