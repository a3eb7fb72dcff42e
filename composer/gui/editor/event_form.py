"""File ▸ Zoom event: the announcement series of an online event (save the date, the day before,
starting now) as scheduled posts, through the same core service as `siaran event --drafts`
(composer.core.events.save_series). The form only asks; the core checks the event, writes the
texts in WIB, WITA and WIT and decides each post's time."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from composer.core.events import KINDS
from composer.core.office import ZONES

KEY = Qt.ItemDataRole.UserRole


def series_job(ctx, services, title: str, start: str, zone: str, zoom_url: str, meeting_id: str,
               passcode: str, channels: tuple, language: str, reminders: tuple):
    """Runs on a worker: the event checked and its series saved (as `siaran event --drafts`);
    returns (kind, post, when written in the office's way) per announcement."""
    from composer.core import events
    from composer.core.office import format_datetime, parse_local

    event = events.ZoomEvent(title=title.strip(), start=parse_local(start, zone),
                             zoom_url=zoom_url.strip(), meeting_id=meeting_id.strip(),
                             passcode=passcode.strip(), channels=channels, language=language,
                             reminders=reminders)
    office_zone = services.office().zone
    return [(a.kind, a.post, format_datetime(a.post.schedule, zone=office_zone)
             if a.post.schedule else None) for a in events.save_series(services.store, event)]


class EventForm(QDialog):
    created = Signal(list)  # [(kind, Post, when)] once the series is saved

    def __init__(self, services, runner, channels, chosen: list[str], zone: str, parent=None):
        """``channels``: the catalog's ChannelInfos; ``chosen``: keys ticked at first."""
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.setObjectName("eventForm")
        self.setWindowTitle(self.tr("Zoom event announcements"))
        self.title = QLineEdit(self)
        self.title.setObjectName("eventTitle")
        self.start = QDateTimeEdit(self)
        self.start.setObjectName("eventStart")
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setCalendarPopup(True)
        next_week = QDateTime.currentDateTime().addDays(8)  # a save-the-date still ahead
        next_week.setTime(QTime(9, 0))
        self.start.setDateTime(next_week)
        self.zone = QComboBox(self)
        self.zone.setObjectName("eventZone")
        self.zone.addItems(list(ZONES))
        self.zone.setCurrentText(zone)
        when = QHBoxLayout()
        when.addWidget(self.start, 1)
        when.addWidget(self.zone)
        self.link = QLineEdit(self)
        self.link.setObjectName("eventLink")
        self.link.setPlaceholderText("https://us02web.zoom.us/j/…")
        self.meeting_id = QLineEdit(self)
        self.meeting_id.setObjectName("eventMeetingId")
        self.passcode = QLineEdit(self)
        self.passcode.setObjectName("eventPasscode")
        self.language = QComboBox(self)
        self.language.setObjectName("eventLanguage")
        for key, label in (("both", self.tr("Bahasa Indonesia and English")),
                           ("id", self.tr("Bahasa Indonesia")), ("en", self.tr("English"))):
            self.language.addItem(label, key)
        self.reminders: dict[str, QCheckBox] = {}
        reminder_row = QVBoxLayout()
        labels = {"save-the-date": self.tr("Save the date (a week ahead, 09.00)"),
                  "day-before": self.tr("The day before, at the event's hour"),
                  "starting-now": self.tr("Starting now")}
        for kind in KINDS:
            box = QCheckBox(labels[kind], self)
            box.setObjectName(f"reminder_{kind}")
            box.setChecked(True)
            self.reminders[kind] = box
            reminder_row.addWidget(box)
        self.channel_list = QListWidget(self)
        self.channel_list.setObjectName("eventChannels")
        self.channel_list.setMaximumHeight(110)
        for info in channels:
            item = QListWidgetItem(info.label, self.channel_list)
            item.setData(KEY, info.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if info.key in chosen
                               else Qt.CheckState.Unchecked)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        starts = QLabel(self.tr("&Starts:"), self)
        starts.setBuddy(self.start)  # a row of two fields: its label names the first
        form.addRow(starts, when)
        form.addRow(self.tr("Zoom &link:"), self.link)
        form.addRow(self.tr("&Meeting ID:"), self.meeting_id)
        form.addRow(self.tr("&Passcode:"), self.passcode)
        form.addRow(self.tr("La&nguage:"), self.language)
        form.addRow(self.tr("Announcements:"), reminder_row)
        form.addRow(self.tr("&Channels:"), self.channel_list)
        self.passcode_note = QLabel(self.tr("The passcode is printed in the posts: whoever reads "
                                            "them can join."), self)
        self.passcode_note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("eventError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.result_label = QLabel(self)
        self.result_label.setObjectName("eventResult")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.create_button = buttons.addButton(self.tr("&Schedule the announcements"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("eventCreate")
        self.create_button.setDefault(True)
        buttons.accepted.connect(self.schedule_series)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addLayout(form)
        col.addWidget(self.passcode_note)
        col.addWidget(self.error)
        col.addWidget(self.result_label)
        col.addWidget(buttons)
        self.task = None
        self.series: list = []
        self.resize(600, 560)

    def chosen_channels(self) -> tuple[str, ...]:
        return tuple(self.channel_list.item(i).data(KEY) for i in range(self.channel_list.count())
                     if self.channel_list.item(i).checkState() == Qt.CheckState.Checked)

    def schedule_series(self):
        if self.task is not None and not self.task.is_done:
            return
        self.error.hide()
        reminders = tuple(k for k, box in self.reminders.items() if box.isChecked())
        self.task = self.runner.submit(
            series_job, self.services, self.title.text(),
            self.start.dateTime().toString("yyyy-MM-dd HH:mm"), self.zone.currentText(),
            self.link.text(), self.meeting_id.text(), self.passcode.text(),
            self.chosen_channels(), self.language.currentData(), reminders, name="event")
        self.task.finished.connect(self._created)
        self.task.failed.connect(self._failed)
        self.create_button.setEnabled(False)

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.create_button.setEnabled(True)

    def _created(self, series) -> None:
        self.series = list(series)
        names = {"save-the-date": self.tr("Save the date"), "day-before": self.tr("The day before"),
                 "starting-now": self.tr("Starting now")}
        lines = [f"• {names[kind]}: {when or self.tr('when published')}"
                 for kind, _post, when in self.series]
        self.result_label.setText(self.tr("Scheduled:") + "\n" + "\n".join(lines))
        self.result_label.show()
        self.created.emit(self.series)
