"""The tray icon: says what went out and what did not when a publish or a scheduled send ends
while the window is not in front, and, if the officer chose so, keeps the app (and its
scheduler) running when the window is closed, with Open and Quit."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from composer.gui.icons import icon


class Tray(QObject):
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.icon = QSystemTrayIcon(self)
        app_icon = QApplication.windowIcon()
        self.icon.setIcon(app_icon if not app_icon.isNull() else icon("publish"))
        self.icon.setToolTip("Siaran")
        self.menu = QMenu()
        self.open_action = QAction(self.menu)
        self.open_action.setObjectName("trayOpen")
        self.quit_action = QAction(self.menu)
        self.quit_action.setObjectName("trayQuit")
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.open_action.triggered.connect(self.open_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.icon.activated.connect(self._activated)
        self.messages: list[tuple[str, str]] = []  # what was said (the tests read it)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("&Open Siaran"))
        self.quit_action.setText(self.tr("&Quit"))

    def show(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    def notify(self, title: str, text: str, *, problem: bool = False) -> None:
        self.messages.append((title, text))
        self.show()
        kind = (QSystemTrayIcon.MessageIcon.Warning if problem
                else QSystemTrayIcon.MessageIcon.Information)
        self.icon.showMessage(title, text, kind, 10_000)

    def _activated(self, reason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()
