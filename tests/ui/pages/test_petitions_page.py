"""The Petitions page: keyboard signature entry at typing speed, search, import with preview, publication."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from app.domain.petitions import PetitionState
from app.services import petitions
from tests.services.petitions.petition_helpers import make_petition, sign
from tests.ui.keys import type_text
from ui.dialogs.petition_dialogs import PetitionDialog, PublishDialog, SignatureImportDialog
from ui.main_window import MainWindow
from ui.pages.petitions_page import PetitionsPage

TODAY = dt.date(2026, 5, 20)


def open_page(window: MainWindow, petition_id: int | None = None) -> PetitionsPage:
    page = window.show_page("petitions", petition_id)
    assert isinstance(page, PetitionsPage)
    return page


def test_signatures_typed_at_keyboard_speed(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.ctx
    ctx.today_override = TODAY
    pid = make_petition(ctx.db, ctx.actor, published_on=dt.date(2026, 5, 4), submitted_on=dt.date(2026, 5, 1))
    page = open_page(window, pid)
    entry = page.entry
    assert entry.isEnabled() and entry.date.date().toPython() == TODAY
    name, address, phone = entry.name, entry.address, entry.phone

    entry.name.setFocus()
    for who, where, tel in (("Шевченко Тарас Григорович", "с. Вишнівка, вул. Садова, 3", "0501234567"),
                            ("Д’яченко Мар’яна Іванівна", "", "")):
        type_text(name, who)
        qtbot.keyClick(name, Qt.Key.Key_Tab)
        assert address.hasFocus()
        type_text(address, where)
        qtbot.keyClick(address, Qt.Key.Key_Tab)
        type_text(phone, tel)
        qtbot.keyClick(phone, Qt.Key.Key_Return)
        assert (name.text(), address.text(), phone.text()) == ("", "", "")
        assert name.hasFocus()
    assert "✔ Записано підпис №2: Д’яченко Мар’яна Іванівна" == entry.message.text()
    assert page.sig_model.rowCount() == 2
    assert page.sig_model.index(0, 4).data() == "с. Вишнівка, вул. Садова, 3"
    assert page.progress.value() == 2 and page.tabs.tabText(0) == "Підписи (2)"

    type_text(name, "ДЯЧЕНКО  МАРʼЯНА іванівна")  # no apostrophe in the surname: names.py keeps them apart
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert entry.message.text().startswith("✔ Записано підпис №3")
    assert page.sig_model.rowCount() == 3

    type_text(name, "шевченко тарас  григорович")
    qtbot.waitUntil(lambda: entry.message.text().startswith("⚠"), timeout=2000)
    assert "20.05.2026" in entry.message.text() and "паперовий підписний лист" in entry.message.text()
    qtbot.keyClick(name, Qt.Key.Key_Return)
    message = entry.message.text()
    assert message.startswith("✘ «Шевченко Тарас Григорович» вже підписав(ла) цю петицію 20.05.2026")
    assert name.text() == "шевченко тарас  григорович" and name.hasFocus()  # kept for correction
    assert page.sig_model.rowCount() == 3
    assert petitions.get_petition(ctx.db, pid, TODAY).signature_count == 3


def test_search_and_state_filter(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.ctx
    ctx.today_override = TODAY
    make_petition(ctx.db, ctx.actor, title="Ремонт дороги на вулиці Об’їзній")
    make_petition(ctx.db, ctx.actor, title="Укриття в гімназії", published_on=None)
    page = open_page(window)
    assert page.model.rowCount() == 2
    page.search.setFocus()
    type_text(page.search, "ОБ'ЇЗН")
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == "Ремонт дороги на вулиці Об’їзній"
    page.search.clear()
    page.state.setCurrentIndex(page.state.findData(PetitionState.DRAFT.value))
    assert page.model.rowCount() == 1 and page.model.index(0, 2).data() == "Чернетка"
    assert page.findChild(QLabel, "petition_count").text() == "Петицій: 1"
    assert page.publish_button.isVisible() and not page.entry.isEnabled()


def test_models_are_sound(qtbot: QtBot, window: MainWindow, qtmodeltester) -> None:  # noqa: ANN001 - pytest-qt
    ctx = window.ctx
    ctx.today_override = TODAY
    pid = make_petition(ctx.db, ctx.actor)
    sign(ctx.db, ctx.actor, pid, 5, dt.date(2026, 4, 1))
    page = open_page(window, pid)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.sig_model)


def test_new_petition_and_publication_dialogs(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.ctx
    ctx.today_override = TODAY
    page = open_page(window)
    dialog = PetitionDialog(ctx, page)
    qtbot.addWidget(dialog)
    for field, text in (("petition_title", "Зупинка біля школи"), ("petition_author", "Мороз Юрій"),
                        ("petition_author_phone", "+380501112233")):
        edit = dialog.findChild(QLineEdit, field)
        edit.setFocus()
        type_text(edit, text)
    dialog.text.setPlainText("Просимо облаштувати зупинку.")
    dialog.accept()
    assert dialog.saved_id is not None
    d = petitions.get_petition(ctx.db, dialog.saved_id, TODAY)
    assert (d.title, d.author_phone, d.status.state) == ("Зупинка біля школи", "+380501112233", PetitionState.DRAFT)
    publish = PublishDialog(ctx, d, page)
    qtbot.addWidget(publish)
    assert "100 підписів за 3 місяці" in publish.findChildren(QLabel)[0].text()
    publish.accept()
    assert petitions.get_petition(ctx.db, d.id, TODAY).status.state is PetitionState.COLLECTING


def test_import_dialog_previews_then_imports_all_rows(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    ctx = window.ctx
    ctx.today_override = TODAY
    pid = make_petition(ctx.db, ctx.actor)
    petitions.add_signature(ctx.db, ctx.actor, pid, petitions.SignatureInput("Мороз Юрій", dt.date(2026, 4, 1)),
                            today=TODAY)
    page = open_page(window, pid)
    assert page.detail is not None
    bad = tmp_path / "bad.csv"
    bad.write_text("ПІБ;Дата\nКоваль Ганна;02.04.2026\nМОРОЗ ЮРІЙ;02.04.2026\n", encoding="utf-8")
    dialog = SignatureImportDialog(ctx, page.detail, page, path=bad)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert dialog.model.rowCount() == 2 and "вже підписав(ла)" in dialog.model.index(1, 6).data()
    assert "відхилено: 1" in dialog.summary.text()
    good = tmp_path / "good.csv"
    good.write_text("ПІБ;Дата\nКоваль Ганна;02.04.2026\nЛисенко Остап;03.04.2026\n", encoding="utf-8")
    dialog.set_file(good)
    assert ok.isEnabled() and "після імпорту підписів буде 3 з 100" in dialog.summary.text()
    dialog.accept()
    assert dialog.imported == 2
    assert petitions.get_petition(ctx.db, pid, TODAY).signature_count == 3
