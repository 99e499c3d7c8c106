"""``audit-trail``: an extract of the audit trail (internal: old values may hold personal data)."""

from __future__ import annotations

import json
from pathlib import Path

from app.db.engine import Database
from app.domain.formats import format_date, format_datetime, utc_to_local
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import build_pdf, data_table, paragraph
from app.services import registry
from app.services.core import audit
from app.services.core.progress import ProgressCallback, report


def _short(value: object, limit: int = 80) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_changes(changes: dict[str, list[object]], limit: int = 6) -> str:
    """``field: old → new`` lines for a table cell."""
    lines = []
    for key, pair in list(changes.items())[:limit]:
        old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        was = _short(old) if old not in (None, "") else "∅"
        now = _short(new) if new not in (None, "") else "∅"
        lines.append(f"{key}: {was} → {now}")
    if len(changes) > limit:
        lines.append(f"… ще {len(changes) - limit} полів")
    return "\n".join(lines)


def entity_label(entity_type: str) -> str:
    return registry.entity_label(entity_type)


def render_filtered(
    db: Database, flt: audit.AuditFilter, out: Path, progress: ProgressCallback | None = None
) -> None:
    rows = audit.list_events(db, flt)
    report(progress, 0, 2, "Журнал змін")
    chain = audit.verify_chain(db)
    period = []
    if flt.date_from:
        period.append(f"з {format_date(flt.date_from)}")
    if flt.date_to:
        period.append(f"по {format_date(flt.date_to)}")
    conditions = " ".join(period) or "за весь час"
    if flt.username:
        conditions += f"; користувач: {flt.username}"
    if flt.entity_type:
        conditions += f"; тип запису: {entity_label(flt.entity_type)}"
    story = [
        paragraph(f"Вибірка: {conditions}. Подій: {len(rows)}."),
        paragraph(("✔ " if chain.ok else "✘ ") + chain.message(), "body"),
    ]
    table_rows = [
        [
            str(r.seq),
            format_datetime(utc_to_local(r.occurred_at)),
            r.username,
            audit.ACTION_LABELS.get(r.action, (r.action,))[0],
            f"{entity_label(r.entity_type)} #{r.entity_id}" if r.entity_id else entity_label(r.entity_type),
            (r.summary + "\n" if r.summary else "") + describe_changes(r.changes),
        ]
        for r in rows
    ]
    story += data_table(
        ["№", "Коли", "Хто", "Дія", "Запис", "Що змінено (було → стало)"],
        table_rows,
        col_widths=[0.06, 0.13, 0.11, 0.09, 0.16, 0.45],
        align=["right", "left", "left", "left", "left", "left"],
    )
    report(progress, 1, 2, "PDF")
    build_pdf(out, title="Журнал змін", subtitle="Витяг із журналу змін записів ради", council=council_header(db),
              story=story, public=False, landscape=True)
    report(progress, 2, 2, "")


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    render_filtered(db, audit.AuditFilter(), out, progress)


REPORTS = [
    ReportKind(
        id="audit-trail",
        title_uk="Журнал змін (витяг)",
        title_en="Audit trail extract",
        public=False,
        render=render,
    )
]
