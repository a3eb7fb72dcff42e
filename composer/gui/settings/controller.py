"""Settings from the window: the Accounts screen (Ctrl+Shift+A), practice mode (Ctrl+Shift+P) and
the language (the shell rebuilds the window in it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow

from composer.gui.actions import make_action

if TYPE_CHECKING:
    from composer.gui.accounts.accounts_dialog import AccountsDialog


class SettingsController(QObject):
    accounts_changed = Signal()  # accounts added or removed, practice ones included
    practice_started = Signal()  # practice mode came on: its channels are about to be listed
    language_requested = Signal(object)  # "en", "id" or None (the system's)

    def __init__(self, window: QMainWindow, services, runner, settings, practice, notices):
        """``practice`` is the shell's PracticeSwitch (it outlives a window rebuilt in another
        language)."""
        super().__init__(window)
        self.window, self.services, self.runner = window, services, runner
        self.settings, self.practice, self.notices = settings, practice, notices
        self.accounts_dialog: AccountsDialog | None = None
        self.actions = {
            "accounts": make_action(window, "accounts", self.tr("&Accounts…"), ["Ctrl+Shift+A"],
                                    self.open_accounts, "accounts"),
            "practice": make_action(window, "practice", self.tr("P&ractice mode"), ["Ctrl+Shift+P"],
                                    self._practice_triggered),
        }
        action = self.actions["practice"]
        action.setCheckable(True)
        action.setToolTip(self.tr("Practice mode: local practice channels to train on, never a real "
                                  "account (Ctrl+Shift+P)"))
        action.setChecked(practice.on)
        practice.changed.connect(self._practice_changed)
        practice.failed.connect(notices.error)
        self.languages = self._language_actions()

    def _language_actions(self) -> list[QAction]:
        group = QActionGroup(self.window)
        choices = [(None, self.tr("System language")), ("en", "English"),
                   ("id", "Bahasa Indonesia")]
        for code, label in choices:
            act = QAction(label, group, checkable=True)
            act.setObjectName(f"language_{code or 'system'}")
            act.setChecked(self.settings.language == code)
            act.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
        return group.actions()

    def open_accounts(self) -> None:
        from composer.gui.accounts.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.services, self.runner, self.window)
        dialog.accounts_changed.connect(self.accounts_changed)
        self.accounts_dialog = dialog
        dialog.exec()

    def check_sign_ins(self):
        """Once the window is up: renew the sign-ins that end within a week (the core's
        Connections), then say in the status bar which still end soon, today or have ended."""
        def work(ctx):
            # A refused renewal leaves the sign-in ending: the notice below says so, and what to do.
            connections = self.services.connections
            connections.renew_due()
            return connections.notices()

        def show(lines: list) -> None:
            if lines:
                self.notices.say("  ".join(lines), 30_000)

        task = self.runner.submit(work, name="sign-ins")
        task.finished.connect(show)
        return task

    def _practice_triggered(self) -> None:
        self.toggle_practice(self.actions["practice"].isChecked())

    def toggle_practice(self, on: bool) -> None:
        self.notices.say(self.tr("Starting the practice servers…") if on
                         else self.tr("Stopping the practice servers…"))
        self.settings.practice = on  # remembered: a restart comes back in practice mode
        self.settings.save()
        self.practice.set_on(on)

    def _practice_changed(self, on: bool) -> None:
        action = self.actions["practice"]
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)
        self.notices.say(self.tr("Practice mode: practice channels are ready; nothing reaches a real "
                                 "account.") if on else self.tr("Practice mode is off."), 8000)
        if on:
            self.practice_started.emit()
        self.accounts_changed.emit()
