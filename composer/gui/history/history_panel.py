"""History: past posts, one row per post, each channel's status and link beneath it.
Read from the core's publish journal in the background."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

URL = Qt.ItemDataRole.UserRole


def load_history(ctx, services, limit: int = 300):
    entries = services.journal.history(limit=limit)
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
    return entries, titles


class HistoryPanel(QWidget):
    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("historyTree")
        self.tree.setColumnCount(3)
        self.tree.setAccessibleName(self.tr("Published posts"))
        self.tree.itemActivated.connect(self._open_link)
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

    def _show(self, result) -> None:
        entries, titles = result
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
                if e.url:
                    child.setData(2, URL, e.url)
                    child.setToolTip(2, self.tr("Enter or double-click opens the link"))
        self.tree.expandAll()
        for col in range(2):  # the link column takes the rest
            self.tree.resizeColumnToContents(col)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 300))
        self.empty.setVisible(not entries)
        self.tree.setVisible(bool(entries))

    def _open_link(self, item: QTreeWidgetItem, column: int) -> None:
        url = item.data(2, URL)
        if url:
            QDesktopServices.openUrl(QUrl(url))
