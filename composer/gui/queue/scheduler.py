"""The app's own scheduler: while the window is open (or the tray keeps the app running) the core's
run-due runs every 20 seconds on a worker, so a due post goes out within a minute of its time.
The core makes it safe to run alongside the operating system's agent (`siaran run-due`): each
post is sent exactly once whoever gets there first."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

INTERVAL_MS = 20_000


def run_due_job(ctx, services):
    """On a worker: send what is due and renew sign-ins near their end (Services.run_due)."""
    return services.run_due()


class AppScheduler(QObject):
    ran = Signal(list)  # what a run did (list of composer.core.queue.Sent), even when empty

    def __init__(self, services, runner, interval_ms: int = INTERVAL_MS, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.task = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_now)

    def start(self) -> None:
        if not self.timer.isActive():
            self.timer.start()
            self.run_now()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def run_now(self) -> None:
        if self.task is not None and not self.task.is_done:
            return  # the last run is still sending: never two of ours at once
        task = self.task = self.runner.submit(run_due_job, self.services, name="run-due")
        task.finished.connect(lambda sent: self.ran.emit(list(sent or [])))
