"""Practice mode: the local practice servers (platforms/practice) start, each with a practice
account, so the officer can train publishing, failures and retries without touching a real
account. Switching off (or quitting) stops them and removes their accounts, whose addresses
change on every start. The servers and accounts are the core's (composer.core.practice), as ``siaran practice``'s."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("siaran.gui.practice")


class PracticeSwitch(QObject):
    changed = Signal(bool)  # practice accounts were added (True) or removed (False)
    failed = Signal(str)

    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.practice = None
        self.task = None

    @property
    def on(self) -> bool:
        return self.practice is not None

    def set_on(self, on: bool) -> None:
        if on == self.on or (self.task is not None and not self.task.is_done):
            return
        self.task = self.runner.submit(self._start if on else self._stop, name="practice")
        self.task.finished.connect(lambda _r: self.changed.emit(self.on))
        self.task.failed.connect(self._failed)

    def _start(self, ctx):
        practice = self.services.practice()
        try:
            started = practice.start()
        except BaseException:
            practice.stop()  # nothing half-started stays behind
            raise
        self.practice = practice
        return started

    def _stop(self, ctx) -> None:
        practice, self.practice = self.practice, None
        if practice is not None:
            practice.stop()

    def _failed(self, message: str) -> None:
        self.failed.emit(message)
        self.changed.emit(self.on)

    def stop_now(self) -> None:
        """On quit: stop the servers and remove their accounts before the database closes."""
        try:
            self._stop(None)
        except Exception:
            log.exception("stopping practice mode failed")
