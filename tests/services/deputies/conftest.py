"""Fixtures of the deputies-area service tests."""

from __future__ import annotations

import pytest

from app.db.engine import Database
from app.services.core.auth import Actor
from tests.deputies_setup import Council, build_council


@pytest.fixture
def council(council_db: tuple[Database, Actor]) -> Council:
    """26 deputies, a session with two of them absent, one agenda item."""
    db, actor = council_db
    return build_council(db, actor, absent=(24, 25))
