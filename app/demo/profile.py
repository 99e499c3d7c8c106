"""Who the demo hromada is: its council profile and the demo sign-in (published in the README)."""

from __future__ import annotations

from app.services.core import council

DEMO_PROFILE = council.CouncilProfileData(
    hromada_name="Вишнівська сільська територіальна громада",
    council_name="Вишнівська сільська рада",
    convocation=8,
    composition=26,
    address="вул. Центральна, 1, с. Вишнівка, Київська обл., 08000",
    website="https://vyshnivka-rada.example.ua",
)

DEMO_ADMIN = "admin"
# Published in the README: `hromada --demo` signs in with it by itself (app.services.core.login.try_known_password).
DEMO_PASSWORD = "vyshnivka"
