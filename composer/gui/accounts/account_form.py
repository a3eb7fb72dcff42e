"""The "add account" form, built from the chosen channel's CredentialField list: every field
labelled, required ones marked, secret ones typed with echo off. It only collects values; the
core's Accounts service decides what is valid and where each value is kept."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from composer.core.i18n import _
from composer.gui.dialog_size import fit


class AccountForm(QDialog):
    submitted = Signal(dict)  # {"name", "platform", "settings": {...}, "secrets": {...}}

    def __init__(self, registry, parent=None):
        super().__init__(parent)
        self.registry = registry
        self.setObjectName("accountForm")
        self.setWindowTitle(self.tr("Add an account"))
        self.setMinimumWidth(460)
        fit(self, "accountForm", 520, 360)
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
        self.fields_box = QWidget(self)
        self.fields_form = QFormLayout(self.fields_box)
        self.fields_form.setContentsMargins(0, 0, 0, 0)
        self.error = QLabel(self)
        self.error.setObjectName("accountError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        top = QFormLayout()
        top.addRow(self.tr("&Channel:"), self.platform)
        top.addRow(self.tr("Account &name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.fields_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.inputs: dict[str, QLineEdit] = {}
        self.platform.currentIndexChanged.connect(self._build_fields)
        self._build_fields()

    @property
    def spec(self):
        return self.registry.get(self.platform.currentData()).spec

    def _build_fields(self) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.inputs = {}
        for field in self.spec.credentials:
            edit = QLineEdit(self.fields_box)
            edit.setObjectName(f"field_{field.name}")
            edit.setAccessibleName(_(field.label))  # the plugin's own translation
            tips = [_(field.help)] if field.help else []
            if field.secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)  # never shown, never logged
                tips.append(self.tr("Kept in the system keyring, never in Siaran's files"))
            if tips:
                edit.setToolTip("\n".join(tips))
            if field.default:
                edit.setText(field.default)
            label = _(field.label) + ("" if field.required else " " + self.tr("(optional)")) + ":"
            self.fields_form.addRow(label, edit)
            self.inputs[field.name] = edit
        if not self.spec.credentials:
            self.fields_form.addRow(QLabel(self.tr("This channel needs no sign-in."), self.fields_box))

    def values(self) -> dict:
        settings: dict[str, str] = {}
        secrets: dict[str, str] = {}
        for field in self.spec.credentials:
            value = self.inputs[field.name].text().strip()
            if not value:
                continue
            (secrets if field.secret else settings)[field.name] = value
        return {"name": self.name.text().strip(), "platform": self.platform.currentData(),
                "settings": settings, "secrets": secrets}

    def _submit(self) -> None:
        from composer.core.accounts import missing_fields

        values = self.values()
        labels = {f.name: _(f.label) for f in self.spec.credentials}
        missing = [labels[name] for name in
                   missing_fields(self.spec, {**values["settings"], **values["secrets"]})]
        if not values["name"]:
            self.show_error(self.tr("Give the account a name."))
        elif missing:
            self.show_error(self.tr("Please fill in: {fields}").format(fields=", ".join(missing)))
        else:
            self.error.clear()
            self.submitted.emit(values)

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Saving…"))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
