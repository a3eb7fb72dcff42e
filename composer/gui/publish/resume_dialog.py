"""Finishing what a crash, a cancel or a network failure left unfinished.

At start-up the window asks the journal for unfinished sends; when there are some, the status
bar offers "Resume publishing". This dialog lists them and lets the core Engine resume them: it
looks before it resends anything that may already be there, and never repeats a success."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer.core.outcome import Outcome
from composer.gui.dialog_size import fit
from composer.gui.publish.progress_rows import ProgressRow
from composer.gui.tasks import Task


def unfinished_job(ctx, services) -> list:
    return services.journal.unfinished()


def resume_job(ctx, services):
    def progress(account: str, step: str, fraction) -> None:
        ctx.progress(step, fraction, account=account)

    return services.engine.resume(None, progress=progress, cancel=ctx.cancel_event)


class ResumeDialog(QDialog):
    def __init__(self, services, runner, entries: list, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.setObjectName("resumeDialog")
        self.setWindowTitle(self.tr("Resume publishing"))
        fit(self, "resume", 700, 360)
        self.task: Task | None = None
        self.outcomes: dict[str, Outcome] = {}
        self.heading = QLabel(self.tr("%n send(s) did not finish. Resume them now?", "", len(entries)), self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        note = QLabel(self.tr("Siaran checks each channel first, so nothing is posted twice."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(note)
        self.rows: dict[str, ProgressRow] = {}
        rows_box = QWidget(self)
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        for entry in entries:
            channel = SimpleNamespace(label=f"{entry.account} — {entry.snapshot.get('text', '')[:40]}")
            row = ProgressRow(channel, self)
            row.status.setText(entry.reason or self.tr("not finished"))
            self.rows[entry.account] = row
            rows_layout.addWidget(row)
        rows_layout.addStretch(1)
        scroll = QScrollArea(self)  # many unfinished sends scroll; the buttons stay in sight
        scroll.setWidget(rows_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        self.resume_button = QPushButton(self.tr("&Resume"), self)
        self.resume_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.resume_button)
        layout.addLayout(buttons)
        self.resume_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.close_or_cancel)

    def start(self) -> None:
        if self.task is not None and not self.task.is_done:
            return
        for row in self.rows.values():
            row.set_waiting()
        self.heading.setText(self.tr("Resuming…"))
        self.resume_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        self.task = self.runner.submit(resume_job, self.services, name="resume")
        self.task.progressed.connect(self._progress)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(lambda: self._failed(self.tr("Cancelled")))

    def _progress(self, step: str, fraction, data: dict) -> None:
        row = self.rows.get(data.get("account", ""))
        if row is not None:
            row.set_step(step, fraction)

    def _finished(self, outcomes) -> None:
        for outcome in outcomes or ():
            self.outcomes[outcome.account] = outcome
            if outcome.account in self.rows:
                self.rows[outcome.account].set_outcome(outcome)
        failed = sum(1 for o in self.outcomes.values() if not o.ok)
        self.heading.setText(self.tr("Everything is published.") if not failed else
                             self.tr("%n send(s) still did not go out.", "", failed))
        self._done()

    def _failed(self, message: str) -> None:
        for row in self.rows.values():
            if not row.finished:
                row.set_error(message)
        self.heading.setText(message)
        self._done()

    def _done(self) -> None:
        self.close_button.setText(self.tr("Close"))
        self.resume_button.setEnabled(any(not o.ok for o in self.outcomes.values()))

    def close_or_cancel(self) -> None:
        if self.task is not None and not self.task.is_done:
            self.task.cancel()
        else:
            self.accept()
