"""Exchange between PCs: its own bookkeeping tables, which never travel themselves.

Data only: this module must not import the exchange services, which read the registry.
"""

from __future__ import annotations

from app.services.area import Area, TablePolicy

_PER_PC = ("exchange_identity", "exchange_partner", "exchange_export", "exchange_import", "exchange_sync_state",
           "exchange_conflict")

AREA = Area(
    key="exchange",
    title_uk="Обмін між комп’ютерами",
    title_en="Exchange between PCs",
    audit_labels={
        "exchange_bundle": ("пакет обміну", "exchange bundle"),
        "exchange_conflict": ("конфлікт обміну", "exchange conflict"),
        "exchange_identity": ("ідентичність ПК", "PC identity"),
        "exchange_partner": ("партнер обміну", "exchange partner"),
    },
    exchange_policies={table: TablePolicy(exclude=True) for table in _PER_PC},
)
