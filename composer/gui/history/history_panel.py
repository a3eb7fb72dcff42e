"""History: past posts, one row per post, each channel's status and link beneath it, and every
version of it there (published v1, updated v2, replaced ...). Search and filters (channel,
status, days, text) are the core's journal query (composer.core.history.query_for), the same
as `siaran history`'s flags; the monthly report is the core's too (composer.core.report), as
`siaran report`. A channel's context menu offers what the core allows for that row
(composer.core.history.row_actions): open or copy the link, update, unpublish (the same engine
call as `siaran unpublish`), publish again (through the publish dialog, as the main window's
publishing controller does it)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from composer.core.history import RowActions
    from composer.core.journal import Entry, Version

URL = Qt.ItemDataRole.UserRole
ROW = Qt.ItemDataRole.UserRole + 1  # the HistoryRow of a channel's item
NO_DAY = QDate(2000, 1, 1)  # a date field at its minimum means "no bound" (shown as "—")


@dataclass(frozen=True)
class HistoryRow:
    """What a channel's line needs, read on the worker: the journal row, its versions, and
    what the officer may do with it (the core's rule, asked once here)."""

    entry: Entry
    versions: tuple[Version, ...]
    actions: RowActions

    @property
    def can_unpublish(self) -> bool:
        return self.actions.unpublish


@dataclass(frozen=True)
class Filters:
    channel: str = ""
    status: str = ""
    first_day: date | None = None
    last_day: date | None = None
    text: str = ""


def unpublish_job(ctx, services, post_id: str, account: str):
    """Runs on a worker: the engine deletes it (retries, journal), as `siaran unpublish`."""
    return services.engine.unpublish(post_id, account)


def load_history(ctx, services, filters: Filters = Filters(), limit: int = 300):
    from composer.core.history import query_for, row_actions

    office = services.office()
    query = query_for(channel=filters.channel, status=filters.status,
                      first_day=filters.first_day, last_day=filters.last_day,
                      text=filters.text, zone=office.zone, limit=limit)
    entries = services.journal.search(query)
    engine = services.engine
    rows = {e.id: HistoryRow(e, tuple(services.journal.versions(e.id)),
                             row_actions(e, engine.can_unpublish(e))) for e in entries}
    titles = {e.post_id: e.title for e in entries}
    names = services.channel_names()
    accounts = [(name, names.get(platform, platform)) for name, platform in sorted(
        set(services.journal.accounts()) | {(a.name, a.platform) for a in services.list_accounts()})]
    return entries, titles, rows, accounts, office.zone


def report_job(ctx, services, month: str, path: str):
    """Runs on a worker: the same report as `siaran report --month M --out PATH`."""
    from pathlib import Path

    from composer.core.report import build_report, save_report

    report = build_report(services.journal, services.office(), month, services.channel_names(),
                          services.approvals.approvals_before)
    return save_report(report, Path(path)), len(report.rows)


class HistoryPanel(QWidget):
    # (post id, account, the correction to ask for or None): update or publish again, which the
    # main window's publishing controller does through the publish dialog
    publish_requested = Signal(str, str, object)
    notice = Signal(str)

    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setClearButtonEnabled(True)
        self.channel = QComboBox(self)
        self.channel.setObjectName("historyChannel")
        self.status = QComboBox(self)
        self.status.setObjectName("historyStatus")
        self.first_day = self._date_field("historyFrom")
        self.last_day = self._date_field("historyUntil")
        self.from_label, self.until_label = QLabel(self), QLabel(self)
        self.from_label.setBuddy(self.first_day)
        self.until_label.setBuddy(self.last_day)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("historyClearFilters")
        self.clear_button.clicked.connect(self.clear_filters)
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("historyReport")
        self.report_button.clicked.connect(self.ask_report)
        filters = QGridLayout()
        filters.setContentsMargins(6, 6, 6, 0)
        filters.addWidget(self.search, 0, 0, 1, 3)
        filters.addWidget(self.channel, 0, 3, 1, 2)
        filters.addWidget(self.status, 0, 5, 1, 2)
        filters.addWidget(self.from_label, 1, 0)
        filters.addWidget(self.first_day, 1, 1)
        filters.addWidget(self.until_label, 1, 2)
        filters.addWidget(self.last_day, 1, 3)
        filters.addWidget(self.clear_button, 1, 4)
        filters.setColumnStretch(5, 1)
        filters.addWidget(self.report_button, 1, 6)

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
        layout.addLayout(filters)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        self._task = None
        self._again = False  # filters changed while a load was running
        self.report_task = None
        self.report_dialog = None
        self.last_report = None  # (path, rows) of the last report saved
        self._typing = QTimer(self, singleShot=True, interval=250)
        self._typing.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.channel.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.first_day.dateChanged.connect(lambda _d: self.refresh())
        self.last_day.dateChanged.connect(lambda _d: self.refresh())
        self._accounts: list[tuple[str, str]] = []
        self.retranslate()

    def _date_field(self, name: str) -> QDateEdit:
        field = QDateEdit(self)
        field.setObjectName(name)
        field.setCalendarPopup(True)
        field.setDisplayFormat("yyyy-MM-dd")
        field.setMinimumDate(NO_DAY)
        field.setSpecialValueText("—")
        field.setDate(NO_DAY)
        return field

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Post / channel"), self.tr("Status"), self.tr("Link or reason")])
        self.empty.setText(self.tr("Nothing published yet. Published posts appear here with a link per channel."))
        self.search.setPlaceholderText(self.tr("Search title, text or link…"))
        self.search.setAccessibleName(self.tr("Search the history"))
        self.from_label.setText(self.tr("&From"))
        self.until_label.setText(self.tr("&Until"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.report_button.setText(self.tr("Monthly &report…"))
        self.report_button.setToolTip(self.tr("Save the month's posts per channel as a "
                                              "spreadsheet (.xlsx) or .csv"))
        self.channel.setAccessibleName(self.tr("Channel"))
        self.status.setAccessibleName(self.tr("Status"))
        self._fill_status()
        self._fill_channels()

    def _fill_status(self) -> None:
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        for key, label in (("", self.tr("Every status")), ("published", self.tr("Published")),
                           ("failed", self.tr("Failed")), ("deleted", self.tr("Deleted")),
                           ("unfinished", self.tr("Not finished"))):
            self.status.addItem(label, key)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.status.blockSignals(False)

    def _fill_channels(self) -> None:
        current = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("Every channel"), "")
        for name, channel in self._accounts:
            self.channel.addItem(name if name.casefold() == channel.casefold()
                                 else f"{name} ({channel})", name)
        self.channel.setCurrentIndex(max(0, self.channel.findData(current)))
        self.channel.blockSignals(False)

    # -- loading --------------------------------------------------------------------------

    def filters(self) -> Filters:
        def day(field: QDateEdit):
            return None if field.date() == NO_DAY else field.date().toPython()
        return Filters(channel=self.channel.currentData() or "",
                       status=self.status.currentData() or "", first_day=day(self.first_day),
                       last_day=day(self.last_day), text=self.search.text())

    def filtered(self) -> bool:
        return self.filters() != Filters()

    def clear_filters(self) -> None:
        for widget in (self.search, self.channel, self.status, self.first_day, self.last_day):
            widget.blockSignals(True)
        self.search.clear()
        self.channel.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.first_day.setDate(NO_DAY)
        self.last_day.setDate(NO_DAY)
        for widget in (self.search, self.channel, self.status, self.first_day, self.last_day):
            widget.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        if self._task is not None and not self._task.is_done:
            self._again = True  # load again with the newest filters once this one is in
            return
        self._again = False
        self._task = self.runner.submit(load_history, self.services, self.filters(),
                                        name="history")
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
        from datetime import datetime

        from composer.core.office import format_datetime

        if self._again:
            self.refresh()
            return
        entries, titles, history_rows, accounts, zone = result
        if accounts != self._accounts:
            self._accounts = accounts
            self._fill_channels()

        def when_of(text: str) -> str:
            return format_datetime(datetime.fromisoformat(text), zone=zone)

        self.tree.clear()
        posts: OrderedDict[str, list] = OrderedDict()
        for e in entries:
            posts.setdefault(e.post_id, []).append(e)
        for post_id, rows in posts.items():
            done = sum(1 for e in rows if e.done)
            top = QTreeWidgetItem(self.tree, [titles.get(post_id) or post_id,
                                              self.tr("{done} of {total} published").format(done=done, total=len(rows)),
                                              when_of(max(e.when for e in rows))])
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
                        item = QTreeWidgetItem(child, ["", self.version_label(
                            v.action, v.version, when_of(v.at)), v.url or v.remote_id or ""])
                        if v.url:
                            item.setData(2, URL, v.url)
        self.tree.expandAll()
        for col in range(2):  # the link column takes the rest
            self.tree.resizeColumnToContents(col)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 300))
        if not entries and self.filtered():
            self.empty.setText(self.tr("Nothing matches these filters."))
        elif not entries:
            self.empty.setText(self.tr("Nothing published yet. Published posts appear here "
                                       "with a link per channel."))
        self.empty.setVisible(not entries)
        self.tree.setVisible(bool(entries))

    # -- a channel's context menu ----------------------------------------------------------

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        row = item.data(0, ROW) if item is not None else None
        if row is None:
            return
        self.menu_for(row).popup(self.tree.viewport().mapToGlobal(pos))

    def menu_for(self, row: HistoryRow) -> QMenu:
        entry, allowed = row.entry, row.actions
        menu = QMenu(self.tree)
        menu.setObjectName("historyMenu")

        def add(name: str, text: str, slot, enabled: bool):
            action = menu.addAction(text, slot)
            action.setObjectName(name)
            action.setEnabled(enabled)
            return action

        add("openLinkAction", self.tr("Open link"),
            lambda: QDesktopServices.openUrl(QUrl(entry.url or "")), allowed.open_link)
        add("copyLinkAction", self.tr("Copy link"), lambda: self.copy_link(entry.url or ""),
            allowed.open_link)
        menu.addSeparator()
        add("updateAction", self.tr("Update…"),
            lambda: self.publish_requested.emit(entry.post_id, entry.account, None),
            allowed.update)
        add("publishAgainAction", self.tr("Publish again…"),
            lambda: self.publish_requested.emit(entry.post_id, entry.account,
                                                allowed.again_choice), allowed.publish_again)
        action = add("unpublishAction", self.tr("Unpublish (delete it there)"),
                     lambda: self.unpublish(entry.post_id, entry.account),
                     allowed.unpublish and self._unpublishing is None)
        if not allowed.unpublish and entry.state == "posted":
            action.setToolTip(self.tr("This channel does not let Siaran delete posts; delete it "
                                      "there"))
        menu.setToolTipsVisible(True)
        self.menu = menu  # kept for tests and so it is not collected while open
        return menu

    def copy_link(self, url: str) -> None:
        QGuiApplication.clipboard().setText(url)
        self.notice.emit(self.tr("Link copied"))

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

    # -- the monthly report ----------------------------------------------------------------

    def ask_report(self) -> None:
        """Which month, then where to save it (the same report as `siaran report`)."""
        from composer.gui.history.report_dialog import ReportDialog

        dialog = ReportDialog(self)
        dialog.chosen.connect(self.save_report)
        self.report_dialog = dialog
        dialog.open()

    def save_report(self, month: str, path: str) -> None:
        if self.report_task is not None and not self.report_task.is_done:
            return
        task = self.report_task = self.runner.submit(report_job, self.services, month, path,
                                                     name="report")
        task.finished.connect(self._report_saved)
        task.failed.connect(self.notice)

    def _report_saved(self, result) -> None:
        path, count = result
        self.last_report = (path, count)
        self.notice.emit(self.tr("Report saved: %n row(s) in {path}", "", count).format(
            path=path))
