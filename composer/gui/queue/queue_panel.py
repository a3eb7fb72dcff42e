"""The Queue tab: the scheduled posts as a list or a calendar (week, month), per channel, with
their state (scheduled, due, missed, sending, published, failed); posts due within the hour are
marked. Open a post, change its time (or drag it to another day), send a missed one now, or take
it off the schedule: each is one call of the core's queue service, on a worker."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.core.office import format_date, format_datetime, format_month, zone_of
from composer.core.queue import Sent
from composer.gui.queue.calendar_view import COLOURS, NOTE_COLOURS, CalendarView, mark_of
from composer.gui.queue.schedule_field import ScheduleField

KEY = Qt.ItemDataRole.UserRole


def load_queue(ctx, services):
    """On a worker: the queue, the office's zone, the clock, and the sensitive days (the
    governance calendar's notes) a year either side of today and wherever a post is due."""
    from composer.core.checks.gov import day_notes
    from composer.core.office import zone_of

    items, zone, now = services.queue.items(), services.office().zone, services.queue.clock()
    days = [i.at.astimezone(zone_of(zone)).date() for i in items]
    today = now.astimezone(zone_of(zone)).date()
    first = min([today - timedelta(days=366), *days])
    last = max([today + timedelta(days=366), *days])
    return items, zone, now, day_notes(first, last)


def reschedule_job(ctx, services, post_id: str, account: str, when: datetime):
    return services.queue.reschedule(post_id, account, when)


def unschedule_job(ctx, services, post_id: str, account: str):
    return services.queue.unschedule(post_id, account)


def send_now_job(ctx, services, post_id: str, account: str):
    return services.queue.send_now(post_id, account)


def open_post_job(ctx, services, post_id: str):
    return services.queue.post(post_id)


