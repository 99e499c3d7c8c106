"""Guards against known PySide6 defects (see PITFALLS) and model contract checks."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ui.models.table import Column, RowTableModel


class _Emitter(QObject):
    ping = Signal(bool, object)


def test_ten_thousand_signal_emits_do_not_abort_the_interpreter() -> None:
    """PySide6 6.12.0 lost a reference to True/None per emit and aborted CPython 3.11."""
    emitter = _Emitter()
    received: list[int] = []
    emitter.ping.connect(lambda flag, value: received.append(1) if flag and value is None else None)
    for _ in range(10_000):
        emitter.ping.emit(True, None)
    assert len(received) == 10_000


@dataclass(frozen=True)
class _Row:
    name: str
    amount: int | None


def test_row_table_model_contract(qtmodeltester) -> None:  # noqa: ANN001 - pytest-qt fixture
    model: RowTableModel[_Row] = RowTableModel(
        [Column("Назва", lambda r: r.name), Column("Сума", lambda r: r.amount, sort_key=lambda r: r.amount,
                                                   align_right=True)])
    model.set_rows([_Row("Їжак", 10), _Row("Ґава", None), _Row("Єва", 9)])
    qtmodeltester.check(model)
    model.sort(1)
    assert [r.name for r in model.rows()] == ["Єва", "Їжак", "Ґава"]  # numbers sort as numbers, empty last
