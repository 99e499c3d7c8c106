"""The helpers every deputies module shares."""

from __future__ import annotations

import pytest

from app.db.engine import Database
from app.errors import NotFoundError
from app.services.core.auth import Actor
from app.services.deputies import common
from tests.deputies_setup import add_deputies


def test_text_cleaning() -> None:
    assert common.clean("  перший   рядок \n  другий  ") == "перший рядок\nдругий"
    assert common.clean(None) == "" and common.one_line(" а \n б ") == "а б"


def test_like_pattern_escapes_wildcards() -> None:
    assert common.like_pattern("50%_знижки") == "%50\\%\\_знижки%"


def test_composition_needs_the_council_profile(db: Database) -> None:
    with db.read() as s, pytest.raises(NotFoundError, match="Профіль ради ще не заповнено"):
        common.composition(s)
    with db.read() as s:
        assert common.current_convocation(s) == 1  # no profile yet: the first convocation


def test_council_facts_and_deputies_names(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    _, ids = add_deputies(db, actor, 2)
    with db.read() as s:
        assert (common.composition(s), common.current_convocation(s)) == (26, 8)
        names = common.deputy_names(s)
        full = common.deputy_names(s, short=False)
        assert set(common.mandates(s)) == set(ids) == set(names)
    assert (names[ids[0]], full[ids[0]]) == ("Шевченко О. І.", "Шевченко Олена Іванівна")