class QueuePanel(QWidget):
    open_requested = Signal(object)  # the Post, as scheduled
    changed = Signal()  # the queue changed (moved, cancelled, sent)

    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.items: list = []
        self.notes: dict = {}  # date -> the rule book's notes on that sensitive day
        self.zone = "WIB"
        self.task = None
        self.action_task = None
        self.selected: tuple[str, str] | None = None

        self.view_buttons = QButtonGroup(self)
        bar = QHBoxLayout()
        self.mode_buttons = {}
        for mode in ("list", "week", "month"):
            button = QToolButton(self)
            button.setObjectName(f"queueMode-{mode}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            self.view_buttons.addButton(button)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.mode_buttons[mode] = button
            bar.addWidget(button)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("◀")
        self.today_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.period = QLabel(self)
        self.period.setObjectName("queuePeriod")
        for w in (self.prev_button, self.today_button, self.next_button, self.period):
            bar.addWidget(w)
        bar.addStretch(1)
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(+1))
        self.today_button.clicked.connect(self._today)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("queueList")
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(lambda item: self.open_post(item.data(0, KEY)))
        self.tree.currentItemChanged.connect(
            lambda item, _old: self._select(item.data(0, KEY) if item is not None else None))
        self.calendar = CalendarView(self)
        self.calendar.activated.connect(self.open_post)
        self.calendar.selected.connect(self._select)
        self.calendar.move_requested.connect(self.move_to_day)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.tree)
        self.pages.addWidget(self.calendar)

        self.empty = QLabel(self)
        self.empty.setObjectName("queueEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.soon = QLabel(self)  # how many go out within the hour
        self.soon.setObjectName("queueSoon")
        self.status = QLabel(self)  # what the officer's last action came to
        self.status.setObjectName("queueStatus")
        self.status.setWordWrap(True)
        self.status.hide()  # shown with the result of an action

        self.open_button = QPushButton(self)
        self.open_button.setObjectName("queueOpen")
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("queueMove")
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("queueSendNow")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("queueUnschedule")
        buttons = QHBoxLayout()
        for b in (self.open_button, self.move_button, self.send_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.open_button.clicked.connect(lambda: self.selected and self.open_post(self.selected))
        self.move_button.clicked.connect(self.ask_new_time)
        self.send_button.clicked.connect(self.send_now)
        self.remove_button.clicked.connect(self.unschedule)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.soon)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.mode = "list"
        self.mode_buttons["list"].setChecked(True)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.mode_buttons["list"].setText(self.tr("&List"))
        self.mode_buttons["week"].setText(self.tr("&Week"))
        self.mode_buttons["month"].setText(self.tr("&Month"))
        self.today_button.setText(self.tr("Today"))
        self.prev_button.setToolTip(self.tr("Earlier"))
        self.next_button.setToolTip(self.tr("Later"))
        # the title last: on a narrow screen it is what may be cut, not the state
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("State"), self.tr("Account"),
                                   self.tr("Sent by"), self.tr("Post")])
        self.tree.setAccessibleName(self.tr("Scheduled posts"))
        self.empty.setText(self.tr("Nothing is scheduled. Tick \"Schedule for\" in the publish "
                                   "dialog (Ctrl+Enter) to put a post in the queue."))
        self.open_button.setText(self.tr("&Open"))
        self.move_button.setText(self.tr("&Change time…"))
        self.send_button.setText(self.tr("Send &now"))
        self.remove_button.setText(self.tr("&Unschedule"))

    def state_words(self) -> dict[str, str]:
        return {"scheduled": self.tr("scheduled"), "due": self.tr("due"),
                "missed": self.tr("missed"), "sending": self.tr("sending"),
                "published": self.tr("published"), "failed": self.tr("failed")}

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.task is not None and not self.task.is_done:
            return
        self.task = self.runner.submit(load_queue, self.services, name="queue")
        self.task.finished.connect(self._show)
        self.task.failed.connect(self.say)

    def _show(self, result) -> None:
        self.items, self.zone, now, self.notes = result
        self.tree.clear()
        words = self.state_words()
        for item in self.items:
            when = format_datetime(item.at, zone=self.zone)
            row = QTreeWidgetItem([("⏰ " if item.soon else "") + when,
                                   words.get(item.state, item.state),
                                   f"{item.account} ({item.channel})",
                                   item.channel if item.mode == "native" else "Siaran",
                                   item.title])
            row.setData(0, KEY, (item.post_id, item.account))
            tip = item.reason or (self.tr("Held by {channel} until its time").format(
                channel=item.channel) if item.mode == "native" else
                self.tr("Siaran sends it at its time"))
            notes = self.notes.get(item.at.astimezone(zone_of(self.zone)).date(), [])
            if notes:  # a sensitive day: marked, its note in the tooltip
                row.setText(0, mark_of(notes) + " " + row.text(0))
                tip = "\n".join([n.message for n in notes] + [tip])
                row.setBackground(0, QBrush(QColor(NOTE_COLOURS[notes[0].severity])))
            for column in range(5):
                row.setToolTip(column, tip)
            if item.state in COLOURS:
                row.setForeground(1, QBrush(QColor(COLOURS[item.state])))
            if item.soon:
                font = row.font(0)
                font.setBold(True)
                for column in range(5):
                    row.setFont(column, font)
            self.tree.addTopLevelItem(row)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self.calendar.show_items(self.items, self.zone, now, words, self.notes)
        soon = sum(1 for i in self.items if i.soon)
        self.soon.setText(self.tr("%n post(s) due within the hour (⏰).", "", soon) if soon else "")
        if self.selected is not None:
            self._reselect(self.selected)
        self._update()

    def _reselect(self, key) -> None:
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).data(0, KEY) == tuple(key):
                self.tree.setCurrentItem(self.tree.topLevelItem(i))
        self.calendar.select(key)

    # -- views ---------------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        if mode == "list":
            self.pages.setCurrentWidget(self.tree)
        else:
            self.calendar.set_mode(mode)
            self.pages.setCurrentWidget(self.calendar)
        self._update()

    def _step(self, direction: int) -> None:
        self.calendar.step(direction)
        self._update()

    def _today(self) -> None:
        self.calendar.today()
        self._update()

    def _update(self) -> None:
        calendar = self.mode != "list"
        for w in (self.prev_button, self.today_button, self.next_button, self.period):
            w.setVisible(calendar)
        if calendar:
            start, end = self.calendar.span()
            last = end - timedelta(days=1)
            self.period.setText(format_month(self.calendar.anchor) if self.mode == "month" else
                                f"{format_date(start)} – {format_date(last)}")
        self.empty.setVisible(not self.items and self.mode == "list")
        item = self.item_of(self.selected)
        state = item.state if item is not None else ""
        self.open_button.setEnabled(item is not None)
        self.move_button.setEnabled(state in ("scheduled", "missed", "failed", "due"))
        self.send_button.setEnabled(item is not None and item.mode == "local"
                                    and state in ("missed", "failed", "due"))
        self.remove_button.setEnabled(state in ("scheduled", "missed", "failed", "due"))

    def _select(self, key) -> None:
        self.selected = tuple(key) if key else None
        self._update()

    def item_of(self, key):
        return next((i for i in self.items if key and (i.post_id, i.account) == tuple(key)), None)

    # -- what the officer does -----------------------------------------------------------------

    def open_post(self, key) -> None:
        if not key:
            return
        task = self.action_task = self.runner.submit(open_post_job, self.services, key[0],
                                                     name="open scheduled")
        task.finished.connect(self.open_requested)
        task.failed.connect(self.say)

    def ask_new_time(self) -> None:
        item = self.item_of(self.selected)
        if item is None:
            return
        dialog = QDialog(self)
        dialog.setObjectName("changeTimeDialog")
        dialog.setWindowTitle(self.tr("Change the time"))
        field = ScheduleField(self.zone, item.at, optional=False, parent=dialog)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        col = QVBoxLayout(dialog)
        col.addWidget(QLabel(f"{item.title} — {item.account}", dialog))
        col.addWidget(field)
        col.addWidget(box)
        self.time_dialog = dialog
        dialog.accepted.connect(lambda: self.move_post(item.post_id, item.account, field.value()))
        dialog.open()

    def move_to_day(self, key, day: date) -> None:
        """A post dragged to another day in the calendar: the same hour, that day."""
        item = self.item_of(key)
        if item is None:
            return
        tz = zone_of(self.zone)
        local = item.at.astimezone(tz)
        when = datetime.combine(day, time(local.hour, local.minute), tzinfo=tz)
        self.move_post(item.post_id, item.account, when)

    def move_post(self, post_id: str, account: str, when: datetime | None) -> None:
        if when is None:
            return
        self._act(reschedule_job, post_id, account, when.astimezone(UTC),
                  done=self.tr("Moved to {time}.").format(time=format_datetime(when, zone=self.zone)))

    def send_now(self) -> None:
        if self.selected:
            self._act(send_now_job, *self.selected, done=self.tr("Sent."))

    def unschedule(self) -> None:
        if self.selected:
            self._act(unschedule_job, *self.selected, done=self.tr("Taken off the schedule."))

    def say(self, message: str) -> None:
        self.status.setText(message)
        self.status.setVisible(bool(message))

    def _act(self, job, *args, done: str) -> None:
        if self.action_task is not None and not self.action_task.is_done:
            return
        task = self.action_task = self.runner.submit(job, self.services, *args, name=job.__name__)
        task.finished.connect(lambda result: self._acted(_said(result) or done))
        task.failed.connect(self._act_failed)

    def _acted(self, message: str) -> None:
        self.say(message)
        self.changed.emit()
        self.refresh()

    def _act_failed(self, message: str) -> None:
        self.say(message)
        self.refresh()


def _said(result) -> str:
    """A send that did not go out says why (send now); everything else says ``done``."""
    failed = [s for s in (result or []) if isinstance(s, Sent) and not s.ok]
    return "; ".join(f"{s.account}: {s.reason}" for s in failed)
