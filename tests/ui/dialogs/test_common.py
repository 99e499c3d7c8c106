"""The shared dialog helpers: the OK/Cancel row and the service call whose refusal is shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from app.errors import ServiceError, ValidationError
from ui.app import make_application
from ui.dialogs.common import FAILED, accept_after, call_service, ok_cancel


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """What ui.messages.show_error would have put in a message box."""
    errors: list[BaseException] = []
    monkeypatch.setattr("ui.messages.show_error", lambda _parent, exc: errors.append(exc))
    return errors


@pytest.fixture
def widget(qtbot: QtBot) -> QWidget:
    make_application()
    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_call_service_returns_what_the_service_returned(widget: QWidget, shown: list[BaseException]) -> None:
    assert call_service(widget, lambda: 42) == 42
    assert call_service(widget, lambda: None) is None  # a None result is not a failure
    assert shown == []


def test_a_refusal_is_shown_and_reported_as_failed(widget: QWidget, shown: list[BaseException]) -> None:
    refusal = ValidationError("Вкажіть назву.")

    def refuse() -> int:
        raise refusal

    assert call_service(widget, refuse) is FAILED
    assert shown == [refusal]


def test_other_errors_pass_unless_asked_for(widget: QWidget, shown: list[BaseException]) -> None:
    def broken() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        call_service(widget, broken)
    assert shown == []
    assert call_service(widget, broken, catch=Exception) is FAILED
    assert [type(e) for e in shown] == [OSError]


def test_accept_after_closes_the_dialog_only_on_success(qtbot: QtBot, shown: list[BaseException]) -> None:
    make_application()

    class Form(QDialog):
        def __init__(self, fail: bool) -> None:
            super().__init__()
            self.fail = fail
            self.saved = False

        def accept(self) -> None:
            accept_after(self, self._save)

        def _save(self) -> None:
            if self.fail:
                raise ServiceError("Запис змінено іншим користувачем.")
            self.saved = True

    refused = Form(fail=True)
    qtbot.addWidget(refused)
    refused.show()
    refused.accept()
    assert refused.isVisible() and refused.result() == QDialog.DialogCode.Rejected and not refused.saved
    assert len(shown) == 1

    fine = Form(fail=False)
    qtbot.addWidget(fine)
    fine.show()
    fine.accept()
    assert fine.saved and not fine.isVisible() and fine.result() == QDialog.DialogCode.Accepted


def test_ok_cancel_row(qtbot: QtBot) -> None:
    make_application()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = ok_cancel(dialog, "Зберегти")
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Зберегти" and ok.objectName() == "dialog_ok"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Скасувати"
    box.rejected.emit()
    assert dialog.result() == QDialog.DialogCode.Rejected
    box.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted

    login = ok_cancel(dialog, "Увійти", cancel_text="Вийти")
    assert login.button(QDialogButtonBox.StandardButton.Cancel).text() == "Вийти"
    plain = ok_cancel(dialog)  # Qt's own OK
    assert plain.button(QDialogButtonBox.StandardButton.Ok).text() != ""
