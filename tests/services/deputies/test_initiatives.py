"""Deputies' initiatives, annual reports and the "due soon" items they raise."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.db.engine import Database
from app.errors import StaleRecordError, ValidationError
from app.services import registry
from app.services.core import settings
from app.services.core.auth import Actor
from app.services.deputies import initiatives
from tests.deputies_setup import add_deputies


def test_initiative_lifecycle_and_due(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    _, [deputy, other] = add_deputies(db, actor, 2)
    today = dt.date(2026, 3, 20)
    inquiry = initiatives.InitiativeData(deputy_id=deputy, kind="inquiry", title="Щодо ремонту дороги",
                                         submitted_on=dt.date(2026, 2, 10), addressee="Сільський голова")
    iid = initiatives.save_initiative(db, actor, inquiry)
    initiatives.save_initiative(db, actor, initiatives.InitiativeData(
        deputy_id=other, kind="appeal", title="Щодо освітлення", submitted_on=dt.date(2026, 3, 15)))
    [row_other, row] = sorted(initiatives.list_initiatives(db), key=lambda r: r.deputy_id != other)
    assert row.due == dt.date(2026, 3, 12) and row.overdue(today)
    assert row_other.due == dt.date(2026, 3, 25) and not row_other.overdue(today)
    items = [d for d in registry.due_soon(db, today) if d.area_uk == "Депутати"]
    assert [(d.overdue, d.record_id) for d in items] == [(True, deputy), (False, other)]
    assert items[0].title.startswith("Відповідь: депутатський запит")

    settings.set_values(db, actor, {registry.setting("deputies.inquiry_answer_days"): 60})
    assert initiatives.list_initiatives(db, deputy_id=deputy)[0].due == dt.date(2026, 4, 11)

    with pytest.raises(ValidationError, match="вкажіть відповідь або її дату"):
        initiatives.save_initiative(db, actor, dataclasses.replace(inquiry, status="answered"), iid, 1)
    with pytest.raises(ValidationError, match="Дата відповіді раніша за дату подання"):
        initiatives.save_initiative(db, actor, dataclasses.replace(
            inquiry, status="answered", answered_on=dt.date(2026, 1, 1)), iid, 1)
    initiatives.save_initiative(db, actor, dataclasses.replace(
        inquiry, status="answered", answer="Заплановано на травень", answered_on=dt.date(2026, 3, 1)), iid, 1)
    with pytest.raises(StaleRecordError):
        initiatives.save_initiative(db, actor, inquiry, iid, 1)
    assert not [d for d in registry.due_soon(db, today) if d.record_id == deputy]


def test_initiative_outside_mandate(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    _, [deputy] = add_deputies(db, actor, 1)
    with pytest.raises(ValidationError, match="На 01.01.2019 депутат не мав повноважень"):
        initiatives.save_initiative(db, actor, initiatives.InitiativeData(
            deputy_id=deputy, kind="proposal", title="Пропозиція", submitted_on=dt.date(2019, 1, 1)))


def test_annual_report(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    _, [deputy] = add_deputies(db, actor, 1)
    data = initiatives.AnnualReportData(deputy_id=deputy, year=2025, meeting_date=dt.date(2026, 2, 10),
                                        meeting_place="Будинок культури", voter_work="Провела 11 прийомів")
    report_id = initiatives.save_annual_report(db, actor, data)
    view = initiatives.get_annual_report(db, deputy, 2025)
    assert view is not None and view.id == report_id and view.publish_by == dt.date(2026, 2, 3)
    [item] = [d for d in registry.due_soon(db, dt.date(2026, 1, 25)) if d.area_uk == "Депутати"]
    assert item.due == dt.date(2026, 2, 3) and "Оприлюднити звіт депутата" in item.title
    initiatives.save_annual_report(db, actor, dataclasses.replace(data, published_on=dt.date(2026, 2, 1)),
                                   view.version)
    assert not [d for d in registry.due_soon(db, dt.date(2026, 1, 25)) if d.area_uk == "Депутати"]
    with pytest.raises(StaleRecordError):
        initiatives.save_annual_report(db, actor, data, view.version)
    with pytest.raises(ValidationError, match="після зустрічі"):
        initiatives.save_annual_report(db, actor, dataclasses.replace(data, published_on=dt.date(2026, 3, 1)),
                                       view.version + 1)
    assert initiatives.annual_report_choices(db)[0][1].endswith("— звіт за 2025 рік")
