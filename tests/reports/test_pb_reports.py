"""The four public participatory-budget reports: content, Cyrillic text, and no private data in any of them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db.engine import Database
from app.db.models.budget import Ballot
from app.reports import registry
from app.services import budget
from app.services.budget import ballots
from app.services.budget import results as budget_results
from app.services.core.auth import Actor
from tests.budget_support import TODAY, uah, voting_cycle
from tests.reports.pdf_utils import pdf_pages, pdf_text, render_png

IDS = ("pb-results-poster", "pb-protocol", "pb-project-card", "pb-implementation")
MARK_ID = "ZZPRIV4711"
MARK_CONTACT = "privat-marker@example.org"
MARK_PHONE = "+380 99 471 14 71"


@pytest.fixture
def counted(council_db: tuple[Database, Actor]) -> tuple[Database, budget.VotingCycle]:  # type: ignore[name-defined]
    """A cycle with planted private data, counted, approved and partly built."""
    db, actor = council_db
    vc = voting_cycle(db, actor)
    p1 = budget.get_project(db, vc.projects[1].id)
    budget.update_project(db, actor, p1.id, budget.ProjectData(
        p1.category_id, p1.title, p1.items, description="Вісім лавок біля ставу.", author_name="Оксана Гнатюк",
        author_contact=f"{MARK_CONTACT}, {MARK_PHONE}", location="сквер біля ставу"), p1.version)
    for i, projects in enumerate(["1 4", "1 5", "2 4", "3 5", "1 2 4", "3"]):
        ballots.enter_ballot(db, actor, ballots.BallotEntry(
            vc.cycle.id, f"{MARK_ID}{i}", 17 + i * 11, projects, vc.points[i % 2].id, district="Вишнівка"),
            today=TODAY)
    ballots.record_spoiled(db, actor, vc.cycle.id, vc.points[1].id, "два хрестики", today=TODAY)
    cycle = budget.get_cycle(db, vc.cycle.id)
    budget_results.approve_results(db, actor, cycle.id, cycle.version, today=TODAY + timedelta(days=10))
    impl = budget.list_implementation(db, cycle.id)[0]
    budget.update_implementation(db, actor, impl.project_id, budget.ImplementationData(
        "in_progress", 40, impl.allocated, uah(10_000), contractor="ТОВ «Будсервіс»"), impl.version)
    budget.add_milestone(db, actor, impl.project_id, budget.MilestoneData("Укладено договір", TODAY, TODAY))
    return db, vc


def flat(path: Path) -> str:
    """The PDF's text on one line: lines joined, no-break spaces as spaces."""
    return " ".join(pdf_text(path).replace("\u00a0", " ").split())


def _render(db: Database, kind: str, record_id: int, tmp_path: Path) -> Path:
    out = tmp_path / f"{kind}-{record_id}.pdf"
    registry.render_report(db, kind, record_id, out)
    return out


def test_reports_are_registered_and_public() -> None:
    kinds = {k.id: k for k in registry.all_reports()}
    for kind_id in IDS:
        assert kinds[kind_id].public and kinds[kind_id].needs_id and kinds[kind_id].choices is not None


def test_results_poster(counted, tmp_path: Path) -> None:  # noqa: ANN001
    db, vc = counted
    text = flat(_render(db, "pb-results-poster", vc.cycle.id, tmp_path))
    assert "Результати громадського бюджету 2026" in text
    assert "Малі проєкти: бюджет 100 000,00 грн" in text
    assert "✔ №1 Лавки в парку" in text
    assert "Правило визначення переможців" in text and "більше виборців" in text


def test_protocol_has_every_project_turnout_and_rules(counted, tmp_path: Path) -> None:  # noqa: ANN001
    db, vc = counted
    text = flat(_render(db, "pb-protocol", vc.cycle.id, tmp_path))
    for title in ("Лавки в парку", "Книжкова шафа", "Тренажери", "Дитячий майданчик", "Укриття в ліцеї",
                  "Приватний проїзд"):
        assert title in text
    assert "Не допущено до голосування: Приватна земля." in text
    assert "Бракує коштів" in text or "бракує коштів" in text
    assert "Сільська рада" in text and "Бібліотека" in text
    assert "Зіпсованих паперових бюлетенів" in text and "до 18 років" in text
    assert "greedy — жадібне правило" in text and "Розв’язання нічиєї" in text
    assert "Секретар ради" in text


def test_project_card_and_implementation(counted, tmp_path: Path) -> None:  # noqa: ANN001
    db, vc = counted
    card = flat(_render(db, "pb-project-card", vc.projects[1].id, tmp_path))
    assert "Лавки в парку" in card and "Номер у бюлетені" in card and "Оксана Гнатюк" in card
    assert "Кошторис: 30 000,00 грн" in card and "Разом" in card
    impl_pdf = _render(db, "pb-implementation", vc.cycle.id, tmp_path)
    impl = flat(impl_pdf)
    assert "Реалізація проєктів громадського бюджету 2026" in impl
    assert "ТОВ «Будсервіс»" in impl and "Укладено договір" in impl and "40 %" in impl
    png = render_png(impl_pdf, page=1, out_dir=tmp_path)
    assert png.stat().st_size > 10_000


def test_no_private_data_in_any_public_pdf(counted, tmp_path: Path) -> None:  # noqa: ANN001
    db, vc = counted
    with db.read() as s:
        hashes = list(s.execute(select(Ballot.voter_hash)).scalars())
    outputs = [_render(db, kind, vc.cycle.id, tmp_path) for kind in ("pb-results-poster", "pb-protocol",
                                                                    "pb-implementation")]
    outputs += [_render(db, "pb-project-card", p.id, tmp_path) for p in vc.projects.values()]
    for out in outputs:
        text = pdf_text(out)
        raw = out.read_bytes()
        for marker in (MARK_ID, MARK_CONTACT, "471 14 71", "+380"):
            assert marker not in text, (out.name, marker)
        assert MARK_ID.encode() not in raw and MARK_CONTACT.encode() not in raw
        for voter_hash in hashes:
            assert voter_hash[:16] not in text


def test_unapproved_results_are_marked_preliminary(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, actor = council_db
    vc = voting_cycle(db, actor)
    ballots.enter_ballot(db, actor, ballots.BallotEntry(vc.cycle.id, "АВ000001", 30, "1 4", vc.points[0].id),
                         today=TODAY)
    for kind in ("pb-results-poster", "pb-protocol"):
        first = pdf_pages(_render(db, kind, vc.cycle.id, tmp_path))[0]
        assert "ПОПЕРЕДНІ РЕЗУЛЬТАТИ" in first
    card = pdf_text(_render(db, "pb-project-card", vc.projects[2].id, tmp_path))
    assert "Голосуйте за проєкт №2" in card and "Бібліотека" in card
    empty = pdf_text(_render(db, "pb-implementation", vc.cycle.id, tmp_path))
    assert "не затверджено" in empty
