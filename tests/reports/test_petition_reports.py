"""Petition reports (notice, register, answer) and the privacy rule of every public citizen-proposal report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.db.engine import Database
from app.domain.petitions import PetitionOutcome
from app.errors import ServiceError
from app.reports import registry
from app.services import petitions
from app.services.core import settings
from app.services.core.auth import Actor
from app.services.deputies import sessions
from app.services.petitions import links as petition_links
from tests.reports.pdf_utils import pdf_text, render_png
from tests.services.petitions.petition_helpers import make_appeal, make_petition, sign

TODAY = dt.date.today()
PUBLIC_IDS = ("petition-notice", "petitions-register", "petition-answer", "appeals-statistics")

# One distinctive marker per private field; none may reach a public report.
MARKERS = {
    "author_address": "АДРЕСААВТОРАZQ7",
    "author_phone": "0997766554",
    "author_email": "authorxq9@privat.example",
    "signer_address": "АДРЕСАПІДПИСАНТАK3",
    "signer_phone": "0661234509",
    "applicant_name": "Приватенко Секретина",
    "applicant_address": "АДРЕСАЗАЯВНИКАZ5",
    "applicant_phone": "0671112299",
    "applicant_email": "applicantq7@privat.example",
}


def _flat(text: str) -> str:
    return "".join(text.split())


def _private_data_world(db: Database, admin: Actor) -> dict[str, int]:
    """Petitions in every state and appeals, every private field holding a marker."""
    settings.set_values(db, admin, {petitions.THRESHOLD: 3})
    private = {"author_address": MARKERS["author_address"], "author_phone": MARKERS["author_phone"],
               "author_email": MARKERS["author_email"]}
    start = TODAY - dt.timedelta(days=200)
    answered = make_petition(db, admin, published_on=start + dt.timedelta(days=1), submitted_on=start,
                             today=TODAY, title="Підтримана петиція", **private)
    signer = petitions.SignatureInput("Підписант Публічний", start + dt.timedelta(days=2),
                                      MARKERS["signer_address"], MARKERS["signer_phone"], "paper")
    petitions.add_signature(db, admin, answered, signer, today=TODAY)
    sign(db, admin, answered, 3, start + dt.timedelta(days=3), today=TODAY)
    d = petitions.get_petition(db, answered, TODAY)
    petitions.answer_petition(db, admin, answered, outcome=PetitionOutcome.SUPPORTED,
                              answered_on=start + dt.timedelta(days=5), answer_text="Рада підтримує петицію.",
                              answered_by="Сільський голова", expected_version=d.version, today=TODAY)
    decision = sessions.save_decision(db, admin, sessions.DecisionData(
        number="7-1/VIII", date=start + dt.timedelta(days=5), title="Про підтримку петиції"))
    petition_links.set_link(db, admin, answered, agenda_item_id=None, decision_id=decision)
    failed = make_petition(db, admin, published_on=start + dt.timedelta(days=1), submitted_on=start, today=TODAY,
                           title="Петиція без підписів", **private)
    petitions.add_signature(db, admin, failed, signer, today=TODAY)
    petitions.register_as_appeal(db, admin, failed, today=TODAY)
    collecting = make_petition(db, admin, published_on=TODAY, submitted_on=TODAY, today=TODAY,
                               title="Петиція збирає підписи", online_url="https://rada.example/p/3", **private)
    petitions.add_signature(db, admin, collecting, petitions.SignatureInput(
        "Інший Підписант", TODAY, MARKERS["signer_address"], MARKERS["signer_phone"], "paper"), today=TODAY)
    reached = make_petition(db, admin, published_on=TODAY - dt.timedelta(days=5),
                            submitted_on=TODAY - dt.timedelta(days=6), today=TODAY, title="Набрала підписи",
                            **private)
    sign(db, admin, reached, 3, TODAY - dt.timedelta(days=4), offset=30, today=TODAY)
    make_petition(db, admin, published_on=None, submitted_on=TODAY, today=TODAY, title="Чернетка", **private)
    for days_ago in (40, 10):
        make_appeal(db, admin, today=TODAY, received_on=TODAY - dt.timedelta(days=days_ago),
                    applicant_name=MARKERS["applicant_name"], applicant_address=MARKERS["applicant_address"],
                    applicant_phone=MARKERS["applicant_phone"], applicant_email=MARKERS["applicant_email"])
    return {"answered": answered, "failed": failed, "collecting": collecting, "reached": reached}


def test_no_private_field_reaches_a_public_report(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    _private_data_world(db, admin)
    texts: dict[str, str] = {}
    for kind in registry.all_reports():
        if kind.id not in PUBLIC_IDS:
            continue
        assert kind.public, kind.id
        ids = [record_id for record_id, _ in kind.choices(db)] if kind.choices else [None]
        assert ids, kind.id
        for record_id in ids:
            out = tmp_path / f"{kind.id}-{record_id}.pdf"
            registry.render_report(db, kind.id, record_id, out)
            texts[out.name] = pdf_text(out)
    assert {name.split("-None")[0] for name in texts} >= {"petitions-register"}
    assert len([n for n in texts if n.startswith("petition-notice")]) == 4  # every published petition
    for name, text in texts.items():
        flat = _flat(text)
        for field, marker in MARKERS.items():
            assert _flat(marker) not in flat, f"{field} leaked into {name}"
    # The reports did render the public data around the private fields.
    assert "Коваль Олена Петрівна" in texts["petition-notice-3.pdf"]
    assert "7-1/VIII" in texts["petition-answer-1.pdf"]
    # The internal list does show applicants: proof that the extraction would have found the markers.
    internal = tmp_path / "overdue.pdf"
    registry.render_report(db, "appeals-overdue", None, internal)
    flat = _flat(pdf_text(internal))
    assert _flat(MARKERS["applicant_name"]) in flat and MARKERS["applicant_phone"] in flat
    assert "Дляслужбовогокористування" in flat
    assert not registry.get_report("appeals-overdue").public


def test_notice_shows_progress_deadline_and_how_to_sign(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    ids = _private_data_world(db, admin)
    number = petitions.get_petition(db, ids["collecting"], TODAY).number
    out = tmp_path / "notice.pdf"
    registry.render_report(db, "petition-notice", number, out)
    text = pdf_text(out)
    for expected in ("Електронна петиція №3", "Петиція збирає підписи", "Коваль Олена Петрівна", "1 з 3",
                     "Як підписати", "https://rada.example/p/3", "Тестова сільська рада"):
        assert expected in text, expected
    window_end = petitions.get_petition(db, ids["collecting"], TODAY).status.window_ends_on
    assert window_end is not None and window_end.strftime("%d.%m.%Y") in text
    png = render_png(out, out_dir=tmp_path)
    assert png.stat().st_size > 5_000


def test_register_and_answer(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    _private_data_world(db, admin)
    out = tmp_path / "register.pdf"
    registry.render_report(db, "petitions-register", None, out)
    text = _flat(pdf_text(out))
    assert "Чернетка" not in text  # drafts are not public yet
    for expected in ("Реєстр електронних петицій", "Підтримана петиція", "Рада підтримує петицію", "4 / 3",
                     "Розглядається як звернення № 1/"):
        assert _flat(expected) in text, expected
    answer = tmp_path / "answer.pdf"
    registry.render_report(db, "petition-answer", 1, answer)
    text = pdf_text(answer)
    for expected in ("Відповідь на електронну петицію №1", "Підтримана", "Рада підтримує петицію.",
                     "Сільський голова"):
        assert expected in text


@pytest.mark.parametrize(("kind", "number", "message"), [
    ("petition-notice", 5, "ще не оприлюднено"),
    ("petition-answer", 2, "як звернення"),
    ("petition-answer", 3, "ще немає відповіді"),
    ("petition-notice", 99, "немає в реєстрі"),
    ("petition-notice", None, "--id"),
])
def test_refusals(council_db: tuple[Database, Actor], tmp_path: Path, kind: str, number: int | None,
                  message: str) -> None:
    db, admin = council_db
    _private_data_world(db, admin)
    with pytest.raises(ServiceError, match=message):
        registry.render_report(db, kind, number, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.slow
def test_register_of_a_thousand_petitions_is_quick(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    for i in range(1000):
        petitions.create_petition(db, admin, petitions.PetitionInput(
            f"Петиція про благоустрій вулиці № {i}", "Текст", "Автор Петиції", TODAY), today=TODAY)
    rows = petitions.list_petitions(db, TODAY)
    from app.reports import petitions_register

    petitions_register.render_rows(db, rows, tmp_path / "big.pdf")
    assert len(pdf_text(tmp_path / "big.pdf")) > 1000
