"""The channel picker: tick where the post goes. Groups: accounts, practice accounts, the
folder, and platforms without an account (preview only: they show how the post would look)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.gui.editor.channels import KINDS, ChannelInfo

KEY = Qt.ItemDataRole.UserRole


class ChannelPicker(QWidget):
    selection_changed = Signal(list)  # the ticked keys, in catalog order
    manage_accounts = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(font.Weight.DemiBold)
        self.heading.setFont(font)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("channelPicker")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.accounts_button = QPushButton(self)
        self.accounts_button.setObjectName("manageAccounts")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.accounts_button)
        self._catalog: list[ChannelInfo] = []
        self._groups: dict[str, QTreeWidgetItem] = {}
        self.tree.itemChanged.connect(self._on_item_changed)
        self.accounts_button.clicked.connect(self.manage_accounts)
        self.retranslate()

    def group_titles(self) -> dict[str, str]:
        return {
            "account": self.tr("Accounts"),
            "practice": self.tr("Practice channels"),
            "folder": self.tr("Folder"),
            "preview": self.tr("Preview only (no account)"),
        }

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Channels"))
        self.accounts_button.setText(self.tr("Accounts…"))
        self.accounts_button.setAccessibleName(self.tr("Manage accounts"))
        self.tree.setAccessibleName(self.tr("Channels to publish to"))
        titles = self.group_titles()
        for kind, item in self._groups.items():
            item.setText(0, titles[kind])

    def set_catalog(self, catalog: list[ChannelInfo], checked: list[str]) -> None:
        self._catalog = list(catalog)
        self.tree.blockSignals(True)
        self.tree.clear()
        self._groups = {}
        titles = self.group_titles()
        for kind in KINDS:
            members = [c for c in catalog if c.kind == kind]
            if not members:
                continue
            group = QTreeWidgetItem(self.tree, [titles[kind]])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self._groups[kind] = group
            for channel in members:
                item = QTreeWidgetItem(group, [channel.label])
                item.setData(0, KEY, channel.key)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(0, Qt.CheckState.Checked if channel.key in checked
                                   else Qt.CheckState.Unchecked)
                if channel.kind == "preview":
                    item.setToolTip(0, self.tr("No account yet: shown for preview, not published"))
        self.tree.expandAll()
        self.tree.blockSignals(False)

    def checked(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                if item.checkState(0) == Qt.CheckState.Checked:
                    out.append(item.data(0, KEY))
        return out

    def set_checked(self, key: str, on: bool = True) -> None:
        for item in self._items():
            if item.data(0, KEY) == key:
                item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _items(self):
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                yield group.child(j)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if item.data(0, KEY):
            self.selection_changed.emit(self.checked())
