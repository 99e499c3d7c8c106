"""Edit forms of the council register: a deputy (with committees and photo), factions / districts /
committees, and a deputy's initiative."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.deputies import CommitteeRole, InitiativeKind, InitiativeStatus, MandateEndReason
from app.errors import ValidationError
from app.services import deputies
from app.services.deputies import initiatives
from ui.context import AppContext
from ui.dialogs.common import FAILED, accept_after, call_service, ok_cancel
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import confirm, show_error
from ui.widgets.council_forms import OptionalDate, date_edit, enum_combo, record_combo
from ui.widgets.dates import date_of


class DeputyDialog(QDialog):
    """Create or edit a deputy: name, mandate, faction, district, contacts (public or not), committees, photo."""

    def __init__(self, ctx: AppContext, deputy_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.deputy_id = deputy_id
        self.saved_id: int | None = None
        view = deputies.get_deputy(ctx.db, deputy_id) if deputy_id is not None else None
        self.version = view.version if view else None
        self._photo_action: tuple[str, bytes | None] | None = None  # ("set", bytes) / ("remove", None)
        self.setWindowTitle(self.tr("Депутат") if view is None else view.full_name)

        self.surname = QLineEdit(view.surname if view else "")
        self.surname.setObjectName("deputy_surname")
        self.given_name = QLineEdit(view.given_name if view else "")
        self.given_name.setObjectName("deputy_given_name")
        self.patronymic = QLineEdit(view.patronymic if view else "")
        self.patronymic.setObjectName("deputy_patronymic")
        self.position = QLineEdit(view.position if view else "")
        self.position.setPlaceholderText(self.tr("напр. секретар ради (необов’язково)"))
        self.faction = record_combo([(f.id, f.name) for f in deputies.list_factions(ctx.db)],
                                    view.faction_id if view else None, blank=self.tr("позафракційний"),
                                    object_name="deputy_faction")
        self.district = record_combo([(d.id, d.name) for d in deputies.list_districts(ctx.db)],
                                     view.district_id if view else None, blank=self.tr("не вказано"),
                                     object_name="deputy_district")
        self.mandate_start = date_edit(view.mandate_start if view else ctx.today(), "deputy_mandate_start")
        self.mandate_end = OptionalDate(self.tr("припинено"), view.mandate_end if view else None, "deputy_mandate_end")
        self.end_reason = enum_combo(MandateEndReason, view.mandate_end_reason if view else None, ctx.language,
                                     blank=self.tr("—"), object_name="deputy_end_reason")
        self.phone = QLineEdit(view.phone if view else "")
        self.phone_public = QCheckBox(self.tr("публічний"))
        self.phone_public.setChecked(bool(view and view.phone_public))
        self.email = QLineEdit(view.email if view else "")
        self.email_public = QCheckBox(self.tr("публічна"))
        self.email_public.setChecked(bool(view and view.email_public))
        self.reception_hours = QLineEdit(view.reception_hours if view else "")
        self.reception_hours.setPlaceholderText(self.tr("напр. щопонеділка 10:00–12:00"))
        self.reception_place = QLineEdit(view.reception_place if view else "")
        self.biography = QPlainTextEdit(view.biography if view else "")
        self.biography.setObjectName("deputy_biography")

        main = QWidget()
        form = QFormLayout(main)
        form.addRow(self.tr("Прізвище:"), self.surname)
        form.addRow(self.tr("Ім’я:"), self.given_name)
        form.addRow(self.tr("По батькові:"), self.patronymic)
        form.addRow(self.tr("Посада в раді:"), self.position)
        form.addRow(self.tr("Фракція:"), self.faction)
        form.addRow(self.tr("Виборчий округ:"), self.district)
        form.addRow(self.tr("Повноваження з:"), self.mandate_start)
        end_row = QHBoxLayout()
        end_row.addWidget(self.mandate_end)
        end_row.addWidget(QLabel(self.tr("підстава:")))
        end_row.addWidget(self.end_reason, 1)
        form.addRow(self.tr("Припинення:"), end_row)
        for label, edit, public in ((self.tr("Робочий телефон:"), self.phone, self.phone_public),
                                    (self.tr("Ел. пошта:"), self.email, self.email_public)):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(public)
            form.addRow(label, row)
        hint = QLabel(self.tr("Контакти потрапляють у публічні звіти й відкриті дані лише з позначкою «публічний»."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #4a5563;")
        form.addRow("", hint)
        form.addRow(self.tr("Прийом громадян:"), self.reception_hours)
        form.addRow(self.tr("Місце прийому:"), self.reception_place)
        form.addRow(self.tr("Біографія:"), self.biography)

        # committees: one row per committee with a role combo ("—" = not a member)
        committees = deputies.list_committees(ctx.db)
        current = dict(view.committees or ()) if view else {}
        self.committee_table = QTableWidget(len(committees), 2)
        self.committee_table.setObjectName("deputy_committees")
        self.committee_table.setHorizontalHeaderLabels([self.tr("Постійна комісія"), self.tr("Роль")])
        self.committee_table.verticalHeader().setVisible(False)
        self.committee_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.committee_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._committee_combos: list[tuple[int, QComboBox]] = []
        for index, committee in enumerate(committees):
            name = QLabel(committee.name)
            name.setWordWrap(True)
            self.committee_table.setCellWidget(index, 0, name)
            combo = enum_combo(CommitteeRole, current.get(committee.id), ctx.language, blank="—")
            if committee.id not in current:
                combo.setCurrentIndex(0)
            self.committee_table.setCellWidget(index, 1, combo)
            self._committee_combos.append((committee.id, combo))
        self.committee_table.resizeRowsToContents()
        comm_page = QWidget()
        comm_layout = QVBoxLayout(comm_page)
        comm_layout.addWidget(self.committee_table)

        # photo
        self.photo_label = QLabel()
        self.photo_label.setFixedSize(180, 230)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("background: #eef2f7; border: 1px solid #d5dde6;")
        photo_page = QWidget()
        photo_layout = QVBoxLayout(photo_page)
        choose = QPushButton(self.tr("Обрати фото…"))
        choose.clicked.connect(self._choose_photo)
        remove = QPushButton(self.tr("Прибрати фото"))
        remove.clicked.connect(self._remove_photo)
        photo_layout.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addWidget(remove)
        photo_layout.addLayout(row)
        photo_layout.addWidget(QLabel(self.tr("PNG або JPEG до 5 МБ. Без фото картка друкується з силуетом.")))
        photo_layout.addStretch(1)
        if view and view.has_photo:
            self._show_photo(deputies.get_deputy_photo(ctx.db, view.id)[0])
        else:
            self._show_photo(None)

        tabs = QTabWidget()
        tabs.addTab(main, self.tr("Дані"))
        tabs.addTab(comm_page, self.tr("Комісії"))
        tabs.addTab(photo_page, self.tr("Фото"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(ok_cancel(self, self.tr("Зберегти")))
        self.resize(720, 680)

    def _show_photo(self, data: bytes | None) -> None:
        if data:
            pix = QPixmap()
            pix.loadFromData(data)
            self.photo_label.setPixmap(pix.scaled(self.photo_label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("фото немає"))

    def _choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Фото депутата"), str(Path.home()),
                                              self.tr("Зображення (*.png *.jpg *.jpeg *.gif)"))
        if name:
            self.set_photo_bytes(Path(name).read_bytes())

    def set_photo_bytes(self, data: bytes) -> None:
        self._photo_action = ("set", data)
        self._show_photo(data)

    def _remove_photo(self) -> None:
        self._photo_action = ("remove", None)
        self._show_photo(None)

    def data(self) -> deputies.DeputyData:
        committees = tuple((cid, combo.currentData()) for cid, combo in self._committee_combos if combo.currentData())
        return deputies.DeputyData(
            surname=self.surname.text(), given_name=self.given_name.text(), patronymic=self.patronymic.text(),
            mandate_start=date_of(self.mandate_start), mandate_end=self.mandate_end.value(),
            mandate_end_reason=self.end_reason.currentData() or "", faction_id=self.faction.currentData(),
            district_id=self.district.currentData(), position=self.position.text(),
            biography=self.biography.toPlainText(), phone=self.phone.text(),
            phone_public=self.phone_public.isChecked(), email=self.email.text(),
            email_public=self.email_public.isChecked(), reception_hours=self.reception_hours.text(),
            reception_place=self.reception_place.text(), committees=committees)

    def accept(self) -> None:
        if call_service(self, self._save, catch=Exception) is FAILED:
            if self.saved_id is not None and self.deputy_id is None:
                self.deputy_id = self.saved_id  # created; a second Save updates instead of duplicating
                self.version = deputies.get_deputy(self.ctx.db, self.saved_id).version
            return
        self.ctx.notify("deputies")
        super().accept()

    def _save(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        if self.deputy_id is None:
            self.saved_id = deputies.create_deputy(db, actor, self.data())
        else:
            assert self.version is not None
            deputies.update_deputy(db, actor, self.deputy_id, self.data(), self.version)
            self.saved_id = self.deputy_id
        if self._photo_action is not None:
            version = deputies.get_deputy(db, self.saved_id).version
            deputies.set_deputy_photo(db, actor, self.saved_id, self._photo_action[1], version)


class RegisterDialog(QDialog):
    """Factions, electoral districts and standing committees (with members and roles) in one place."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Фракції, округи й комісії"))
        self.tabs = QTabWidget()
        self.factions = QListWidget()
        self.factions.setObjectName("register_factions")
        self.districts = QListWidget()
        self.districts.setObjectName("register_districts")
        self.committees = QListWidget()
        self.committees.setObjectName("register_committees")
        for lst, title, add, edit, remove in (
            (self.factions, self.tr("Фракції"), self._add_faction, self._edit_faction, self._delete_faction),
            (self.districts, self.tr("Округи"), self._add_district, self._edit_district, None),
            (self.committees, self.tr("Комісії"), self._add_committee, self._edit_committee, self._delete_committee),
        ):
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.addWidget(lst, 1)
            row = QHBoxLayout()
            for text, slot in ((self.tr("Додати…"), add), (self.tr("Змінити…"), edit), (self.tr("Видалити"), remove)):
                if slot is None:
                    continue
                button = QPushButton(text)
                button.clicked.connect(slot)
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
            lst.itemDoubleClicked.connect(lambda _item, slot=edit: slot())
            self.tabs.addTab(page, title)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Закрити"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.resize(640, 480)
        self.reload()

    def reload(self) -> None:
        self._factions = {f.id: f for f in deputies.list_factions(self.ctx.db)}
        self._districts = {d.id: d for d in deputies.list_districts(self.ctx.db)}
        self._committees = {c.id: c for c in deputies.list_committees(self.ctx.db)}
        for lst, items in ((self.factions, [(f.id, self.tr("%1 — депутатів: %2").replace("%1", f.name)
                                              .replace("%2", str(f.members))) for f in self._factions.values()]),
                           (self.districts, [(d.id, d.name) for d in self._districts.values()]),
                           (self.committees, [(c.id, self.tr("%1 — членів: %2").replace("%1", c.name)
                                               .replace("%2", str(len(c.members))))
                                              for c in self._committees.values()])):
            lst.clear()
            for record_id, text in items:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record_id)
                lst.addItem(item)

    @staticmethod
    def _selected(lst: QListWidget) -> int | None:
        item = lst.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _run(self, fn: Callable[[], object]) -> bool:
        if call_service(self, fn, catch=Exception) is FAILED:
            return False
        self.ctx.notify("deputies")
        self.reload()
        return True

    def _name_dialog(self, title: str, name: str = "", short: str = "", number: int | None = None,
                     with_number: bool = False) -> tuple[str, str, int | None] | None:
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        name_edit = QLineEdit(name)
        name_edit.setObjectName("register_name")
        short_edit = QLineEdit(short)
        spin = QSpinBox()
        spin.setRange(0, 999)
        spin.setSpecialValueText(self.tr("без номера"))
        spin.setValue(number or 0)
        form = QFormLayout(dialog)
        form.addRow(self.tr("Назва:"), name_edit)
        if with_number:
            form.addRow(self.tr("Номер:"), spin)
        else:
            form.addRow(self.tr("Скорочено:"), short_edit)
        form.addRow(ok_cancel(dialog, self.tr("Зберегти")))
        name_edit.setMinimumWidth(420)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return name_edit.text(), short_edit.text(), (spin.value() or None)

    def _add_faction(self) -> None:
        answer = self._name_dialog(self.tr("Нова фракція"))
        if answer:
            self._run(lambda: deputies.save_faction(self.ctx.db, self.ctx.actor,
                                                    deputies.FactionData(answer[0], answer[1])))

    def _edit_faction(self) -> None:
        fid = self._selected(self.factions)
        if fid is None:
            return
        f = self._factions[fid]
        answer = self._name_dialog(self.tr("Фракція"), f.name, f.short_name)
        if answer:
            self._run(lambda: deputies.save_faction(self.ctx.db, self.ctx.actor, deputies.FactionData(
                answer[0], answer[1], f.description), fid, f.version))

    def _delete_faction(self) -> None:
        fid = self._selected(self.factions)
        if fid is not None and confirm(self, self.tr("Видалити фракцію «%1»?").replace("%1", self._factions[fid].name)):
            self._run(lambda: deputies.delete_faction(self.ctx.db, self.ctx.actor, fid, self._factions[fid].version))

    def _add_district(self) -> None:
        answer = self._name_dialog(self.tr("Новий округ"), with_number=True)
        if answer:
            self._run(lambda: deputies.save_district(self.ctx.db, self.ctx.actor,
                                                     deputies.DistrictData(answer[0], answer[2])))

    def _edit_district(self) -> None:
        did = self._selected(self.districts)
        if did is None:
            return
        d = self._districts[did]
        answer = self._name_dialog(self.tr("Округ"), d.name, number=d.number, with_number=True)
        if answer:
            self._run(lambda: deputies.save_district(self.ctx.db, self.ctx.actor, deputies.DistrictData(
                answer[0], answer[2], d.description), did, d.version))

    def _add_committee(self) -> None:
        dialog = CommitteeDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def _edit_committee(self) -> None:
        cid = self._selected(self.committees)
        if cid is not None and CommitteeDialog(self.ctx, self._committees[cid], self).exec():
            self.reload()

    def _delete_committee(self) -> None:
        cid = self._selected(self.committees)
        if cid is not None and confirm(self, self.tr("Видалити комісію «%1»?").replace(
                "%1", self._committees[cid].name)):
            self._run(lambda: deputies.delete_committee(self.ctx.db, self.ctx.actor, cid,
                                                        self._committees[cid].version))


