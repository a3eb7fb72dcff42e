"""How the window tells the officer something: one plain line in the status bar, and for an
error also a message box. Controllers and the excepthook speak through this, not the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

ERROR_MS = 10_000


class Notices(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.error_box: QMessageBox | None = None

    def say(self, message: str, msecs: int = 5000) -> None:
        self.window.statusBar().showMessage(message, msecs)

    def error(self, message: str) -> None:
        """The status bar keeps the line; a window-modal box makes sure it is seen. The box is
        opened, never exec'd: an error must not start a nested event loop inside a slot. One box
        at a time: a second error replaces the first's text."""
        self.say(message, ERROR_MS)
        box = self.error_box
        if box is None:
            box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Notices", "Siaran"),
                              message, QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("errorBox")
            self.error_box = box
        box.setText(message)
        box.open()
