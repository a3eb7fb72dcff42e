"""The date-and-time field of a schedule, in the office's time zone, the zone always shown next
to it ("24/12/2026 09:00  WIB"), and under it what the rule book says about that day (a
holiday, a mourning day; a hold day is refused, with its reason). What the field means (an
aware datetime) is the core's composer.core.office, the day's note composer.core.checks.gov;
the field only shows and asks."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from composer.core.adapters import Severity
from composer.core.checks.gov import day_notes
from composer.core.office import zone_of


def to_qt(moment: datetime, zone: str) -> QDateTime:
    """The wall-clock time of ``moment`` in the office's zone (Qt's own zone is not used)."""
    local = moment.astimezone(zone_of(zone))
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute))


def from_qt(value: QDateTime, zone: str) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=zone_of(zone))


class ScheduleField(QWidget):
    """``optional``: a "Schedule for" tick box in front (unticked: publish now)."""

    changed = Signal()

    def __init__(self, zone: str, when: datetime | None = None, *, optional: bool = True,
                 parent=None):
        super().__init__(parent)
        self.zone = zone
        self.setObjectName("scheduleField")
        self.check = QCheckBox(self.tr("Schedule &for"), self)
        self.check.setObjectName("scheduleCheck")
        self.check.setVisible(optional)
        self.edit = QDateTimeEdit(self)
        self.edit.setObjectName("scheduleTime")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.zone_label = QLabel(zone, self)
        self.zone_label.setObjectName("scheduleZone")
        font = self.zone_label.font()
        font.setBold(True)
        self.zone_label.setFont(font)
        self.edit.setAccessibleName(self.tr("Date and time in {zone}").format(zone=zone))
        self.zone_label.setToolTip(self.tr("The office's time zone (set in the office profile)"))
        self.note = QLabel(self)
        self.note.setObjectName("scheduleDateNote")
        self.note.setWordWrap(True)
        self.note.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addWidget(self.zone_label)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.note)
        default = when or (datetime.now().astimezone() + timedelta(hours=1)).replace(
            minute=0, second=0, microsecond=0)
        self.edit.setDateTime(to_qt(default, zone))
        self.check.setChecked(when is not None or not optional)
        self.edit.setEnabled(self.check.isChecked())
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateTimeChanged.connect(self.changed)
        self.changed.connect(self.show_date_note)
        self.show_date_note()

    def show_date_note(self) -> None:
        """The chosen day's note from the governance calendar, as the rule book words it."""
        when = self.value()
        if when is None:
            self.note.hide()
            return
        notes = day_notes(when.date(), when.date()).get(when.date(), [])
        lines = [("⛔ " + self.tr("Scheduling into this day is refused: {reason}").format(
                     reason=n.message)) if n.severity == Severity.BLOCK else
                 ("⚠ " if n.severity == Severity.WARN else "ℹ ") + n.message for n in notes]
        self.note.setText("\n".join(lines))
        self.note.setVisible(bool(lines))

    @property
    def scheduled(self) -> bool:
        return self.check.isChecked()

    def value(self) -> datetime | None:
        """The chosen time (aware, in the office's zone), or None to publish now."""
        return from_qt(self.edit.dateTime(), self.zone) if self.scheduled else None

    def set_value(self, when: datetime) -> None:
        self.edit.setDateTime(to_qt(when, self.zone))
        self.check.setChecked(True)