class CommitteeDialog(QDialog):
    """A committee's name and its members with roles (one row per deputy with a mandate today)."""

    def __init__(self, ctx: AppContext, committee: deputies.CommitteeView | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.committee = committee
        self.setWindowTitle(committee.name if committee else self.tr("Нова комісія"))
        self.name = QLineEdit(committee.name if committee else "")
        self.name.setObjectName("committee_name")
        self.short = QLineEdit(committee.short_name if committee else "")
        self.description = QPlainTextEdit(committee.description if committee else "")
        self.description.setMaximumHeight(70)
        current = {m.deputy_id: m.role for m in committee.members} if committee else {}
        rows = [r for r in deputies.list_deputies(ctx.db) if r.active or r.id in current]
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("committee_members")
        self.table.setHorizontalHeaderLabels([self.tr("Депутат"), self.tr("Роль у комісії")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._combos: list[tuple[int, QComboBox]] = []
        for i, r in enumerate(rows):
            self.table.setCellWidget(i, 0, QLabel(r.full_name + (f" ({r.faction})" if r.faction else "")))
            combo = enum_combo(CommitteeRole, current.get(r.id), ctx.language, blank="—")
            if r.id not in current:
                combo.setCurrentIndex(0)
            self.table.setCellWidget(i, 1, combo)
            self._combos.append((r.id, combo))
        form = QFormLayout()
        form.addRow(self.tr("Назва:"), self.name)
        form.addRow(self.tr("Скорочено:"), self.short)
        form.addRow(self.tr("Опис:"), self.description)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Члени комісії:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(ok_cancel(self, self.tr("Зберегти")))
        self.resize(640, 620)

    def accept(self) -> None:
        members = [(did, combo.currentData()) for did, combo in self._combos if combo.currentData()]
        data = deputies.CommitteeData(self.name.text(), self.short.text(), self.description.toPlainText())
        if accept_after(self, lambda: deputies.save_committee(
                self.ctx.db, self.ctx.actor, data, self.committee.id if self.committee else None,
                self.committee.version if self.committee else None, members), catch=Exception):
            self.ctx.notify("deputies")


class InitiativeDialog(QDialog):
    """A deputy's inquiry, appeal, draft decision or proposal, with the answer."""

    def __init__(self, ctx: AppContext, deputy_id: int, row: initiatives.InitiativeRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.deputy_id = deputy_id
        self.row = row
        self.setWindowTitle(self.tr("Ініціатива депутата"))
        self.kind = enum_combo(InitiativeKind, row.kind if row else None, ctx.language, object_name="initiative_kind")
        self.number = QLineEdit(row.number if row else "")
        self.title = QPlainTextEdit(row.title if row else "")
        self.title.setObjectName("initiative_title")
        self.title.setMaximumHeight(80)
        self.submitted = date_edit(row.submitted_on if row else ctx.today(), "initiative_submitted")
        self.addressee = QLineEdit(row.addressee if row else "")
        self.status = enum_combo(InitiativeStatus, row.status if row else None, ctx.language,
                                 object_name="initiative_status")
        self.answer = QPlainTextEdit(row.answer if row else "")
        self.answer.setMaximumHeight(100)
        self.answered = OptionalDate(self.tr("отримано"), row.answered_on if row else None)
        form = QFormLayout(self)
        form.addRow(self.tr("Вид:"), self.kind)
        form.addRow(self.tr("Номер:"), self.number)
        form.addRow(self.tr("Зміст:"), self.title)
        form.addRow(self.tr("Дата подання:"), self.submitted)
        form.addRow(self.tr("Адресат:"), self.addressee)
        form.addRow(self.tr("Стан:"), self.status)
        form.addRow(self.tr("Відповідь:"), self.answer)
        form.addRow(self.tr("Дата відповіді:"), self.answered)
        form.addRow(ok_cancel(self, self.tr("Зберегти")))
        self.resize(600, 520)

    def accept(self) -> None:
        data = initiatives.InitiativeData(
            deputy_id=self.deputy_id, kind=self.kind.currentData(), title=self.title.toPlainText(),
            submitted_on=date_of(self.submitted), number=self.number.text(),
            addressee=self.addressee.text(), status=self.status.currentData(), answer=self.answer.toPlainText(),
            answered_on=self.answered.value(), session_id=self.row.session_id if self.row else None)
        if accept_after(self, lambda: initiatives.save_initiative(
                self.ctx.db, self.ctx.actor, data, self.row.id if self.row else None,
                self.row.version if self.row else None), catch=Exception):
            self.ctx.notify("deputies")


class AnnualReportForm(QGroupBox):
    """The free-text sections of a deputy's yearly report, saved to the register (the PDF adds statistics)."""

    FIELDS = (("committee_work", _N("AnnualReportForm", "Робота в раді та комісіях:")),
              ("voter_work", _N("AnnualReportForm", "Робота з виборцями:")),
              ("district_work", _N("AnnualReportForm", "Що зроблено для округу:")),
              ("other", _N("AnnualReportForm", "Інша діяльність:")),
              ("plans", _N("AnnualReportForm", "Плани на наступний рік:")))

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Звіт депутата перед виборцями"))
        self.deputy_id: int | None = None
        self.version: int | None = None
        self.report_id: int | None = None
        self.year = QSpinBox()
        self.year.setObjectName("annual_year")
        self.year.setRange(1991, 2100)
        self.year.setValue(ctx.today().year - 1)
        self.year.valueChanged.connect(lambda _v: self.load())
        self.meeting = OptionalDate(self.tr("призначено"), None, "annual_meeting")
        self.place = QLineEdit()
        self.published = OptionalDate(self.tr("оприлюднено"), None, "annual_published")
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #7a4d00;")
        self.texts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("Рік:"), self.year)
        form.addRow(self.tr("Зустріч із виборцями:"), self.meeting)
        form.addRow(self.tr("Місце зустрічі:"), self.place)
        form.addRow(self.tr("Оприлюднення:"), self.published)
        form.addRow("", self.notice)
        for key, label in self.FIELDS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"annual_{key}")
            edit.setMaximumHeight(70)
            self.texts[key] = edit
            form.addRow(QCoreApplication.translate("AnnualReportForm", label), edit)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Зберегти звіт"))
        self.save_button.setObjectName("annual_save")
        self.save_button.clicked.connect(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

    def set_deputy(self, deputy_id: int | None) -> None:
        self.deputy_id = deputy_id
        self.load()

    def load(self) -> None:
        view = initiatives.get_annual_report(self.ctx.db, self.deputy_id, self.year.value()) \
            if self.deputy_id is not None else None
        self.version = view.version if view else None
        self.report_id = view.id if view else None
        self.meeting.set_value(view.meeting_date if view else None)
        self.place.setText(view.meeting_place if view else "")
        self.published.set_value(view.published_on if view else None)
        for key, edit in self.texts.items():
            edit.setPlainText(getattr(view, key) if view else "")
        if view and view.publish_by and view.meeting_date and not view.published_on:
            self.notice.setText(self.tr("Оприлюднити не пізніше %1 (за %2 дн. до зустрічі).")
                                .replace("%1", view.publish_by.strftime("%d.%m.%Y"))
                                .replace("%2", str((view.meeting_date - view.publish_by).days)))
        else:
            self.notice.setText("")

    def save(self) -> bool:
        if self.deputy_id is None:
            return False
        data = initiatives.AnnualReportData(
            deputy_id=self.deputy_id, year=self.year.value(), meeting_date=self.meeting.value(),
            meeting_place=self.place.text(), published_on=self.published.value(),
            **{key: edit.toPlainText() for key, edit in self.texts.items()})
        saved = call_service(self, lambda: initiatives.save_annual_report(self.ctx.db, self.ctx.actor, data,
                                                                          self.version), catch=Exception)
        if saved is FAILED:
            return False
        self.report_id = saved
        self.load()
        self.ctx.notify("deputies")
        return True


def require_selection(parent: QWidget, value: object, what: str) -> bool:
    if value is None:
        show_error(parent, ValidationError(what))
        return False
    return True


_ = dt  # dates come through the form helpers
