"""Signatures: one per person, whatever the spelling, and held by the database when two PCs race."""

from __future__ import annotations

import datetime as dt
import random
import threading

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from app.db.engine import Database, open_database
from app.db.models.petitions import PetitionSignature
from app.domain.names import normalize_person_name
from app.domain.petitions import SignatureChannel
from app.errors import ImportRejectedError, ValidationError
from app.services import petitions
from app.services.core.auth import Actor
from app.services.petitions import DuplicateSignatureError, SignatureInput
from app.services.petitions import signatures as signature_service
from tests.services.petitions.petition_helpers import TODAY, make_petition, people


@pytest.mark.parametrize("again", ["ПЕТРЕНКО МАР’ЯНА", "петренко мар'яна", "  Петренко   Марʼяна ", "Петренко Мар`яна"])
def test_the_same_person_cannot_sign_twice(council_db: tuple[Database, Actor], again: str) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    petitions.add_signature(db, admin, pid, SignatureInput("Петренко Мар’яна", dt.date(2026, 4, 2), channel="online"),
                            today=TODAY)
    with pytest.raises(DuplicateSignatureError) as caught:
        petitions.add_signature(db, admin, pid, SignatureInput(again, dt.date(2026, 5, 1)), today=TODAY)
    assert caught.value.earlier_on == dt.date(2026, 4, 2) and caught.value.earlier_channel == "online"
    assert "02.04.2026" in caught.value.message and "онлайн-платформа" in caught.value.message
    assert "Петренко Мар’яна" in caught.value.message
    assert petitions.get_petition(db, pid, TODAY).signature_count == 1
    hint = petitions.find_signer(db, pid, again)
    assert hint is not None and hint.signed_on == dt.date(2026, 4, 2)


