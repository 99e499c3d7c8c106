"""The council profile form, shared by the first-run setup dialog and the Settings page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.errors import ValidationError
from app.services.core.council import CouncilProfileData, sniff_image
from ui.dialogs.common import call_service


class ProfileForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._logo: bytes | None = None
        self.hromada_name = QLineEdit()
        self.hromada_name.setObjectName("hromada_name")
        self.hromada_name.setPlaceholderText(self.tr("напр. Вишнівська сільська територіальна громада"))
        self.council_name = QLineEdit()
        self.council_name.setObjectName("council_name")
        self.council_name.setPlaceholderText(self.tr("напр. Вишнівська сільська рада"))
        self.convocation = QSpinBox()
        self.convocation.setObjectName("convocation")
        self.convocation.setRange(1, 99)
        self.convocation.setValue(8)
        self.composition = QSpinBox()
        self.composition.setObjectName("composition")
        self.composition.setRange(1, 200)
        self.composition.setValue(26)
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.website = QLineEdit()
        self.website.setObjectName("website")
        self.website.setPlaceholderText("https://…")
        self.logo_preview = QLabel(self.tr("немає"))
        self.logo_preview.setFixedSize(72, 72)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #b8c2cc; background: white;")
        choose = QPushButton(self.tr("Вибрати зображення…"))
        choose.clicked.connect(self._choose_logo)
        clear = QPushButton(self.tr("Прибрати"))
        clear.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose)
        logo_row.addWidget(clear)
        logo_row.addStretch(1)

        form = QFormLayout(self)
        form.addRow(self.tr("Назва громади:"), self.hromada_name)
        form.addRow(self.tr("Назва ради:"), self.council_name)
        form.addRow(self.tr("Скликання:"), self.convocation)
        form.addRow(self.tr("Загальний склад ради (депутатів):"), self.composition)
        form.addRow(self.tr("Адреса:"), self.address)
        form.addRow(self.tr("Вебсайт:"), self.website)
        form.addRow(self.tr("Логотип:"), logo_row)
        for edit in (self.hromada_name, self.council_name, self.address, self.website):
            edit.textChanged.connect(self.changed)

    def set_logo(self, data: bytes | None) -> None:
        self._logo = data
        if data:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.logo_preview.setPixmap(pixmap.scaled(68, 68, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("немає"))
        self.changed.emit()

    def load_logo_file(self, path: Path) -> None:
        """Read a logo file; refuses (with a message) anything that is not an image."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError(f"Не вдається прочитати «{path.name}»: {exc.strerror}.",
                                  f"Cannot read «{path.name}»: {exc.strerror}.") from exc
        sniff_image(data)
        self.set_logo(data)

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Логотип ради"), "",
                                              self.tr("Зображення (*.png *.jpg *.jpeg *.gif)"))
        if name:
            call_service(self, lambda: self.load_logo_file(Path(name)), catch=ValidationError)

    def data(self) -> CouncilProfileData:
        return CouncilProfileData(
            hromada_name=self.hromada_name.text(),
            council_name=self.council_name.text(),
            convocation=self.convocation.value(),
            composition=self.composition.value(),
            address=self.address.text(),
            website=self.website.text(),
            logo=self._logo,
        )

    def set_data(self, data: CouncilProfileData) -> None:
        self.hromada_name.setText(data.hromada_name)
        self.council_name.setText(data.council_name)
        self.convocation.setValue(data.convocation)
        self.composition.setValue(data.composition)
        self.address.setText(data.address)
        self.website.setText(data.website)
        self.set_logo(data.logo)
