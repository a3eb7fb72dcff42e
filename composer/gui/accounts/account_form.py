"""The "add account" form, built from the chosen channel's CredentialField list: every field
labelled and explained in the plugin's own words (translated through the plugin's catalogue),
required ones marked, secret ones typed with echo off. A channel with a browser sign-in asks
only for what the sign-in needs (never a token to paste) and offers "Sign in with the browser";
the others offer "Check and save", and the core asks the platform before anything is kept. The
form only collects values; the core's Connections service decides."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer.core.i18n import _
from composer.gui.dialog_size import fit

SIGN_IN, ADD = "sign_in", "add"


class AccountForm(QDialog):
    # {"mode": SIGN_IN | ADD, "name", "platform", "settings": {...}, "secrets": {...}}
    submitted = Signal(dict)

    def __init__(self, registry, parent=None):
        super().__init__(parent)
        self.registry = registry
        self.setObjectName("accountForm")
        self.setWindowTitle(self.tr("Add an account"))
        self.setMinimumWidth(520)
        fit(self, "accountForm", 600, 560)  # every field and the buttons visible on a 1366x768 laptop
        self.platform = QComboBox(self)
        self.platform.setObjectName("accountPlatform")
        self.platform.setAccessibleName(self.tr("Channel"))
        for pid, platform in registry.platforms.items():
            if pid != "folder":
                self.platform.addItem(platform.spec.name, pid)
        self.name = QLineEdit(self)
        self.name.setObjectName("accountName")
        self.name.setAccessibleName(self.tr("Account name"))
        self.name.setPlaceholderText(self.tr("e.g. portal, x-humas"))
        self.how = QLabel(self)
        self.how.setObjectName("accountHow")
        self.how.setWordWrap(True)
        self.fields_box = QWidget(self)
        self.fields_form = QFormLayout(self.fields_box)
        self.fields_form.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.fields_box)
        scroll.setMinimumHeight(160)
        self.error = QLabel(self)
        self.error.setObjectName("accountError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.go = QPushButton(self)
        self.go.setObjectName("accountGo")
        self.go.setDefault(True)
        self.buttons.addButton(self.go, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        top = QFormLayout()
        top.addRow(self.tr("&Channel:"), self.platform)
        top.addRow(self.tr("Account &name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.how)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.inputs: dict[str, QLineEdit] = {}
        self.platform.currentIndexChanged.connect(self._build_fields)
        self._build_fields()

    @property
    def spec(self):
        return self.registry.get(self.platform.currentData()).spec

    @property
    def signs_in(self) -> bool:
        """This channel has a browser sign-in: the form never asks for its tokens."""
        return self.registry.get(self.platform.currentData()).connectable

    def _fields(self):
        return [f for f in self.spec.credentials if not (self.signs_in and f.by_sign_in)]

    def _build_fields(self) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.inputs = {}
        self.error.clear()
        for field in self._fields():
            edit = QLineEdit(self.fields_box)
            edit.setObjectName(f"field_{field.name}")
            edit.setAccessibleName(_(field.label))  # the plugin's own translation
            tips = [_(field.help)] if field.help else []
            if field.secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)  # never shown, never logged
                tips.append(self.tr("Kept in the system keyring, never in Siaran's files"))
            if tips:
                edit.setToolTip("\n".join(tips))
                edit.setAccessibleDescription(" ".join(tips))
            if field.default:
                edit.setText(field.default)
            label = _(field.label) + ("" if field.required else " " + self.tr("(optional)")) + ":"
            self.fields_form.addRow(label, edit)
            if field.help:
                hint = QLabel(_(field.help), self.fields_box)
                hint.setObjectName(f"help_{field.name}")
                hint.setWordWrap(True)
                hint.setStyleSheet("color: palette(mid); font-size: small;")
                self.fields_form.addRow("", hint)
            self.inputs[field.name] = edit
        if not self.spec.credentials:
            self.fields_form.addRow(QLabel(self.tr("This channel needs no sign-in."), self.fields_box))
        if self.signs_in:
            self.how.setText(self.tr(
                "Siaran opens {platform} in your browser: sign in there and allow access. "
                "Nothing is saved until you have.").format(platform=self.spec.name))
            self.go.setText(self.tr("Sign in with the &browser"))
        else:
            self.how.setText(self.tr(
                "Siaran checks these with {platform} before saving: a wrong password is never "
                "saved.").format(platform=self.spec.name))
            self.go.setText(self.tr("Check and &save"))

    def values(self) -> dict:
        settings: dict[str, str] = {}
        secrets: dict[str, str] = {}
        for field in self._fields():
            value = self.inputs[field.name].text().strip()
            if not value:
                continue
            (secrets if field.secret else settings)[field.name] = value
        return {"mode": SIGN_IN if self.signs_in else ADD, "name": self.name.text().strip(),
                "platform": self.platform.currentData(), "settings": settings, "secrets": secrets}

    def _submit(self) -> None:
        # What is missing or wrong is the core's to say (Connections.add / sign_in): one line
        # comes back into ``error``.
        self.error.clear()
        self.submitted.emit(self.values())

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.error.setStyleSheet("")
            busy_text = self.tr("Signing in to {platform}…") if self.signs_in \
                else self.tr("Checking with {platform}…")
            self.error.setText(busy_text.format(platform=self.spec.name))

    def show_error(self, message: str) -> None:
        self.error.setStyleSheet("color: #c62828;")
        self.error.setText(message)