def test_the_same_person_may_sign_different_petitions(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    first, second = make_petition(db, admin), make_petition(db, admin)
    for pid in (first, second):
        petitions.add_signature(db, admin, pid, SignatureInput("Мороз Юрій Іванович"), today=TODAY)
    assert petitions.find_signer(db, first, "мороз юрій іванович") is not None
    assert petitions.find_signer(db, second, "Мороз Юрій") is None


def test_the_database_itself_refuses_a_second_row_for_the_same_signer(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    row = {"petition_id": pid, "signer_name": "Мороз Юрій", "signer_key": normalize_person_name("Мороз Юрій"),
           "address": "", "phone": "", "signed_on": TODAY, "channel": "paper", "source": ""}
    with db.write() as s:
        s.execute(insert(PetitionSignature), [row])
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(PetitionSignature), [{**row, "signer_name": "МОРОЗ ЮРІЙ"}])


def test_a_lost_race_shows_the_earlier_signature(council_db: tuple[Database, Actor],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Another PC saved the signer after our check: the UNIQUE constraint refuses, the clerk sees the first one."""
    db, admin = council_db
    pid = make_petition(db, admin)
    petitions.add_signature(db, admin, pid, SignatureInput("Коваль Ганна Іванівна", dt.date(2026, 4, 3)), today=TODAY)
    monkeypatch.setattr(signature_service, "_existing_signature", lambda s, petition_id, key: None)
    with pytest.raises(DuplicateSignatureError) as caught:
        petitions.add_signature(db, admin, pid, SignatureInput("коваль ганна іванівна"), today=TODAY)
    assert "03.04.2026" in caught.value.message and "паперовий" in caught.value.message
    assert petitions.get_petition(db, pid, TODAY).signature_count == 1


def test_two_pcs_entering_the_same_sheet_at_once_record_each_signer_once(
    council_db: tuple[Database, Actor], tmp_path: object, backend: str
) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    names = people(25)
    second_pc = open_database(db.url.render_as_string(hide_password=False)) if backend == "postgres" else \
        open_database(db.path)  # type: ignore[arg-type]
    barrier = threading.Barrier(2)
    outcomes: dict[str, list[str]] = {"saved": [], "refused": [], "other": []}
    lock = threading.Lock()

    def clerk(database: Database, seed: int) -> None:
        order = list(names)
        random.Random(seed).shuffle(order)
        barrier.wait()
        for name in order:
            spelled = name.upper() if seed else name
            try:
                petitions.add_signature(database, admin, pid, SignatureInput(spelled), today=TODAY)
                result = "saved"
            except DuplicateSignatureError:
                result = "refused"
            except Exception as exc:  # noqa: BLE001 - recorded and asserted below
                result = "other"
                print(repr(exc))
            with lock:
                outcomes[result].append(name)

    try:
        threads = [threading.Thread(target=clerk, args=(handle, seed)) for seed, handle in enumerate((db, second_pc))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        second_pc.dispose()
    assert outcomes["other"] == []
    assert sorted(outcomes["saved"]) == sorted(names)
    assert sorted(outcomes["refused"]) == sorted(names)
    d = petitions.get_petition(db, pid, TODAY)
    assert d.signature_count == 25 == len(petitions.list_signatures(db, pid))


def test_a_batch_is_all_or_nothing_and_lists_every_refused_row(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    petitions.add_signature(db, admin, pid, SignatureInput("Мороз Юрій Іванович", dt.date(2026, 4, 1)), today=TODAY)
    rows = [
        SignatureInput("Коваль Ганна Іванівна", dt.date(2026, 4, 2), line=2),
        SignatureInput("МОРОЗ юрій іванович", dt.date(2026, 4, 2), line=3),
        SignatureInput("Лисенко Остап", dt.date(2026, 4, 2), line=4),
        SignatureInput("коваль  ганна іванівна", dt.date(2026, 4, 3), line=5),
        SignatureInput("Руденко", dt.date(2026, 4, 3), line=6),
    ]
    check = petitions.check_signatures(db, pid, rows, today=TODAY)
    assert [(p.line, p.reason) for p in check.problems] == [
        (3, "«МОРОЗ юрій іванович» вже підписав(ла) цю петицію 01.04.2026 (паперовий підписний лист)"),
        (5, "«коваль ганна іванівна» повторює рядок 2"),
        (6, "«Руденко»: потрібні прізвище та ім’я (принаймні два слова)"),
    ]
    with pytest.raises(ImportRejectedError) as caught:
        petitions.add_signatures(db, admin, pid, rows, source="лист 3", today=TODAY)
    assert len(caught.value.problems) == 3 and caught.value.problems[0].startswith("Рядок 3:")
    assert "жодного підпису не записано" in caught.value.message
    assert petitions.get_petition(db, pid, TODAY).signature_count == 1
    good = [rows[0], rows[2]]
    assert petitions.add_signatures(db, admin, pid, good, source="лист 3", today=TODAY) == 2
    assert petitions.get_petition(db, pid, TODAY).signature_count == 3
    assert {s.source for s in petitions.list_signatures(db, pid)} == {"", "лист 3"}


def test_signature_channels_have_titles_and_typed_signatures_cannot_claim_an_import(
        council_db: tuple[Database, Actor]) -> None:
    assert [c.value for c in SignatureChannel] == ["paper", "online", "imported"]
    assert SignatureChannel.title_of("online", "en") == "online platform"
    assert SignatureChannel.title_of("telegram") == "telegram"  # an unknown stored value is shown as it is
    db, admin = council_db
    pid = make_petition(db, admin)
    with pytest.raises(ValidationError, match="лише під час імпорту"):
        petitions.add_signature(db, admin, pid, SignatureInput("Коваль Ганна", channel="imported"), today=TODAY)
    with pytest.raises(ValidationError, match="Невідомий спосіб підписання «telegram»"):
        petitions.add_signature(db, admin, pid, SignatureInput("Коваль Ганна", channel="telegram"), today=TODAY)
