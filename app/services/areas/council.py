"""The council itself: profile, rules, users, sign-in, the working calendar, the audit trail."""

from __future__ import annotations

from app.services.area import Area, Dataset, TablePolicy
from app.services.core import holidays, lockout

AREA = Area(
    key="council",
    title_uk="Рада",
    title_en="Council",
    settings=(lockout.LOCKOUT_FAILURES, lockout.LOCKOUT_MINUTES, holidays.MARTIAL_LAW, holidays.HOLIDAYS,
              holidays.EXTRA_WORKING_DAYS, holidays.DUE_SOON_DAYS),
    audit_labels={
        "council_profile": ("профіль ради", "council profile"),
        "council_setting": ("налаштування", "setting"),
        "app_user": ("користувач", "user"),
    },
    exchange_policies={
        "audit_event": TablePolicy(exclude=True),  # each PC keeps its own hash chain
        "audit_chain_head": TablePolicy(exclude=True),
        "council_profile": TablePolicy(exclude=True),  # the council's identity; compared, never merged
        "council_setting": TablePolicy(exclude=True),  # council rules travel with backups, not bundles
        # Users travel only so that references to them resolve: created inactive and without a
        # password on the other PC, matched by login name, never changed by a bundle.
        "app_user": TablePolicy(
            private_columns=frozenset({"password_hash", "failed_logins", "locked_until", "last_login_at",
                                       "is_active", "must_change_password", "password_changed_at"}),
            insert_only=True, natural_key=("username",), insert_values={"is_active": False},
        ),
    },
    open_data=(
        Dataset("council_profile", "council", "Профіль ради",
                ("hromada_name", "council_name", "convocation", "composition", "address", "website")),
    ),
)
