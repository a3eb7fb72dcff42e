"""The crisis-hold banner across the top of the window while a hold is in force."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class HoldBanner(QWidget):
    STYLE = "#holdBanner { background: #b3261e; } #holdBanner QLabel { color: white; }"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("holdBanner")
        self.setStyleSheet(self.STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        row.addWidget(self.label, 1)
        self.release_button = QPushButton(self)
        self.release_button.setObjectName("releaseButton")
        row.addWidget(self.release_button)
        self.hide()

    def show_hold(self, state: dict, zone: str | None = None) -> None:
        if not state.get("active"):
            self.hide()
            return
        from datetime import datetime

        from composer.core.office import format_datetime

        started = state.get("started")
        since = format_datetime(datetime.fromisoformat(started), zone=zone) if started else ""
        self.label.setText("⛔ " + self.tr(
            "CRISIS HOLD since {since}: {reason}. Nothing is published; scheduled posts were "
            "taken off the platforms' schedules.").format(since=since,
                                                         reason=state.get("reason", "")))
        self.release_button.setText(self.tr("Release…"))
        self.setAccessibleName(self.label.text())
        self.show()
