"""The Accounts screen: the channels Siaran found, the plugins that failed to load (with their
error), the officer's accounts; add (a form built from the channel's credential fields, secrets
typed with echo off) and remove. Secrets go to the keyring through the core's Accounts service;
without a usable keyring the core refuses and this screen says so in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.gui.accounts.account_form import AccountForm
from composer.gui.ask import confirm
from composer.gui.dialog_size import fit


class AccountsDialog(QDialog):
    accounts_changed = Signal()

    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.registry = None  # arrives with the first refresh (loading it imports every plugin)
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Accounts and channels"))
        fit(self, "accounts", 760, 520)

        self.accounts = QTreeWidget(self)
        self.accounts.setObjectName("accountList")
        self.accounts.setHeaderLabels([self.tr("Name"), self.tr("Channel"), self.tr("Shown as"),
                                       self.tr("Kind")])
        self.accounts.setRootIsDecorated(False)
        self.accounts.setAccessibleName(self.tr("Accounts"))
        self.add_button = QPushButton(self.tr("&Add account…"), self)
        self.add_button.setObjectName("addAccount")
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("removeAccount")
        self.message = QLabel(self)
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        account_page = QWidget(self)
        col = QVBoxLayout(account_page)
        col.addWidget(self.accounts, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        col.addLayout(row)

        self.channels = QTreeWidget(self)
        self.channels.setObjectName("channelList")
        self.channels.setHeaderLabels([self.tr("Channel"), self.tr("Status")])
        self.channels.setRootIsDecorated(False)
        self.channels.setAccessibleName(self.tr("Channels found"))
        self.channels.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(account_page, self.tr("Accounts"))
        self.tabs.addTab(self.channels, self.tr("Channels found"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.add_button.clicked.connect(self.add_account)
        self.remove_button.clicked.connect(self.remove_selected)
        self.accounts.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.message.clear()
        task = self.runner.submit(lambda ctx: (self.services.registry, self.services.list_accounts()),
                                  name="accounts")
        task.finished.connect(self._show)
        task.failed.connect(self._say)
        self._load_task = task

    def _show(self, result) -> None:
        registry, accounts = result
        self.registry = registry
        self.accounts.clear()
        for acc in accounts:
            spec = registry.platforms.get(acc.platform)
            kind = self.tr("practice") if acc.practice else self.tr("account")
            shown = " · ".join(x for x in (acc.display_name, acc.handle) if x)
            item = QTreeWidgetItem(self.accounts, [acc.name, spec.spec.name if spec else acc.platform,
                                                   shown, kind])
            item.setData(0, Qt.ItemDataRole.UserRole, acc.name)
        if not accounts:
            QTreeWidgetItem(self.accounts, [self.tr("No accounts yet. Add one to publish beyond the folder.")]) \
                .setFlags(Qt.ItemFlag.NoItemFlags)
        self.channels.clear()
        for platform in registry.platforms.values():
            status = self.tr("ready") if platform.adapter is not None else self.tr("preview only (cannot publish yet)")
            QTreeWidgetItem(self.channels, [platform.spec.name, status])
        for broken in registry.broken:
            item = QTreeWidgetItem(self.channels, [broken.name, self.tr("failed to load: {error}").format(error=broken.error)])
            item.setForeground(1, Qt.GlobalColor.red)
            item.setToolTip(1, broken.error)
        self.channels.resizeColumnToContents(0)
        for col in range(3):
            self.accounts.resizeColumnToContents(col)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.accounts.currentItem()
        self.remove_button.setEnabled(bool(item and item.data(0, Qt.ItemDataRole.UserRole)))

    def _say(self, message: str) -> None:
        self.message.setText(message)

    # -- add and remove ----------------------------------------------------------------------

    def add_account(self) -> None:
        if self.registry is None:
            return  # the channels are still loading; the button works once they are listed
        form = AccountForm(self.registry, self)
        form.submitted.connect(lambda values: self._save(form, values))
        self.form = form
        form.open()

    def _save(self, form: AccountForm, values: dict) -> None:
        form.set_busy(True)

        def work(ctx):
            # Accounts (and with it the keyring) is built here, off the GUI thread: the first
            # keyring call may take seconds on a slow Secret Service.
            return self.services.accounts.add(values["name"], values["platform"],
                                              values["settings"], values["secrets"])

        def added(_account: object) -> None:
            form.accept()
            self.refresh()
            self.accounts_changed.emit()

        def refused(message: str) -> None:
            form.set_busy(False)
            form.show_error(message)

        task = self.runner.submit(work, name="add account")
        task.finished.connect(added)
        task.failed.connect(refused)

    def remove_selected(self) -> None:
        item = self.accounts.currentItem()
        name = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not name:
            return
        if not confirm(self, self.tr("Remove account"),
                       self.tr("Remove the account '{name}' and its saved sign-in from the keyring?")
                       .format(name=name), self.tr("Remove"), self.tr("Keep")):
            return
        def removed(_result: object) -> None:
            self.refresh()
            self.accounts_changed.emit()

        task = self.runner.submit(lambda ctx: self.services.accounts.remove(name), name="remove account")
        task.finished.connect(removed)
        task.failed.connect(self._say)
