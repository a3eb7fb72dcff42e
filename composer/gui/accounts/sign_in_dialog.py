"""The browser sign-in in progress: what is happening now, the time left, Cancel, the sign-in
address to copy when no browser opened, and the list to pick a page or organisation from when
the sign-in leads to several. The sign-in itself is the core's (Connections.sign_in, the same as
``siaran sign-in``) and runs on a worker thread; this dialog only shows and asks."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.gui.tasks import Task

DEFAULT_TIMEOUT = 300.0


class SignInDialog(QDialog):
    signed_in = Signal(object)  # the saved Account
    refused = Signal(str)  # one translated line: why nothing was saved

    def __init__(self, services, runner, values: dict, parent=None, *, open_browser=None,
                 timeout: float = DEFAULT_TIMEOUT):
        super().__init__(parent)
        self.services, self.runner, self.values = services, runner, values
        self.open_browser, self.timeout = open_browser, timeout
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Signing in"))
        self.setMinimumWidth(520)
        self.heading = QLabel(self)
        self.heading.setObjectName("signInHeading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.status = QLabel(self.tr("Starting…"), self)
        self.status.setObjectName("signInStatus")
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy: the browser step has no fraction to show
        self.bar.setTextVisible(False)
        self.left = QLabel(self)
        self.left.setObjectName("signInTimeLeft")

        self.address_box = QWidget(self)
        self.address_box.setObjectName("signInAddressBox")
        self.address_note = QLabel(self.tr(
            "No browser opened. Open this address in a browser on this computer to sign in:"),
            self.address_box)
        self.address_note.setWordWrap(True)
        self.address = QLineEdit(self.address_box)
        self.address.setObjectName("signInAddress")
        self.address.setReadOnly(True)
        self.address.setAccessibleName(self.tr("Sign-in address"))
        self.copy = QPushButton(self.tr("&Copy"), self.address_box)
        self.copy.setObjectName("signInCopy")
        self.copy.clicked.connect(self._copy)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.address, 1)
        row.addWidget(self.copy)
        col = QVBoxLayout(self.address_box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.address_note)
        col.addLayout(row)
        self.address_box.hide()

        self.choice_box = QWidget(self)
        self.choice_box.setObjectName("signInChoiceBox")
        self.choice_note = QLabel(self.tr("Choose where Siaran publishes:"), self.choice_box)
        self.choices = QListWidget(self.choice_box)
        self.choices.setObjectName("signInChoices")
        self.choices.setAccessibleName(self.tr("Pages you manage"))
        self.use = QPushButton(self.tr("&Use this one"), self.choice_box)
        self.use.setObjectName("signInUse")
        self.use.clicked.connect(self._use_choice)
        self.choices.itemActivated.connect(lambda _item: self._use_choice())
        col = QVBoxLayout(self.choice_box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.choice_note)
        col.addWidget(self.choices)
        col.addWidget(self.use, 0, Qt.AlignmentFlag.AlignRight)
        self.choice_box.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.left)
        layout.addWidget(self.address_box)
        layout.addWidget(self.choice_box, 1)
        layout.addWidget(self.buttons)

        self._offered: list = []
        self._picked = None
        self._answered = threading.Event()
        self._cancelling = False
        self._deadline = time.monotonic() + timeout
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self.task: Task | None = None

    # -- running -----------------------------------------------------------------------------

    def start(self) -> None:
        values = self.values
        platform = self.services.registry.get(values["platform"]).spec.name
        self.setWindowTitle(self.tr("Signing in to {platform}").format(platform=platform))
        self.heading.setText(self.windowTitle())
        task = self.runner.submit(self._work, name="sign in")
        task.progressed.connect(self._progressed)
        task.finished.connect(self._finished)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._gone)
        self.task = task
        self._tick()
        self._clock.start()
        self.open()

    def _work(self, ctx):
        values = self.values

        def choose(choices):
            self._answered.clear()
            ctx.progress("choose", None, choices=list(choices))
            while not self._answered.wait(0.1):
                if ctx.cancelled:
                    break
            from composer.core.oauth import SignInCancelled

            if ctx.cancelled or self._picked is None:
                raise SignInCancelled("cancelled")
            return self._picked

        return self.services.connections.sign_in(
            values["name"], values["platform"], values["settings"], values["secrets"],
            open_browser=self.open_browser, timeout=self.timeout, cancel=ctx.cancel_event,
            show_url=lambda url: ctx.progress("url", None, url=url),
            progress=lambda line: ctx.progress("status", None, line=line), choose=choose)

    def _progressed(self, step: str, _fraction, data) -> None:
        if step == "status":
            self.status.setText(data["line"])
        elif step == "url":
            self.address.setText(data["url"])
            self.address.setCursorPosition(0)
            self.address_box.show()
            self.copy.setFocus()
        elif step == "choose":
            self._offer(data["choices"])

    def _offer(self, choices) -> None:
        self._offered = choices
        self.choices.clear()
        for choice in choices:
            text = choice.label + (f" — {choice.detail}" if choice.detail else "")
            item = QListWidgetItem(f"{text}\n{choice.id}", self.choices)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
        self.choices.setCurrentRow(0)
        self.status.setText(self.tr("Signed in. Choose where Siaran publishes, then press "
                                    "\u201cUse this one\u201d."))
        self.choice_box.show()
        self.bar.hide()  # signed in: what is left is the officer's choice, with no clock on it
        self.left.hide()
        self._clock.stop()
        self.use.setDefault(True)
        self.choices.setFocus()

    def _use_choice(self) -> None:
        row = self.choices.currentRow()
        if 0 <= row < len(self._offered):
            self._picked = self._offered[row]
            self.choice_box.hide()
            self.bar.show()
            self.status.setText(self.tr("Finishing the sign-in…"))
            self._answered.set()

    def _tick(self) -> None:
        seconds = max(0, int(self._deadline - time.monotonic()))
        self.left.setText(self.tr("Time left to sign in: {time}").format(
            time=f"{seconds // 60}:{seconds % 60:02d}"))

    def cancel(self) -> None:
        """Cancel: the core stops waiting and saves nothing; the dialog closes when it has."""
        if self.task is None or self.task.is_done:
            self.reject()
            return
        self._cancelling = True
        self.status.setText(self.tr("Cancelling…"))
        self.cancel_button.setEnabled(False)
        self.task.cancel()
        self._answered.set()

    def reject(self) -> None:  # Esc and the window's close button cancel too
        if self.task is not None and not self.task.is_done:
            self.cancel()
            return
        super().reject()

    # -- outcome -----------------------------------------------------------------------------

    def _finished(self, account) -> None:
        self._clock.stop()
        self.signed_in.emit(account)
        self.accept()

    def _failed(self, message: str) -> None:
        self._clock.stop()
        if self._cancelling:
            self._gone()
            return
        self.refused.emit(message)
        super().reject()

    def _gone(self) -> None:
        self._clock.stop()
        self.refused.emit(self.tr("Sign-in cancelled; nothing was saved."))
        super().reject()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.address.text())
        self.copy.setText(self.tr("Copied"))
