"""Monthly report from History: which month, then where to save it (.xlsx or .csv). The
report itself is the core's (composer.core.report), the same as `siaran report`."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)


class ReportDialog(QDialog):
    chosen = Signal(str, str)  # month "2026-12", the file to write

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Monthly report"))
        self.month = QDateEdit(self)
        self.month.setObjectName("reportMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.month.setDate(QDate.currentDate())
        intro = QLabel(self.tr("One row per post and channel, with the date and time in the "
                               "office's time zone, the link and who published it, and a "
                               "summary per channel."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Month:"), self.month)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(self.tr("&Save as…"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("reportSave")
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.ask_path)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addWidget(intro)
        col.addLayout(form)
        col.addWidget(buttons)
        self.file_dialog: QFileDialog | None = None
        self.resize(440, 180)

    def month_text(self) -> str:
        return self.month.date().toString("yyyy-MM")

    def ask_path(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the monthly report"),
                             self.tr("report-{month}.xlsx").format(month=self.month_text()))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Spreadsheet (*.xlsx)"), self.tr("CSV (*.csv)")])
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(self.save_to)
        self.file_dialog = dialog
        dialog.open()

    def save_to(self, path: str) -> None:
        if path:
            self.chosen.emit(self.month_text(), path)
            self.accept()
