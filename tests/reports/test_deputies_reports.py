"""The council's public reports: deputy card, session results, attendance, deputy's annual report."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.demo.deputies import demo_year
from app.reports import registry
from app.services import deputies
from app.services.deputies import initiatives, sessions
from tests.deputies_setup import demo_copy, demo_path  # noqa: F401 - fixtures
from tests.reports.pdf_utils import pdf_text, render_png

IDS = ("deputy-card", "session-results", "attendance", "deputy-annual-report")


def test_registered_public_with_choices(demo_copy) -> None:  # noqa: F811
    db, _ = demo_copy
    kinds = {k.id: k for k in registry.all_reports()}
    for kind_id in IDS:
        kind = kinds[kind_id]
        assert kind.public and kind.needs_id and kind.choices is not None
        assert kind.choices(db), kind_id
    assert kinds["attendance"].choices(db)[0] == (demo_year(), f"{demo_year()} рік")


def test_deputy_card(demo_copy, tmp_path: Path) -> None:  # noqa: F811
    db, _ = demo_copy
    row = next(r for r in deputies.list_deputies(db) if r.surname == "Олійник")
    view = deputies.get_deputy(db, row.id)
    assert view.email and not view.email_public and view.phone and view.phone_public
    out = tmp_path / "card.pdf"
    registry.render_report(db, "deputy-card", row.id, out)
    text = pdf_text(out)
    assert "Ваш депутат" in text and "Олійник Василь" in text and "Петрович" in text
    assert "25 %" in text and "відвідуваність сесій" in text
    assert "понад половину сесій" in text  # the recall flag is public
    assert view.email not in text  # a private contact stays private
    assert view.phone in text  # the clerk marked the work phone public
    assert len(PdfReader(out).pages) == 1  # a poster: one A4 page
    png = render_png(out, out_dir=tmp_path)
    assert png.stat().st_size > 10_000


def test_card_shows_public_contacts_and_photo(demo_copy, tmp_path: Path) -> None:  # noqa: F811
    from app.demo.logo import demo_logo_png

    db, actor = demo_copy
    row = next(r for r in deputies.list_deputies(db) if r.surname == "Шевченко")
    view = deputies.get_deputy(db, row.id)
    assert view.email_public
    deputies.set_deputy_photo(db, actor, row.id, demo_logo_png(), view.version)
    out = tmp_path / "card.pdf"
    registry.render_report(db, "deputy-card", row.id, out)
    text = pdf_text(out)
    assert view.email in text and "секретар ради" in text.replace("\n", " ").lower()
    assert "фото немає" not in text


def test_session_results(demo_copy, tmp_path: Path) -> None:  # noqa: F811
    db, _ = demo_copy
    session = sessions.list_sessions(db)[0]
    items = sessions.agenda(db, session.id)
    out = tmp_path / "session.pdf"
    registry.render_report(db, "session-results", session.id, out)
    text = pdf_text(out).replace("\n", " ")
    assert f"Результати {session.number}-ї сесії" in text
    assert "ПРИЙНЯТО" in text and "Голосування «в цілому»" in text
    decided = next(i for i in items if i.decision)
    assert decided.decision.number in text
    assert "більшість від загального складу ради" in text or "більшість від загального складу" in text


def test_attendance(demo_copy, tmp_path: Path) -> None:  # noqa: F811
    db, _ = demo_copy
    out = tmp_path / "attendance.pdf"
    registry.render_report(db, "attendance", demo_year(), out)
    text = pdf_text(out)
    assert f"Відвідуваність сесій за {demo_year()} рік" in text
    assert "Олійник В. П. (3 з 12)" in text and "понад половину" in text
    assert "91,7" in text
    with pytest.raises(Exception, match="вкажіть рік"):
        registry.render_report(db, "attendance", 7, tmp_path / "x.pdf")


def test_annual_report(demo_copy, tmp_path: Path) -> None:  # noqa: F811
    db, _ = demo_copy
    report_id, label = initiatives.annual_report_choices(db)[0]
    out = tmp_path / "annual.pdf"
    registry.render_report(db, "deputy-annual-report", report_id, out)
    text = pdf_text(out).replace("\n", " ")
    assert f"Звіт депутата перед виборцями за {demo_year()} рік" in text
    assert "Шевченко Олена Петрівна" in text and "Провела 11 прийомів" in text
    assert "Оприлюднити не пізніше" in text
    assert "сесій відвідано" in text


def test_needs_id(demo_copy, tmp_path: Path) -> None:  # noqa: F811
    from app.errors import ValidationError

    db, _ = demo_copy
    with pytest.raises(ValidationError, match="потребує параметра --id"):
        registry.render_report(db, "deputy-card", None, tmp_path / "x.pdf")
