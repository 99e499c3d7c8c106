"""Appeals statistics (public) and the overdue list (internal)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.db.engine import Database
from app.reports import appeals_statistics, registry
from app.services import appeals
from app.services.core.auth import Actor
from tests.reports.pdf_utils import pdf_text, render_png
from tests.services.petitions.petition_helpers import make_appeal

TODAY = dt.date.today()


def _flat(text: str) -> str:
    return "".join(text.split())


def test_statistics_for_a_period(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    year = TODAY.year - 1  # a whole past year, whatever day the tests run
    start = dt.date(year, 3, 2)
    answered = make_appeal(db, admin, today=TODAY, received_on=start, kind="complaint", topic="Вивезення сміття")
    make_appeal(db, admin, today=TODAY, received_on=start + dt.timedelta(days=2), topic="Вивезення сміття")
    make_appeal(db, admin, today=TODAY, received_on=dt.date(year - 1, 12, 1), topic="Освіта")  # the year before
    a = appeals.get_appeal(db, answered, TODAY)
    appeals.answer_appeal(db, admin, answered, answered_on=start + dt.timedelta(days=3), result="resolved",
                          answer_text="Вивезено.", answered_by="Голова", expected_version=a.version, today=TODAY)
    out = tmp_path / "stats.pdf"
    appeals_statistics.render_period(db, start, start + dt.timedelta(days=40), out)
    text = _flat(pdf_text(out))
    for expected in ("Звернення громадян: статистика", "Надійшло звернень 2", "Вивезення сміття",
                     "скарга", "вирішено позитивно", "ще не розглянуто", "100,0 % розглянутих",
                     "Звіт не містить персональних даних"):
        assert _flat(expected) in text, expected
    assert "Освіта" not in text
    assert "Сидоренко" not in text  # the applicant
    by_year = tmp_path / "year.pdf"
    registry.render_report(db, "appeals-statistics", year - 1, by_year)
    assert "Надійшлозвернень1" in _flat(pdf_text(by_year))
    assert render_png(out, out_dir=tmp_path).stat().st_size > 5_000
    years = [year for year, _ in registry.get_report("appeals-statistics").choices(db)]  # type: ignore[misc]
    assert years == [year, year - 1]


def test_overdue_list_is_internal_and_grouped_by_assignee(council_db: tuple[Database, Actor],
                                                          tmp_path: Path) -> None:
    db, admin = council_db
    make_appeal(db, admin, today=TODAY, received_on=TODAY - dt.timedelta(days=60), assignee="Петро Гайовий",
                applicant_name="Мороз Юрій", applicant_phone="+380 50 999 88 77")
    make_appeal(db, admin, today=TODAY, received_on=TODAY - dt.timedelta(days=50), assignee="")
    make_appeal(db, admin, today=TODAY, received_on=TODAY)  # not overdue
    out = tmp_path / "overdue.pdf"
    registry.render_report(db, "appeals-overdue", None, out)
    text = pdf_text(out)
    flat = _flat(text)
    assert "Дляслужбовогокористування" in flat
    assert "ПетроГайовий—1" in flat and "Виконавцянепризначено—1" in flat
    assert "МорозЮрій" in flat and "+380509998877" in flat
    assert "без відповіді після строку: 2" in text
