"""Data safety: backups, restore, moving a database, the open-data pack's audit record.

Data only: backups read the registry, so this module must not import them.
"""

from __future__ import annotations

from app.services.area import Area
from app.services.core.settings import SettingDef

# A leading underscore keeps it off the public council profile (a PC matter, not a council rule).
KEEP_LAST = SettingDef(
    "_backup_keep_last", int, 14,
    "Скільки автоматичних резервних копій кожного виду зберігати",
    "Automatic backups to keep (of each kind)", 1, 365,
)

AREA = Area(
    key="safety",
    title_uk="Збереження даних",
    title_en="Data safety",
    settings=(KEEP_LAST,),
    audit_labels={
        "database": ("база даних", "database"),
        "open_data": ("пакет відкритих даних", "open-data pack"),
    },
)
