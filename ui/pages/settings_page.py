"""Settings: the council profile, council rules, the interface language, and area sections."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import registry
from app.services.core import council, settings
from app.services.core.auth import Permission
from app.services.core.settings import SettingDef
from ui import preferences
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service
from ui.messages import status
from ui.pages.base import Page
from ui.pages.this_pc_section import ThisPcSection
from ui.pages.users_section import UsersSection
from ui.widgets.common import page_title
from ui.widgets.holidays_section import HolidaysSection
from ui.widgets.profile_form import ProfileForm

# Sections other areas add to this page, in order; each is a QWidget taking (ctx, parent).
SETTINGS_SECTIONS: tuple[Callable[[AppContext, QWidget], QWidget], ...] = (UsersSection, ThisPcSection,
                                                                          HolidaysSection)


class SettingsPage(Page):
    """The council's profile and rules: a form the clerk types in, so it follows no areas (a notification must
    not overwrite unsaved changes); it is read again each time it is shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._version = 0
        editable = ctx.can(Permission.MANAGE_SETTINGS)

        self.form = ProfileForm()
        self.form.setEnabled(editable)
        save_profile = QPushButton(self.tr("Зберегти профіль"))
        save_profile.setObjectName("save_profile")
        save_profile.setEnabled(editable)
        save_profile.clicked.connect(self.save_profile)
        profile_box = QGroupBox(self.tr("Профіль ради"))
        profile_layout = QVBoxLayout(profile_box)
        profile_layout.addWidget(self.form)
        profile_layout.addWidget(save_profile)

        self.rules_box = QGroupBox(self.tr("Правила громади"))
        self.rules_form = QFormLayout(self.rules_box)
        self.rule_widgets: dict[SettingDef, QWidget] = {}
        for defn in registry.all_settings():
            widget: QWidget
            if defn.type is int:
                spin = QSpinBox()
                spin.setRange(defn.minimum if defn.minimum is not None else -1_000_000,
                              defn.maximum if defn.maximum is not None else 1_000_000_000)
                widget = spin
            elif defn.type is bool:
                widget = QCheckBox()
            elif defn.type is str:
                widget = QLineEdit()
            else:
                continue  # lists (e.g. holidays) have their own editors
            widget.setObjectName(f"setting_{defn.key}")
            widget.setEnabled(editable)
            self.rule_widgets[defn] = widget
            self.rules_form.addRow((defn.label_en if ctx.language == "en" else defn.label_uk) + ":", widget)
        save_rules = QPushButton(self.tr("Зберегти правила"))
        save_rules.setEnabled(editable)
        save_rules.clicked.connect(self.save_rules)
        self.rules_form.addRow(save_rules)
        self.rules_box.setVisible(bool(self.rule_widgets))

        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Українська", "uk")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.get(preferences.LANGUAGE))))
        self.language.currentIndexChanged.connect(self.change_language)
        lang_box = QGroupBox(self.tr("Інтерфейс"))
        lang_row = QHBoxLayout(lang_box)
        lang_row.addWidget(QLabel(self.tr("Мова інтерфейсу:")))
        lang_row.addWidget(self.language)
        self.lang_note = QLabel()
        lang_row.addWidget(self.lang_note, 1)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(page_title(self.tr("Налаштування")))
        content_layout.addWidget(profile_box)
        content_layout.addWidget(self.rules_box)
        content_layout.addWidget(lang_box)
        for section in SETTINGS_SECTIONS:
            content_layout.addWidget(section(ctx, self))
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.reload()

    def reload(self) -> None:
        profile = council.get_profile(self.ctx.db)
        if profile is not None:
            self.form.set_data(profile)
            self._version = profile.version
        values = settings.get_values(self.ctx.db, self.rule_widgets)
        for defn, widget in self.rule_widgets.items():
            value = values[defn.key]
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))

    def save_profile(self) -> bool:
        saved = call_service(self, lambda: council.update_profile(self.ctx.db, self.ctx.actor, self.form.data(),
                                                                  self._version))
        if saved is FAILED:
            return False
        self._version = saved.version
        status(self, self.tr("Профіль ради збережено."))
        self.ctx.notify("council")
        return True

    def save_rules(self) -> bool:
        values: dict[SettingDef, object] = {}
        for defn, widget in self.rule_widgets.items():
            if isinstance(widget, QSpinBox):
                values[defn] = widget.value()
            elif isinstance(widget, QCheckBox):
                values[defn] = widget.isChecked()
            elif isinstance(widget, QLineEdit):
                values[defn] = widget.text()
        if call_service(self, lambda: settings.set_values(self.ctx.db, self.ctx.actor, values)) is FAILED:
            return False
        status(self, self.tr("Правила громади збережено."))
        self.ctx.notify("settings")
        return True

    def change_language(self) -> None:
        language = self.language.currentData()
        preferences.put(preferences.LANGUAGE, language)
        self.lang_note.setText(self.tr("Мову буде змінено після перезапуску програми.")
                               if language != self.ctx.language else "")
