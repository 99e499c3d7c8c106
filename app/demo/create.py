"""The demo database of a fictional hromada, so a newcomer sees a populated app at once.

The council profile is created here; each area adds its records through its builder in
:data:`BUILDERS` (``build(db, actor) -> None``), run in order. Builders use the areas' own
services, so the demo has a real audit trail.
"""

from __future__ import annotations

from collections.abc import Callable

from app.db.engine import Database
from app.demo import budget, deputies, petitions, users
from app.demo.logo import demo_logo_png
from app.demo.profile import DEMO_ADMIN, DEMO_PASSWORD, DEMO_PROFILE
from app.errors import ValidationError
from app.services.core import council
from app.services.core.auth import Actor
from app.services.core.progress import ProgressCallback, report

# Each area's demo builder, in dependency order: ``build(db, actor) -> None``.
BUILDERS: tuple[Callable[[Database, Actor], None], ...] = (users.build, deputies.build, petitions.build, budget.build)


def is_demo_ready(db: Database) -> bool:
    return not council.needs_setup(db)


def create_demo(db: Database, progress: ProgressCallback | None = None) -> Actor:
    """Fill an empty database with the demo hromada. Refused if it already has a council."""
    if not council.needs_setup(db):
        raise ValidationError(
            "У цій базі вже є профіль ради: демонстраційні дані створюються лише в порожній базі.",
            "This database already has a council profile: demo data goes only into an empty database.",
        )
    data = council.CouncilProfileData(**{**DEMO_PROFILE.__dict__, "logo": demo_logo_png()})
    from app.services.core.passwords import hash_password

    _, actor = council.setup_council(db, data, admin_username=DEMO_ADMIN, admin_full_name="Олена Д’яченко",
                                     password_hash=hash_password(DEMO_PASSWORD))
    total = len(BUILDERS) + 1
    report(progress, 1, total, "Профіль ради")
    for index, builder in enumerate(BUILDERS, start=2):
        builder(db, actor)
        report(progress, index, total, builder.__module__)
    return actor

