"""The calendar of the queue: a week (seven tall days) or a month (six weeks), each day a list
of its posts ("09.00 Bluesky — Rapat siaga"); a sensitive day of the governance calendar is
marked (⛔ hold, ⚠ warn, ℹ hint) with the rule book's note as its tooltip. Dragging a post onto another day moves it there at
the same hour; the move itself is the core's (the panel asks the queue service)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.core.adapters import Severity
from composer.core.office import format_time, format_weekday, zone_of

KEY = Qt.ItemDataRole.UserRole  # (post id, account)
COLOURS = {"missed": "#b26a00", "failed": "#c62828", "published": "#2e7d32", "due": "#1565c0"}
# the sensitive days' marks: the strongest note of the day decides
MARKS = {Severity.BLOCK: "⛔", Severity.WARN: "⚠", Severity.INFO: "ℹ"}
NOTE_COLOURS = {Severity.BLOCK: "#f8d7da", Severity.WARN: "#fff3cd", Severity.INFO: "#e3f2fd"}


def mark_of(notes) -> str:
    """The mark of a day's notes (strongest first, as composer.core.checks.gov gives them)."""
    return MARKS[notes[0].severity]


class DayList(QListWidget):
    """One day's posts; a post dropped here from another day asks to move to this day."""

    dropped = Signal(object, object)  # (post id, account), date

    def __init__(self, day: date, parent=None):
        super().__init__(parent)
        self.day = day
        self.setObjectName(f"day-{day.isoformat()}")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def dropEvent(self, event) -> None:
        source = event.source()
        item = source.currentItem() if isinstance(source, DayList) else None
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the refresh shows where it went
        event.accept()
        if item is not None and source is not self:
            self.dropped.emit(item.data(KEY), self.day)


class CalendarView(QWidget):
    activated = Signal(object)  # (post id, account)
    selected = Signal(object)  # (post id, account) or None
    move_requested = Signal(object, object)  # (post id, account), date

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("queueCalendar")
        self.mode = "week"
        self.anchor = date.today()
        self.items: list = []
        self.zone = "WIB"
        self.now: datetime | None = None
        self.words: dict[str, str] = {}  # the states in the window's language
        self.notes: dict = {}  # date -> the rule book's notes on that sensitive day
        self.days: dict[date, DayList] = {}
        self.grid = QGridLayout(self)
        self.grid.setSpacing(2)
        self.grid.setContentsMargins(0, 0, 0, 0)

    # -- what is shown -------------------------------------------------------------------------

    def first_day(self) -> date:
        if self.mode == "week":
            return self.anchor - timedelta(days=self.anchor.weekday())  # Monday
        first = self.anchor.replace(day=1)
        return first - timedelta(days=first.weekday())

    def span(self) -> tuple[date, date]:
        """The days shown: [start, end)."""
        start = self.first_day()
        return start, start + timedelta(days=7 if self.mode == "week" else 42)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self._build()

    def step(self, direction: int) -> None:
        if self.mode == "week":
            self.anchor += timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self._build()

    def today(self) -> None:
        self.anchor = date.today()
        self._build()

    def show_items(self, items, zone: str, now: datetime, words: dict[str, str],
                   notes: dict | None = None) -> None:
        self.items, self.zone, self.now, self.words = list(items), zone, now, words
        self.notes = notes or {}
        self._build()

    def _build(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # gone at once; deleted when the event loop comes round
                widget.deleteLater()
        self.days = {}
        start, end = self.span()
        tz = zone_of(self.zone)
        for i in range(7):
            name = QLabel(self._weekday(start + timedelta(days=i)), self)
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(name, 0, i)
        day = start
        while day < end:
            index = (day - start).days
            cell = QFrame(self)
            cell.setFrameShape(QFrame.Shape.StyledPanel)
            col = QVBoxLayout(cell)
            col.setContentsMargins(2, 2, 2, 2)
            col.setSpacing(0)
            label = QLabel(str(day.day), cell)
            font = label.font()
            font.setBold(day == date.today())
            label.setFont(font)
            if self.mode == "month" and day.month != self.anchor.month:
                label.setEnabled(False)
            notes = self.notes.get(day)
            if notes:
                label.setText(f"{day.day} {mark_of(notes)}")
                cell.setToolTip("\n".join(n.message for n in notes))
                cell.setStyleSheet(f"QFrame {{ background: {NOTE_COLOURS[notes[0].severity]}; }}")
                label.setAccessibleName(f"{day.day}: " + "; ".join(n.message for n in notes))
            col.addWidget(label)
            lst = DayList(day, cell)
            lst.setWordWrap(self.mode == "week")
            # six weeks must fit a 768-pixel screen: a day's list may shrink and scroll
            lst.setMinimumHeight(20)
            lst.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
            lst.dropped.connect(self.move_requested)
            lst.itemActivated.connect(lambda item: self.activated.emit(item.data(KEY)))
            lst.currentItemChanged.connect(lambda item, _old: self.selected.emit(
                item.data(KEY) if item is not None else None))
            col.addWidget(lst, 1)
            self.days[day] = lst
            self.grid.addWidget(cell, 1 + index // 7, index % 7)
            day += timedelta(days=1)
        for item in self.items:
            local = item.at.astimezone(tz).date()
            if local in self.days:
                self._add(self.days[local], item)

    def _add(self, lst: DayList, item) -> None:
        clock = format_time(item.at, zone=self.zone).rsplit(" ", 1)[0]  # the zone is above
        # a month's day is small: the hour and the title; the tooltip tells the rest
        text = (f"{clock} {item.title}" if self.mode == "month"
                else f"{clock} {item.account} — {item.title}")
        if item.soon:
            text = "⏰ " + text
        entry = QListWidgetItem(text, lst)
        entry.setData(KEY, (item.post_id, item.account))
        entry.setToolTip(f"{format_time(item.at, zone=self.zone)} · {item.title}\n"
                         f"{item.account} ({item.channel}) · {self.words.get(item.state, item.state)}")
        if item.state in COLOURS:
            entry.setForeground(QBrush(QColor(COLOURS[item.state])))
        if item.soon:
            font = entry.font()
            font.setBold(True)
            entry.setFont(font)

    def _weekday(self, day: date) -> str:
        return format_weekday(day)

    def select(self, key) -> bool:
        for lst in self.days.values():
            for row in range(lst.count()):
                if lst.item(row).data(KEY) == tuple(key):
                    lst.setCurrentRow(row)
                    return True
        return False
