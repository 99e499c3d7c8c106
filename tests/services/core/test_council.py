"""Council profile: validation, optimistic locking, permissions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.db.engine import Database
from app.demo.logo import demo_logo_png
from app.errors import PermissionDeniedError, StaleRecordError, ValidationError
from app.services.core import audit, council
from app.services.core.auth import Actor, Role
from tests.conftest import TEST_PROFILE


def test_setup_creates_profile_and_admin(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    assert actor.role is Role.ADMIN
    profile = council.require_profile(db)
    assert profile.council_name == "Тестова сільська рада"
    assert not council.needs_setup(db)
    with pytest.raises(ValidationError, match="вже створено"):
        council.setup_council(db, TEST_PROFILE)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"hromada_name": "   "}, "назву громади"),
        ({"composition": 0}, "Загальний склад"),
        ({"convocation": 120}, "скликання"),
        ({"website": "не сайт"}, "неправильна"),
        ({"logo": b"GIF89a-not-really"}, "пошкоджено"),
        ({"logo": b"%PDF-1.4 this is a pdf"}, "не є зображенням"),
    ],
)
def test_bad_profile_is_refused_and_nothing_written(
    council_db: tuple[Database, Actor], change: dict[str, object], message: str
) -> None:
    db, actor = council_db
    before = (council.require_profile(db), audit.event_count(db))
    with pytest.raises(ValidationError, match=message):
        council.update_profile(db, actor, replace(TEST_PROFILE, **change), before[0].version)
    assert (council.require_profile(db), audit.event_count(db)) == before


def test_logo_and_website_normalised(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    saved = council.update_profile(
        db, actor, replace(TEST_PROFILE, website="rada.example.ua", logo=demo_logo_png(64)),
        council.require_profile(db).version,
    )
    assert saved.website == "https://rada.example.ua"
    assert saved.logo_mime == "image/png"


def test_stale_version_is_refused(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    opened = council.require_profile(db)
    council.update_profile(db, actor, replace(TEST_PROFILE, address="перша"), opened.version)
    with pytest.raises(StaleRecordError, match="змінив інший користувач"):
        council.update_profile(db, actor, replace(TEST_PROFILE, address="друга"), opened.version)
    assert council.require_profile(db).address == "перша"


def test_viewer_cannot_change_profile(council_db: tuple[Database, Actor]) -> None:
    db, _ = council_db
    viewer = Actor(user_id=None, username="glyadach", role=Role.VIEWER)
    with pytest.raises(PermissionDeniedError, match="не має права"):
        council.update_profile(db, viewer, TEST_PROFILE, council.require_profile(db).version)
