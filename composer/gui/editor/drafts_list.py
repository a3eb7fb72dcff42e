"""File ▸ Open: the drafts list, drafts apart from published and archived posts, with Open,
Duplicate as new, Archive, Restore and Delete. What each post allows is the core's rule
(composer.core.drafts); every store call runs off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabBar,
    QVBoxLayout,
)

from composer.core.drafts import ARCHIVED, DRAFT, PUBLISHED

INFO = Qt.ItemDataRole.UserRole


def shelf_job(ctx, services, shelf: str):
    drafts = services.drafts
    zone = services.office().zone
    return [(info, drafts.actions(info)) for info in drafts.list(shelf)], zone


def act_job(ctx, services, action: str, draft_id: str):
    """Runs on a worker: open (load), duplicate, archive, restore or delete one post."""
    drafts = services.drafts
    run = {"open": services.load_draft, "duplicate": drafts.duplicate, "archive": drafts.archive,
           "restore": drafts.restore, "delete": drafts.delete}[action]
    return run(draft_id)


class DraftsDialog(QDialog):
    open_requested = Signal(object)  # the Post to open in the editor

    SHELVES = (DRAFT, PUBLISHED, ARCHIVED)

    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.setObjectName("draftsDialog")
        self.setWindowTitle(self.tr("Open a post"))
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("draftShelves")
        for label in (self.tr("&Drafts"), self.tr("&Published"), self.tr("&Archived")):
            self.tabs.addTab(label)
        self.list = QListWidget(self)
        self.list.setObjectName("draftsList")
        self.list.setAccessibleName(self.tr("Posts, newest first"))
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text in (("open", self.tr("&Open")), ("duplicate", self.tr("D&uplicate as new")),
                           ("archive", self.tr("Arc&hive")), ("restore", self.tr("&Restore")),
                           ("delete", self.tr("De&lete")), ("close", self.tr("Close"))):
            button = QPushButton(text, self)
            button.setObjectName(f"draft_{name}")
            self.buttons[name] = button
            if name == "close":
                row.addStretch(1)
                button.clicked.connect(self.reject)
            else:
                button.clicked.connect(lambda _c=False, n=name: self.act(n))
            row.addWidget(button)
        self.buttons["open"].setDefault(True)
        col = QVBoxLayout(self)
        col.addWidget(self.tabs)
        col.addWidget(self.list, 1)
        col.addWidget(self.empty)
        col.addLayout(row)
        self.tabs.currentChanged.connect(lambda _i: self.reload())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self.act("open"))
        self.task = None
        self.loaded = False
        self.resize(720, 480)
        self._update_buttons()
        self.reload()

    @property
    def shelf(self) -> str:
        return self.SHELVES[self.tabs.currentIndex()]

    def reload(self) -> None:
        self.loaded = False
        self.list.clear()
        task = self.runner.submit(shelf_job, self.services, self.shelf, name="list drafts")
        task.finished.connect(self._show)
        task.failed.connect(self.empty.setText)
        self.list_task = task

    def _show(self, result) -> None:
        from composer.core.office import format_datetime

        rows, zone = result
        self.list.clear()
        untitled = self.tr("(untitled)")
        for info, actions in rows:
            when = format_datetime(info.updated_at, zone=zone)
            item = QListWidgetItem(f"{info.title or untitled}\n{when}", self.list)
            item.setData(INFO, (info, actions))
        if rows:
            self.list.setCurrentRow(0)
        self.empty.setText({DRAFT: self.tr("No drafts. A new draft starts with File ▸ New."),
                            PUBLISHED: self.tr("Nothing published yet."),
                            ARCHIVED: self.tr("Nothing archived.")}[self.shelf])
        self.empty.setVisible(not rows)
        self.loaded = True
        self._update_buttons()

    def current(self):
        item = self.list.currentItem()
        return item.data(INFO) if item is not None else None

    def _update_buttons(self) -> None:
        chosen = self.current()
        busy = self.task is not None and not self.task.is_done
        for name, button in self.buttons.items():
            if name == "close":
                continue
            allowed = chosen is not None and getattr(chosen[1], name)
            button.setEnabled(bool(allowed) and not busy)
            button.setVisible(name != "restore" or self.shelf == ARCHIVED)
        self.buttons["archive"].setVisible(self.shelf != ARCHIVED)

    def act(self, action: str) -> None:
        chosen = self.current()
        if chosen is None or not getattr(chosen[1], action):
            return
        info = chosen[0]
        if action == "delete":
            answer = QMessageBox.question(
                self, self.tr("Delete draft"),
                self.tr("Delete “{title}” and its saved versions? This cannot be undone.").format(
                    title=info.title or self.tr("(untitled)")))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.task = self.runner.submit(act_job, self.services, action, info.id, name="draft " + action)
        self.task.finished.connect(lambda result: self._done(action, result))
        self.task.failed.connect(self._failed)
        self._update_buttons()

    def _done(self, action: str, result) -> None:
        if action in ("open", "duplicate"):
            self.open_requested.emit(result)
            self.accept()
            return
        self.reload()

    def _failed(self, message: str) -> None:
        self.empty.setText(message)
        self.empty.setVisible(True)
        self._update_buttons()
