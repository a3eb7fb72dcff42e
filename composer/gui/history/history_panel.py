"""History: past posts, one row per post, each channel's status and link beneath it, and every
version of it there (published v1, updated v2, replaced ...). Read from the core's publish
journal in the background; a channel's context menu unpublishes where the platform allows,
through the same engine call as `siaran unpublish`."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

URL = Qt.ItemDataRole.UserRole
ROW = Qt.ItemDataRole.UserRole + 1  # the HistoryRow of a channel's item


@dataclass(frozen=True)
class HistoryRow:
    """What a channel's line needs, read on the worker: the journal row, its versions, and
    whether Siaran may delete it there (the engine's rule, asked once here)."""

    entry: object
    versions: tuple
    can_unpublish: bool


def unpublish_job(ctx, services, post_id: str, account: str):
    """Runs on a worker: the engine deletes it (retries, journal), as `siaran unpublish`."""
    return services.engine.unpublish(post_id, account)


def load_history(ctx, services, limit: int = 300):
    entries = services.journal.history(limit=limit)
    engine = services.engine
    rows = {e.id: HistoryRow(e, tuple(services.journal.versions(e.id)), engine.can_unpublish(e))
            for e in entries}
    titles = {}
    store = services.store
    for e in entries:
        if e.post_id not in titles:
            text = (e.snapshot or {}).get("title") or (e.snapshot or {}).get("text") or ""
            if not text:
                try:
                    text = store.load_draft(e.post_id).text
                except Exception:
                    text = ""
            titles[e.post_id] = (text.strip().splitlines() or [""])[0][:90]
    return entries, titles, rows


class HistoryPanel(QWidget):
    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("historyTree")
        self.tree.setColumnCount(3)
        self.tree.setAccessibleName(self.tr("Published posts"))
        self.tree.itemActivated.connect(self._open_link)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self._unpublishing = None
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        self._task = None
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Post / channel"), self.tr("Status"), self.tr("Link or reason")])
        self.empty.setText(self.tr("Nothing published yet. Published posts appear here with a link per channel."))

    def refresh(self) -> None:
        if self._task is not None and not self._task.is_done:
            return
        self._task = self.runner.submit(load_history, self.services, name="history")
        self._task.finished.connect(self._show)
        self._task.failed.connect(self.empty.setText)

    def state_label(self, state: str) -> str:
        return {
            "pending": self.tr("waiting"),
            "media_uploaded": self.tr("images uploaded"),
            "posted": self.tr("published"),
            "failed": self.tr("failed"),
            "unknown": self.tr("unknown: check the channel"),
            "cancelled": self.tr("cancelled"),
            "deleted": self.tr("deleted"),
            "manual": self.tr("posted by hand"),
        }.get(str(state), str(state))

    def version_label(self, action: str, version: int, when: str) -> str:
        return {
            "published": self.tr("published v{n} at {when}"),
            "updated": self.tr("updated v{n} at {when}"),
            "replaced": self.tr("replaced by v{n} at {when}"),
            "as_new": self.tr("posted as new v{n} at {when}"),
            "deleted": self.tr("deleted v{n} at {when}"),
        }.get(action, action + " v{n} {when}").format(n=version, when=when)

    def _show(self, result) -> None:
        entries, titles, history_rows = result
        self.tree.clear()
        posts: OrderedDict[str, list] = OrderedDict()
        for e in entries:
            posts.setdefault(e.post_id, []).append(e)
        for post_id, rows in posts.items():
            done = sum(1 for e in rows if e.done)
            when = max(e.updated_at for e in rows)[:16].replace("T", " ")
            top = QTreeWidgetItem(self.tree, [titles.get(post_id) or post_id,
                                              self.tr("{done} of {total} published").format(done=done, total=len(rows)),
                                              when])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for e in rows:
                detail = (self.tr("Sent by hand by {name}").format(name=e.sent_by) if e.sent_by
                          else e.url or e.reason or "")
                child = QTreeWidgetItem(top, [e.account, self.state_label(e.state), detail])
                child.setToolTip(2, detail)
                child.setData(0, ROW, history_rows.get(e.id))
                if e.url:
                    child.setData(2, URL, e.url)
                    child.setToolTip(2, self.tr("Enter or double-click opens the link"))
                versions = history_rows[e.id].versions if e.id in history_rows else ()
                if len(versions) > 1:  # corrected: every version, oldest first
                    for v in versions:
                        when = v.at[:16].replace("T", " ")
                        item = QTreeWidgetItem(child, ["", self.version_label(
                            v.action, v.version, when), v.url or v.remote_id or ""])
                        if v.url:
                            item.setData(2, URL, v.url)
        self.tree.expandAll()
        for col in range(2):  # the link column takes the rest
            self.tree.resizeColumnToContents(col)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 300))
        self.empty.setVisible(not entries)
        self.tree.setVisible(bool(entries))

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        row = item.data(0, ROW) if item is not None else None
        if row is None:
            return
        menu = QMenu(self.tree)
        menu.setObjectName("historyMenu")
        if row.entry.url:
            menu.addAction(self.tr("Open link"), lambda: QDesktopServices.openUrl(
                QUrl(row.entry.url)))
        action = menu.addAction(self.tr("Unpublish (delete it there)"),
                                lambda: self.unpublish(row.entry.post_id, row.entry.account))
        action.setObjectName("unpublishAction")
        action.setEnabled(row.can_unpublish and self._unpublishing is None)
        if not row.can_unpublish and row.entry.state == "posted":
            action.setToolTip(self.tr("This channel does not let Siaran delete posts; delete it "
                                      "there"))
        self.menu = menu  # kept for tests and so it is not collected while open
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def unpublish(self, post_id: str, account: str) -> None:
        """Delete the post on its channel (off the GUI thread), then reload the history."""
        if self._unpublishing is not None:
            return
        task = self.runner.submit(unpublish_job, self.services, post_id, account,
                                  name="unpublish")
        self._unpublishing = task
        task.finished.connect(lambda _outcome: self._unpublished())
        task.failed.connect(self._unpublish_failed)

    def _unpublished(self) -> None:
        self._unpublishing = None
        self.refresh()

    def _unpublish_failed(self, message: str) -> None:
        self._unpublishing = None
        self.empty.setText(message)
        self.empty.setVisible(True)

    def _open_link(self, item: QTreeWidgetItem, column: int) -> None:
        url = item.data(2, URL)
        if url:
            QDesktopServices.openUrl(QUrl(url))
