"""The office profile: who publishes (name, short name, logo, default handle), in which time zone
and language. Kept by composer.core.office; templates, previews and reports read it there."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.office import ZONES, OfficeProfile


class OfficeDialog(QDialog):
    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.profile = services.office()
        self.setObjectName("officeDialog")
        self.setWindowTitle(self.tr("Office profile"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Templates put the office's name, logo and handle on images; every "
                               "date and time is written in its time zone."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = self._line(self.profile.name, self.tr("Dinas Komunikasi dan Informatika Kabupaten …"))
        self.short_name = self._line(self.profile.short_name, self.tr("Diskominfo …"))
        self.handle = self._line(self.profile.handle, "@kominfo…")
        self.logo = self._line(self.profile.logo, self.tr("a PNG with a transparent background"))
        browse = QPushButton(self.tr("&Choose…"), self)
        browse.clicked.connect(self._choose_logo)
        logo_row = QWidget(self)
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo, 1)
        row.addWidget(browse)
        self.zone = QComboBox(self)
        regions = {"WIB": self.tr("WIB (UTC+7): Sumatra, Java, West and Central Kalimantan"),
                   "WITA": self.tr("WITA (UTC+8): Bali, Nusa Tenggara, Sulawesi, other Kalimantan"),
                   "WIT": self.tr("WIT (UTC+9): Maluku, Papua")}
        for code in ZONES:
            self.zone.addItem(regions[code], code)
        self.zone.setCurrentIndex(max(0, self.zone.findData(self.profile.zone)))
        self.language = QComboBox(self)
        for code, label in (("", self.tr("Same as the app")), ("id", "Bahasa Indonesia"),
                            ("en", "English")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.profile.language)))
        form.addRow(self.tr("Office &name:"), self.name)
        form.addRow(self.tr("&Short name:"), self.short_name)
        form.addRow(self.tr("&Logo:"), logo_row)
        form.addRow(self.tr("Default &handle:"), self.handle)
        form.addRow(self.tr("&Time zone:"), self.zone)
        form.addRow(self.tr("Language of &images and reports:"), self.language)
        for label_for in (self.name, self.short_name, self.handle, self.zone, self.language):
            buddy = form.labelForField(label_for)
            if isinstance(buddy, QLabel):
                label_for.setAccessibleName(buddy.text().replace("&", "").rstrip(":"))
        self.logo.setAccessibleName(self.tr("Logo"))
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("officeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#B3261E;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        # our own words on Qt's buttons: PySide6 ships no Indonesian translation of them
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())

    def _line(self, value: str, hint: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setPlaceholderText(hint)
        return edit

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the office logo"), self.logo.text(),
                                                    self.tr("Images (*.png *.jpg *.jpeg *.webp)"))
        if path:
            self.logo.setText(path)

    def edited(self) -> OfficeProfile:
        return replace(self.profile, name=self.name.text().strip(),
                       short_name=self.short_name.text().strip(), handle=self.handle.text().strip(),
                       logo=self.logo.text().strip(), zone=self.zone.currentData(),
                       language=self.language.currentData())

    def accept(self) -> None:
        profile = self.edited()
        problem = profile.problem()
        if problem is None:
            try:
                self.services.save_office(profile)
            except OSError as exc:
                problem = self.tr("The profile could not be saved: {error}").format(
                    error=exc.strerror or exc)
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.profile = profile
        super().accept()

    def keyPressEvent(self, event) -> None:  # Enter in a field saves, as in any form
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)
