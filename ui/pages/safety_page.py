"""Data safety: backups and restore, exchange bundles between PCs (with conflicts side by side), open data.

Every long action runs through :func:`ui.workers.run_with_progress` (progress + Cancel).
The actions are split into a part that asks (file dialogs, passwords, confirmation) and
a part that does (``backup_to``, ``restore_from``, ``export_to``, ``import_from``,
``publish_to``), so tests drive the second directly.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import publish
from app.domain.formats import format_datetime, format_int, utc_to_local
from app.errors import ValidationError
from app.services import exchange
from app.services.core.auth import Permission
from app.services.safety import backup
from app.services.safety.safefile import is_encrypted
from ui import preferences
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service, ok_cancel
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import show_error, status
from ui.models.table import Column, RowTableModel
from ui.pages.base import Page
from ui.widgets.common import page_title, table_view
from ui.workers import run_with_progress

DIFF_COLOR = QColor("#fff1c2")


def _size(n: int, lang: str = "uk") -> str:
    mb, kb = ("MB", "KB") if lang == "en" else ("МБ", "КБ")
    return f"{n / 1024 / 1024:.1f} {mb}" if n >= 1024 * 1024 else f"{max(1, n // 1024)} {kb}"


class PreviewDialog(QDialog):
    """What a backup or bundle holds, with an explicit confirmation before anything changes."""

    def __init__(self, title: str, lines: list[str], confirm_text: str, parent: QWidget | None = None,
                 extra_confirm: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 520)
        text = QPlainTextEdit("\n".join(lines))
        text.setReadOnly(True)
        text.setObjectName("preview_text")
        self.confirm = QCheckBox(confirm_text)
        self.confirm.setObjectName("preview_confirm")
        self.extra = QCheckBox(extra_confirm)
        self.extra.setObjectName("preview_extra_confirm")
        self.needs_extra = bool(extra_confirm)
        self.extra.setVisible(self.needs_extra)
        self.buttons = ok_cancel(self)
        self.confirm.toggled.connect(self._update)
        self.extra.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(text, 1)
        layout.addWidget(self.confirm)
        layout.addWidget(self.extra)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.confirm.isChecked() and (not self.needs_extra or self.extra.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class SafetyPage(Page):
    """Backups, exchange with other PCs, open data. What it lists (copies, partners, conflicts) changes only
    through its own actions, which re-read it: it follows no areas."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.can_backup = ctx.can(Permission.BACKUP)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("safety_tabs")
        self.tabs.addTab(self._backup_tab(), self.tr("Резервні копії"))
        self.tabs.addTab(self._exchange_tab(), self.tr("Обмін між ПК"))
        self.tabs.addTab(self._publish_tab(), self.tr("Відкриті дані"))
        self.output = QPlainTextEdit()
        self.output.setObjectName("safety_output")
        self.output.setReadOnly(True)
        self.output.setMaximumHeight(110)
        self.output.setPlaceholderText(self.tr("Тут з’являться підсумки виконаних дій."))
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Збереження даних")))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.output)
        self.reload()

    # ------------------------------------------------------------------ layout
    def _backup_tab(self) -> QWidget:
        tab = QWidget()
        note = QLabel(self.tr(
            "Програма сама робить копію бази щодня під час запуску, а також перед кожним імпортом і "
            "відновленням; зберігається кілька останніх копій кожного виду (див. Налаштування). Для захисту "
            "від втрати ПК зберігайте копію і на флешці — краще з паролем, бо в базі є персональні дані."))
        note.setWordWrap(True)
        columns: list[Column[backup.BackupFile]] = [
            Column(_N("Columns", "Коли"), lambda b: format_datetime(b.made_at), sort_key=lambda b: b.made_at),
            Column(_N("Columns", "Вид"), lambda b: b.reason_label(self.ctx.language)),
            Column(_N("Columns", "Розмір"), lambda b: _size(b.size, self.ctx.language), sort_key=lambda b: b.size,
                   align_right=True),
        ]
        self.auto_model: RowTableModel[backup.BackupFile] = RowTableModel(columns, self)
        self.auto_view = table_view(self)
        self.auto_view.setObjectName("auto_backups")
        self.auto_view.setModel(self.auto_model)

        self.password = QLineEdit()
        self.password.setObjectName("backup_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("без пароля — звичайний файл SQLite"))
        self.password2 = QLineEdit()
        self.password2.setObjectName("backup_password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Пароль для копії:"), self.password)
        form.addRow(self.tr("Пароль ще раз:"), self.password2)
        make = QPushButton(self.tr("Записати копію в папку…"))
        make.setObjectName("backup_to_folder")
        make.clicked.connect(self.choose_and_backup)
        now = QPushButton(self.tr("Зробити автоматичну копію зараз"))
        now.setObjectName("backup_now")
        now.clicked.connect(self.backup_now)
        restore = QPushButton(self.tr("Відновити з файлу копії…"))
        restore.setObjectName("restore_file")
        restore.clicked.connect(self.choose_and_restore)
        restore_selected = QPushButton(self.tr("Відновити вибрану копію…"))
        restore_selected.setObjectName("restore_selected")
        restore_selected.clicked.connect(self.restore_selected)
        open_folder = QPushButton(self.tr("Відкрити папку копій"))
        open_folder.clicked.connect(self.open_backup_folder)
        for button in (make, now, restore, restore_selected):
            button.setEnabled(self.can_backup and self.ctx.db.is_sqlite)
        manual = QGroupBox(self.tr("Копія на флешку"))
        manual_layout = QVBoxLayout(manual)
        manual_layout.addLayout(form)
        manual_layout.addWidget(make)
        auto = QGroupBox(self.tr("Автоматичні копії на цьому ПК"))
        auto_layout = QVBoxLayout(auto)
        auto_layout.addWidget(self.auto_view)
        row = QHBoxLayout()
        row.addWidget(now)
        row.addWidget(restore_selected)
        row.addWidget(open_folder)
        row.addStretch(1)
        auto_layout.addLayout(row)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        if not self.ctx.db.is_sqlite:
            layout.addWidget(QLabel(self.tr("Спільну базу PostgreSQL копіює адміністратор сервера (pg_dump).")))
        elif not self.can_backup:
            layout.addWidget(QLabel(self.tr("Ваша роль не дозволяє робити і відновлювати копії.")))
        layout.addWidget(auto, 1)
        layout.addWidget(manual)
        layout.addWidget(restore)
        return tab

    def _exchange_tab(self) -> QWidget:
        tab = QWidget()
        self.pc_label = QLabel()
        self.pc_label.setObjectName("pc_name")
        rename = QPushButton(self.tr("Змінити назву ПК…"))
        rename.clicked.connect(self.rename_pc)
        rename.setEnabled(self.can_backup)
        top = QHBoxLayout()
        top.addWidget(self.pc_label, 1)
        top.addWidget(rename)
        partner_columns: list[Column[exchange.PartnerView]] = [
            Column(_N("Columns", "ПК-партнер"), lambda p: p.name),
            Column(_N("Columns", "Надіслано"), lambda p: self._when(p.last_export_at, p.last_export_seq)),
            Column(_N("Columns", "Підтверджено"), lambda p: f"№{p.acked_seq}" if p.acked_seq else "—"),
            Column(_N("Columns", "Отримано"), lambda p: self._when(p.last_import_at, p.last_import_seq)),
            Column(_N("Columns", "Конфлікти"), lambda p: p.open_conflicts, align_right=True),
        ]
        self.partner_model: RowTableModel[exchange.PartnerView] = RowTableModel(partner_columns, self)
        self.partner_view = table_view(self)
        self.partner_view.setObjectName("partners")
        self.partner_view.setModel(self.partner_model)
        self.partner_view.setMaximumHeight(110)

        self.partner = QComboBox()
        self.partner.setObjectName("export_partner")
        self.partner.setEditable(True)
        partner_edit = self.partner.lineEdit()
        assert partner_edit is not None  # an editable combo box has one
        partner_edit.setPlaceholderText(self.tr("напр. Бібліотека"))
        self.export_all = QCheckBox(self.tr("усі записи (а не лише зміни)"))
        self.export_password = QLineEdit()
        self.export_password.setObjectName("export_password")
        self.export_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.export_password.setPlaceholderText(self.tr("необов’язково"))
        export = QPushButton(self.tr("Записати пакет…"))
        export.setObjectName("export_bundle")
        export.clicked.connect(self.choose_and_export)
        import_ = QPushButton(self.tr("Імпортувати пакет…"))
        import_.setObjectName("import_bundle")
        import_.clicked.connect(self.choose_and_import)
        for button in (export, import_):
            button.setEnabled(self.can_backup)
        box = QGroupBox(self.tr("Пакет для іншого ПК"))
        form = QFormLayout(box)
        form.addRow(self.tr("Для ПК:"), self.partner)
        form.addRow("", self.export_all)
        form.addRow(self.tr("Пароль пакета:"), self.export_password)
        buttons = QHBoxLayout()
        buttons.addWidget(export)
        buttons.addWidget(import_)
        buttons.addStretch(1)
        form.addRow(buttons)

        conflict_columns: list[Column[exchange.ConflictView]] = [
            Column(_N("Columns", "Запис"), lambda c: c.table_label),
            Column(_N("Columns", "Назва"), lambda c: c.title or c.record_uuid[:8]),
            Column(_N("Columns", "З ПК"), lambda c: c.partner_name),
            Column(_N("Columns", "Виявлено"), lambda c: format_datetime(utc_to_local(c.detected_at)),
                   sort_key=lambda c: c.detected_at),
        ]
        self.conflict_model: RowTableModel[exchange.ConflictView] = RowTableModel(conflict_columns, self)
        self.conflict_view = table_view(self)
        self.conflict_view.setObjectName("conflicts")
        self.conflict_view.setModel(self.conflict_model)
        self.conflict_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_conflict())
        field_columns: list[Column[exchange.ConflictField]] = [
            Column(_N("Columns", "Поле"), lambda f: f.name),
            Column(_N("Columns", "На цьому ПК"), lambda f: f.here),
            Column(_N("Columns", "На іншому ПК"), lambda f: f.there),
        ]
        self.field_model: RowTableModel[exchange.ConflictField] = RowTableModel(
            field_columns, self, background=lambda f: DIFF_COLOR if f.differs else None)
        self.field_view = table_view(self, sortable=False)
        self.field_view.setObjectName("conflict_fields")
        self.field_view.setModel(self.field_model)
        self.field_view.setWordWrap(True)
        header = self.field_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        keep_local = QPushButton(self.tr("Залишити версію цього ПК"))
        keep_local.setObjectName("keep_local")
        keep_local.clicked.connect(lambda: self.resolve_selected("local"))
        keep_remote = QPushButton(self.tr("Прийняти версію іншого ПК"))
        keep_remote.setObjectName("keep_remote")
        keep_remote.clicked.connect(lambda: self.resolve_selected("remote"))
        for button in (keep_local, keep_remote):
            button.setEnabled(self.can_backup)
        conflicts = QGroupBox(self.tr("Конфлікти: записи, змінені на обох ПК з часу останнього обміну"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.conflict_view)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.field_view, 1)
        decide = QHBoxLayout()
        decide.addWidget(keep_local)
        decide.addWidget(keep_remote)
        right_layout.addLayout(decide)
        split.addWidget(right)
        split.setSizes([280, 620])
        split.setStretchFactor(1, 1)
        conflicts_layout = QVBoxLayout(conflicts)
        conflicts_layout.addWidget(split)

        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.partner_view)
        layout.addWidget(box)
        layout.addWidget(conflicts, 1)
        return tab

    def _publish_tab(self) -> QWidget:
        tab = QWidget()
        note = QLabel(self.tr(
            "Пакет відкритих даних — папка для сайту ради: сторінка index.html, усі публічні звіти PDF, набори "
            "даних CSV і XLSX, Popolo JSON і файли Pabulib, опис manifest.json. Перед записом програма перевіряє "
            "кожен файл на персональні дані (адреси, телефони, e-mail, дати народження, номери документів, хеші "
            "виборців) і зупиняється, якщо щось знайде."))
        note.setWordWrap(True)
        make = QPushButton(self.tr("Підготувати пакет відкритих даних…"))
        make.setObjectName("publish")
        make.clicked.connect(self.choose_and_publish)
        make.setEnabled(self.ctx.can(Permission.PUBLISH))
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addWidget(make, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return tab

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        db = self.ctx.db
        if db.is_sqlite and db.path is not None:
            self.auto_model.set_rows(backup.list_auto_backups(db.path))
            self.auto_view.resizeColumnsToContents()
        identity = exchange.current_identity(db)
        self.pc_label.setText(self.tr("Цей ПК для обміну: «%1»").replace("%1", identity.pc_name)
                              if identity else self.tr("Цей ПК ще не обмінювався пакетами."))
        partners = exchange.list_partners(db)
        self.partner_model.set_rows(partners)
        self.partner_view.resizeColumnsToContents()
        current = self.partner.currentText()
        self.partner.clear()
        self.partner.addItems([p.name for p in partners])
        self.partner.setEditText(current or (partners[0].name if partners else ""))
        self.conflict_model.set_rows(exchange.list_conflicts(db, language=self.ctx.language))
        self.conflict_view.resizeColumnsToContents()
        self.field_model.set_rows([])
        if self.conflict_model.rowCount():
            self.conflict_view.selectRow(0)
            self._show_conflict()

    def _when(self, when: datetime | None, seq: int) -> str:
        if when is None:
            return "—"
        return f"№{seq}, {format_datetime(utc_to_local(when))}"

    def _say(self, lines: list[str] | str) -> None:
        text = lines if isinstance(lines, str) else "\n".join(lines)
        self.output.setPlainText(text)
        first = text.splitlines()[0] if text else ""
        status(self, first)

    def _start_dir(self) -> str:
        return preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())

    def _ask_password(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, self.tr("Пароль:"), QLineEdit.EchoMode.Password)
        return text if ok else None

    # ------------------------------------------------------------------ backups
    def choose_and_backup(self) -> None:
        password = self.password.text()
        if password != self.password2.text():
            show_error(self, ValidationError(self.tr("Паролі не збігаються.")))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Куди записати копію"), self._start_dir())
        if folder:
            self.backup_to(Path(folder), password or None)

    def backup_to(self, folder: Path, password: str | None = None) -> backup.BackupResult | None:
        result = call_service(self, lambda: run_with_progress(
            self, self.tr("Резервна копія"), lambda progress: backup.create_backup(
                self.ctx.db, self.ctx.actor, folder, password=password, progress=progress)), catch=BaseException)
        if result is FAILED:
            return None
        preferences.put(preferences.LAST_EXPORT_DIR, str(folder))
        self.password.clear()
        self.password2.clear()
        self._say([self.tr("Копію записано: %1").replace("%1", str(result.path)),
                   self.tr("Розмір: %1; записів: %2").replace("%1", _size(result.size, self.ctx.language)).replace(
                       "%2", format_int(result.records)),
                   self.tr("Захищено паролем.") if result.encrypted else self.tr("Без пароля.")])
        return result

    def backup_now(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        path = call_service(self, lambda: run_with_progress(self, self.tr("Резервна копія"),
                                                            lambda _progress: backup.backup_now(db, actor)))
        if path is FAILED:
            return
        self._say(self.tr("Копію збережено: %1").replace("%1", str(path)))
        self.reload()

    def open_backup_folder(self) -> None:
        if self.ctx.db.path is not None:
            folder = backup.auto_backup_dir(self.ctx.db.path)
            folder.mkdir(parents=True, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def choose_and_restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Файл резервної копії"), self._start_dir(),
                                              self.tr("Копії Hromada Desk (*.sqlite3 *.hdbackup);;Усі файли (*)"))
        if name:
            self.restore_from(Path(name))

    def restore_selected(self) -> None:
        index = self.auto_view.currentIndex()
        if not index.isValid():
            show_error(self, ValidationError(self.tr("Виберіть копію в таблиці.")))
            return
        self.restore_from(self.auto_model.row_at(index.row()).path)

    def confirm_restore(self, info: backup.BackupInfo, other_council: bool) -> bool:
        dialog = PreviewDialog(
            self.tr("Відновлення бази"), info.summary_lines(self.ctx.language),
            self.tr("Замінити всі записи цієї бази вмістом копії (поточну базу буде збережено окремо)"), self,
            self.tr("Так, це копія іншої ради — замінити все") if other_council else "")
        return dialog.exec() == QDialog.DialogCode.Accepted

    def restore_from(self, path: Path, password: str | None = None) -> bool:
        if password is None and is_encrypted(path):
            password = self._ask_password(self.tr("Копію захищено паролем"))
            if password is None:
                return False
        db = self.ctx.db
        info = call_service(self, lambda: run_with_progress(
            self, self.tr("Перевірка копії"), lambda progress: backup.inspect_backup(
                path, password=password, progress=progress, language=self.ctx.language, db_path=db.path)),
            catch=BaseException)
        if info is FAILED:
            return False
        if not info.ok:
            show_error(self, ValidationError("\n".join([self.tr("Цю копію не можна відновити:"),
                                                        *info.summary_lines(self.ctx.language)])))
            return False
        if not self.confirm_restore(info, backup.is_other_council(db, info)):
            return False
        result = call_service(self, lambda: run_with_progress(
            self, self.tr("Відновлення бази"), lambda progress: backup.restore_backup(
                db, self.ctx.actor, path, password=password, allow_other_council=True, progress=progress,
                language=self.ctx.language)), catch=BaseException)
        if result is FAILED:
            return False
        lines = [self.tr("Базу відновлено з копії %1.").replace("%1", path.name)]
        if result.safety_copy:
            lines.append(self.tr("Попередню базу збережено: %1").replace("%1", str(result.safety_copy)))
        self._say(lines)
        self.ctx.notify("all")
        self.reload()
        return True

    # ------------------------------------------------------------------ exchange
    def rename_pc(self) -> None:
        identity = exchange.current_identity(self.ctx.db)
        name, ok = QInputDialog.getText(self, self.tr("Назва ПК"), self.tr("Як цей ПК бачать партнери:"),
                                        text=identity.pc_name if identity else "")
        if not ok:
            return
        if call_service(self, lambda: exchange.set_pc_name(self.ctx.db, self.ctx.actor, name)) is FAILED:
            return
        self.reload()

    def choose_and_export(self) -> None:
        partner = self.partner.currentText().strip()
        if not partner:
            show_error(self, ValidationError(self.tr("Вкажіть, для якого ПК пакет (наприклад, «Бібліотека»).")))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Куди записати пакет"), self._start_dir())
        if folder:
            self.export_to(partner, Path(folder), full=self.export_all.isChecked(),
                           password=self.export_password.text() or None)

    def export_to(self, partner: str, out: Path, *, full: bool = False,
                  password: str | None = None) -> exchange.ExportResult | None:
        result = call_service(self, lambda: run_with_progress(
            self, self.tr("Пакет обміну"), lambda progress: exchange.export_bundle(
                self.ctx.db, self.ctx.actor, partner, out, full=full, password=password, progress=progress)),
            catch=BaseException)
        if result is FAILED:
            return None
        preferences.put(preferences.LAST_EXPORT_DIR, str(out if out.is_dir() else out.parent))
        self._say([self.tr("Пакет №%1 для «%2» записано: %3").replace("%1", str(result.seq)).replace(
            "%2", partner).replace("%3", str(result.path)),
            self.tr("Записів: %1, вилучень: %2.").replace("%1", format_int(sum(result.counts.values()))).replace(
                "%2", format_int(sum(result.deletions.values())))])
        self.reload()
        return result

    def choose_and_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Пакет обміну"), self._start_dir(),
                                              self.tr("Пакети обміну (*.hdx);;Усі файли (*)"))
        if name:
            self.import_from(Path(name))

    def confirm_import(self, info: exchange.BundleInfo) -> bool:
        dialog = PreviewDialog(self.tr("Імпорт пакета"), info.summary_lines(self.ctx.language),
                               self.tr("Імпортувати ці записи (перед імпортом буде зроблено копію бази)"), self)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def import_from(self, path: Path, password: str | None = None) -> exchange.ImportResult | None:
        if password is None and is_encrypted(path):
            password = self._ask_password(self.tr("Пакет захищено паролем"))
            if password is None:
                return None
        info = call_service(self, lambda: run_with_progress(
            self, self.tr("Перевірка пакета"), lambda progress: exchange.inspect_bundle(path, password=password)),
            catch=BaseException)
        if info is FAILED:
            return None
        if not self.confirm_import(info):
            return None
        result = call_service(self, lambda: run_with_progress(
            self, self.tr("Імпорт пакета"), lambda progress: exchange.import_bundle(
                self.ctx.db, self.ctx.actor, path, password=password, progress=progress)), catch=BaseException)
        if result is FAILED:
            return None
        self._say(result.summary_lines(self.ctx.language))
        self.ctx.notify("all")
        self.reload()
        return result

    def selected_conflict(self) -> exchange.ConflictView | None:
        index = self.conflict_view.currentIndex()
        return self.conflict_model.row_at(index.row()) if index.isValid() else None

    def _show_conflict(self) -> None:
        conflict = self.selected_conflict()
        fields = sorted(conflict.fields, key=lambda f: not f.differs) if conflict else []
        self.field_model.set_rows(fields)
        self.field_view.resizeRowsToContents()

    def resolve_selected(self, keep: str) -> bool:
        conflict = self.selected_conflict()
        if conflict is None:
            show_error(self, ValidationError(self.tr("Виберіть конфлікт у таблиці.")))
            return False
        if call_service(self, lambda: exchange.resolve_conflict(
                self.ctx.db, self.ctx.actor, conflict.id, keep, conflict.version,
                expected_local_version=conflict.local_version)) is FAILED:
            self.reload()
            return False
        self._say(self.tr("Конфлікт вирішено: %1.").replace(
            "%1", self.tr("залишено версію цього ПК") if keep == "local" else self.tr("прийнято версію іншого ПК")))
        self.ctx.notify("all")
        self.reload()
        return True

    # ------------------------------------------------------------------ open data
    def choose_and_publish(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Папка для пакета відкритих даних"),
                                                  self._start_dir())
        if folder:
            self.publish_to(Path(folder) / "vidkryti-dani")

    def publish_to(self, out: Path) -> publish.PublishResult | None:
        result = call_service(self, lambda: run_with_progress(
            self, self.tr("Відкриті дані"), lambda progress: publish.publish(
                self.ctx.db, self.ctx.actor, out, progress=progress)), catch=BaseException)
        if result is FAILED:
            return None
        preferences.put(preferences.LAST_EXPORT_DIR, str(out.parent))
        lines = [self.tr("Пакет відкритих даних записано: %1").replace("%1", str(result.folder)),
                 self.tr("Звітів PDF: %1, наборів даних: %2, усього файлів: %3; перевірено на персональні дані.")
                 .replace("%1", str(result.reports)).replace("%2", str(result.datasets)).replace(
                     "%3", str(len(result.files)))]
        lines += [self.tr("Не включено: %1").replace("%1", s) for s in result.skipped]
        self._say(lines)
        return result
