"""The Accounts screen: the officer's accounts (whose each is, with the picture the platform
gives, and when its sign-in ends), the channels Siaran found and the plugins that failed to load
(with their error); add (a browser sign-in, or typed credentials the platform checks before they
are saved) and remove. Everything is the core's (composer.core.connections, the same service as
`siaran sign-in` and `siaran accounts`); secrets go to the keyring only, and without a usable
keyring the core refuses and this screen says so in plain words."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
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

from composer.gui.accounts.account_form import SIGN_IN, AccountForm
from composer.gui.accounts.sign_in_dialog import DEFAULT_TIMEOUT, SignInDialog
from composer.gui.ask import confirm
from composer.gui.dialog_size import fit

SIGN_IN_COLUMN = 4  # when the account's sign-in ends


class AccountsDialog(QDialog):
    accounts_changed = Signal()

    # Where the browser sign-in opens (None: the system browser) and how long it waits; tests
    # hand in a "browser" that plays the officer at a real OAuth server.
    open_browser = None
    sign_in_timeout = DEFAULT_TIMEOUT

    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.registry = None  # arrives with the first refresh (loading it imports every plugin)
        self.avatars: dict[str, QIcon] = {}  # picture address -> icon, once fetched
        self.sign_in_dialog: SignInDialog | None = None
        self._note = ""  # one line to show with the next listing (the outcome of Check again)
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Accounts and channels"))
        fit(self, "accounts", 1100, 560)

        self.accounts = QTreeWidget(self)
        self.accounts.setObjectName("accountList")
        self.accounts.setHeaderLabels([self.tr("Name"), self.tr("Channel"), self.tr("Whose"),
                                       self.tr("Kind"), self.tr("Sign-in")])
        header = self.accounts.header()
        header.setStretchLastSection(True)
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.accounts.setIconSize(QSize(24, 24))
        self.accounts.setRootIsDecorated(False)
        self.accounts.setWordWrap(True)
        self.accounts.setAccessibleName(self.tr("Accounts"))
        self.add_button = QPushButton(self.tr("&Add account…"), self)
        self.add_button.setObjectName("addAccount")
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("removeAccount")
        self.check_button = QPushButton(self.tr("&Check again"), self)
        self.check_button.setObjectName("checkAccount")
        self.check_button.setToolTip(self.tr("Ask the platform again whose account this is and "
                                             "whether the saved sign-in still works"))
        self.message = QLabel(self)
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        account_page = QWidget(self)
        col = QVBoxLayout(account_page)
        col.addWidget(self.accounts, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.check_button)
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
        self.check_button.clicked.connect(self.check_selected)
        self.accounts.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.message.clear()
        def load(ctx):
            accounts = self.services.list_accounts()
            return (self.services.registry, accounts,
                    self.services.connections.statuses(accounts))

        task = self.runner.submit(load, name="accounts")
        task.finished.connect(self._show)
        task.failed.connect(self._say)
        self._load_task = task

    def _show(self, result) -> None:
        registry, accounts, statuses = result
        self.registry = registry
        current = self.accounts.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        self.accounts.clear()
        warnings = []
        for acc in accounts:
            spec = registry.platforms.get(acc.platform)
            kind = self.tr("practice") if acc.practice else self.tr("account")
            shown = " · ".join(x for x in (acc.display_name, acc.handle) if x)
            status = statuses[acc.name]
            item = QTreeWidgetItem(self.accounts, [acc.name, spec.spec.name if spec else acc.platform,
                                                   shown or self.tr("(not checked yet)"), kind,
                                                   status.message or self.tr("no end date")])
            item.setData(0, Qt.ItemDataRole.UserRole, acc.name)
            item.setToolTip(SIGN_IN_COLUMN, status.message)
            if status.warns:
                item.setForeground(SIGN_IN_COLUMN, Qt.GlobalColor.darkRed)
                warnings.append(status.message)
            if acc.avatar_url:
                self._show_avatar(item, acc.avatar_url)
            if acc.name == keep:  # the same account stays selected after a refresh
                self.accounts.setCurrentItem(item)
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
        self.message.setText("\n".join(([self._note] if self._note else []) + warnings))
        self._note = ""
        self._update_buttons()

    def _show_avatar(self, item: QTreeWidgetItem, url: str) -> None:
        """The account's picture, fetched (and cached on disk by the core) off the GUI thread."""
        if url in self.avatars:
            item.setIcon(2, self.avatars[url])
            return
        name = item.data(0, Qt.ItemDataRole.UserRole)

        def shown(path) -> None:
            if path is None:
                return
            icon = QIcon(QPixmap(str(path)))
            self.avatars[url] = icon
            for row in range(self.accounts.topLevelItemCount()):
                other = self.accounts.topLevelItem(row)
                if other.data(0, Qt.ItemDataRole.UserRole) == name:
                    other.setIcon(2, icon)

        task = self.runner.submit(lambda ctx: self.services.connections.avatar(url), name="avatar")
        task.finished.connect(shown)

    def _update_buttons(self) -> None:
        item = self.accounts.currentItem()
        chosen = bool(item and item.data(0, Qt.ItemDataRole.UserRole))
        self.remove_button.setEnabled(chosen)
        self.check_button.setEnabled(chosen)

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

        def added(_account: object) -> None:
            form.accept()
            self.refresh()
            self.accounts_changed.emit()

        def refused(message: str) -> None:
            form.set_busy(False)
            form.show_error(message)

        if values["mode"] == SIGN_IN:
            dialog = SignInDialog(self.services, self.runner, values, form,
                                  open_browser=self.open_browser, timeout=self.sign_in_timeout)
            dialog.signed_in.connect(added)
            dialog.refused.connect(refused)
            self.sign_in_dialog = dialog
            dialog.start()
            return

        def work(ctx):
            # Built here, off the GUI thread: the platform is asked first, and the first keyring
            # call may take seconds on a slow Secret Service.
            return self.services.connections.add(values["name"], values["platform"],
                                                 values["settings"], values["secrets"])

        task = self.runner.submit(work, name="add account")
        task.finished.connect(added)
        task.failed.connect(refused)

    def check_selected(self) -> None:
        """Whose account, asked of the platform again (a wrong or revoked sign-in shows here)."""
        item = self.accounts.currentItem()
        name = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not name:
            return
        self.message.setText(self.tr("Checking {name}…").format(name=name))

        def checked(account) -> None:
            self._note = self.tr("{name} works: {whose}.").format(
                name=account.name, whose=account.display_name or account.handle)
            self.refresh()
            self.accounts_changed.emit()

        task = self.runner.submit(lambda ctx: self.services.connections.refresh_profile(name),
                                  name="check account")
        task.finished.connect(checked)
        task.failed.connect(self._say)
        self._check_task = task

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
