"""The demo database of a fictional hromada, so a newcomer sees a populated app at once.

The council profile is created here; each area adds its records through a builder
listed in ``DEMO_BUILDERS`` (module path of a function ``build(db, actor) -> None``),
run in order. Builders use the areas' own services, so the demo has a real audit trail.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from app.db.engine import Database
from app.services import council
from app.services.auth import Actor
from app.services.errors import ValidationError
from app.services.progress import ProgressCallback, report

DEMO_PROFILE = council.CouncilProfileData(
    hromada_name="Вишнівська сільська територіальна громада",
    council_name="Вишнівська сільська рада",
    convocation=8,
    composition=26,
    address="вул. Центральна, 1, с. Вишнівка, Київська обл., 08000",
    website="https://vyshnivka-rada.example.ua",
)

DEMO_ADMIN = "admin"
# Published in the README: `hromada --demo` signs in with it by itself (app.services.login.try_known_password).
DEMO_PASSWORD = "vyshnivka"

# "module:function" of each area's demo builder, in dependency order.
DEMO_BUILDERS: list[str] = [
    "app.services.users_demo:build",
    "app.services.deputies_demo:build",
    "app.services.petitions_demo:build",
    "app.services.budget_demo:build",
]


def _logo_png() -> bytes:
    """A small generated emblem, so the demo's reports show a logo."""
    from app.reports.logo import demo_logo_png

    return demo_logo_png()


def is_demo_ready(db: Database) -> bool:
    return not council.needs_setup(db)


def create_demo(db: Database, progress: ProgressCallback | None = None) -> Actor:
    """Fill an empty database with the demo hromada. Refused if it already has a council."""
    if not council.needs_setup(db):
        raise ValidationError(
            "У цій базі вже є профіль ради: демонстраційні дані створюються лише в порожній базі.",
            "This database already has a council profile: demo data goes only into an empty database.",
        )
    data = council.CouncilProfileData(**{**DEMO_PROFILE.__dict__, "logo": _logo_png()})
    from app.services.passwords import hash_password

    _, actor = council.setup_council(db, data, admin_username=DEMO_ADMIN, admin_full_name="Олена Д’яченко",
                                     password_hash=hash_password(DEMO_PASSWORD))
    total = len(DEMO_BUILDERS) + 1
    report(progress, 1, total, "Профіль ради")
    for index, spec in enumerate(DEMO_BUILDERS, start=2):
        module_name, func_name = spec.split(":")
        builder: Callable[[Database, Actor], None] = getattr(importlib.import_module(module_name), func_name)
        builder(db, actor)
        report(progress, index, total, spec)
    return actor
