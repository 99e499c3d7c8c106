"""The steps every area shares: load-or-404, stale saves, retrying a numbered insert."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from app.errors import StaleRecordError
from app.services.core import records


class _Row:
    version = 3


def test_a_stale_version_is_refused_and_none_skips_the_check() -> None:
    records.check_version(_Row(), 3, "Запис")
    records.check_version(_Row(), None, "Запис")
    with pytest.raises(StaleRecordError, match="змінив інший користувач"):
        records.check_version(_Row(), 2, "Запис")


def test_retry_unique_runs_again_after_a_lost_number_and_gives_up_after_three() -> None:
    calls: list[int] = []

    def lost_once() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise IntegrityError("insert", {}, Exception("UNIQUE"))
        return "saved"

    assert records.retry_unique(lost_once) == "saved" and len(calls) == 2

    def always_lost() -> str:
        calls.append(1)
        raise IntegrityError("insert", {}, Exception("UNIQUE"))

    calls.clear()
    with pytest.raises(IntegrityError):
        records.retry_unique(always_lost)
    assert len(calls) == 3
