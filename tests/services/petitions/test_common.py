"""The helpers the petition modules share: Ukrainian plural forms, search keys, privacy."""

from __future__ import annotations

import pytest

from app.services.core.auth import Actor, Role
from app.services.petitions import common


@pytest.mark.parametrize(("n", "text"), [(1, "1 підпис"), (2, "2 підписи"), (5, "5 підписів"), (11, "11 підписів"),
                                         (21, "21 підпис"), (93, "93 підписи"), (112, "112 підписів"),
                                         (151, "151 підпис")])
def test_signatures_text(n: int, text: str) -> None:
    assert common.signatures_text(n) == text


def test_search_key_and_like_pattern() -> None:
    key = common.petition_search_key(7, "Ремонт  ДОРОГИ", "Д’яченко Ірина")
    assert "№7" in key and "ремонт дороги" in key
    assert common.like_pattern("100%") == "%100\\%%"


def test_private_data_is_for_editors_and_signature_clerks() -> None:
    assert common.can_see_private(None)  # the system itself (reports choose what to show)
    assert common.can_see_private(Actor(None, "c", Role.CLERK))
    assert common.can_see_private(Actor(None, "o", Role.OPERATOR))
    assert not common.can_see_private(Actor(None, "v", Role.VIEWER))
