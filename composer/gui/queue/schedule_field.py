"""The date-and-time field of a schedule, in the office's time zone, the zone always shown next
to it ("24/12/2026 09:00  WIB"). What the field means (an aware datetime) is the core's
composer.core.office; the field only shows and asks."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QLabel, QWidget

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
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addWidget(self.zone_label)
        row.addStretch(1)
        default = when or (datetime.now().astimezone() + timedelta(hours=1)).replace(
            minute=0, second=0, microsecond=0)
        self.edit.setDateTime(to_qt(default, zone))
        self.check.setChecked(when is not None or not optional)
        self.edit.setEnabled(self.check.isChecked())
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateTimeChanged.connect(self.changed)

    @property
    def scheduled(self) -> bool:
        return self.check.isChecked()

    def value(self) -> datetime | None:
        """The chosen time (aware, in the office's zone), or None to publish now."""
        return from_qt(self.edit.dateTime(), self.zone) if self.scheduled else None

    def set_value(self, when: datetime) -> None:
        self.edit.setDateTime(to_qt(when, self.zone))
        self.check.setChecked(True)
