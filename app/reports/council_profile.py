"""``council-profile``: the council's profile sheet (public)."""

from __future__ import annotations

from pathlib import Path

from app.db.engine import Database
from app.domain.formats import format_int
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import build_pdf, key_value_table, paragraph, section
from app.services import registry
from app.services.core import council, settings
from app.services.core.progress import ProgressCallback


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    profile = council.require_profile(db)
    header = council_header(db)
    pairs: list[tuple[str, object]] = [
        ("Територіальна громада", profile.hromada_name),
        ("Рада", profile.council_name),
        ("Скликання", f"{profile.convocation}-е"),
        ("Загальний склад ради", f"{format_int(profile.composition)} депутатів"),
        ("Рішення ухвалюються", f"не менше ніж {profile.composition // 2 + 1} голосами (більшість від складу)"),
        ("Адреса", profile.address or "—"),
        ("Офіційний сайт", profile.website or "—"),
    ]
    story = [key_value_table(pairs)]
    shown = [d for d in registry.all_settings() if d.type in (int, str) and not d.key.startswith("_")]
    values = settings.get_values(db, shown)
    public_settings = [(d.label_uk, values[d.key]) for d in shown]
    if public_settings:
        story += section("Правила громади")
        story.append(key_value_table([(label, value) for label, value in public_settings]))
    story.append(paragraph(
        "Цей аркуш сформовано програмою Hromada Desk з реєстру ради. Усі зміни записів ради фіксуються "
        "в журналі змін із захистом від непомітного редагування.", "muted"))
    build_pdf(out, title="Профіль ради", subtitle=profile.council_name, council=header, story=story, public=True)


REPORTS = [
    ReportKind(
        id="council-profile",
        title_uk="Профіль ради",
        title_en="Council profile",
        public=True,
        render=render,
    )
]
