"""Autosave: every change reaches Store.autosave within a second, off the GUI thread.

Changes restart a short timer (debounce), but never past a ceiling counted from the first unsaved
change: a steady typist who never pauses is still saved at least once a second. When the timer
fires, a snapshot of the post goes to the task runner. One save runs at a time, so versions land in order; changes made during a save are saved
right after it. ``flush()`` saves synchronously (closing the window).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from composer.gui.editor.draft_model import DraftModel
from composer.gui.tasks import Task, TaskRunner

log = logging.getLogger("siaran.gui.autosave")

DEBOUNCE_MS = 600  # well under the promised second, long enough to batch a burst of typing
# The longest an unsaved change waits, however steadily the officer types: the save itself
# (tens of milliseconds) must also land inside the promised second.
CEILING_MS = 700


class Autosaver(QObject):
    # "unsaved" | "saving" | "saved" | "failed"; detail: the time saved or the reason
    state_changed = Signal(str, str)
    saved = Signal(str)  # the post id

    def __init__(self, model: DraftModel, runner: TaskRunner, store: Callable, parent=None):
        """``store`` is a callable returning the Store, so opening it can wait for the first save."""
        super().__init__(parent)
        self.model, self.runner, self._store = model, runner, store
        self.state = "saved"
        self._detail: str | None = None
        self._dirty = False
        self._dirty_since: float | None = None  # monotonic time of the first unsaved change
        self._task: Task | None = None
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.save_now)
        model.changed.connect(self.mark_dirty)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self) -> None:
        self._dirty = True
        if self._dirty_since is None:
            self._dirty_since = time.monotonic()
        self._set_state("unsaved", "")
        self._schedule()

    def _schedule(self) -> None:
        """Debounce, capped so the first unsaved change waits at most CEILING_MS."""
        waited_ms = (time.monotonic() - (self._dirty_since or time.monotonic())) * 1000
        self._timer.start(int(max(0.0, min(DEBOUNCE_MS, CEILING_MS - waited_ms))))

    def mark_clean(self) -> None:
        """The post was just loaded from the store: nothing to save yet."""
        self._timer.stop()
        self._dirty = False
        self._dirty_since = None
        self._set_state("saved", "")

    def save_now(self) -> None:
        if self._task is not None or not self._dirty:
            return  # one save at a time; _done() starts the next one if still dirty
        self._timer.stop()
        self._dirty = False
        # changes typed while this save runs start a new ceiling from now
        self._dirty_since = None
        snapshot = self.model.post.copy()  # the worker never sees the live, changing post
        self._set_state("saving", "")
        self._task = self.runner.submit(self._write, snapshot, name="autosave")
        self._task.finished.connect(lambda _result: self._done(None, snapshot.id))
        self._task.failed.connect(lambda message: self._done(message, snapshot.id))

    def _write(self, ctx, post) -> None:
        self._store().autosave(post)

    def _done(self, error: str | None, post_id: str) -> None:
        self._task = None
        if error:
            self._dirty = True  # try again with the next change or on close
            self._set_state("failed", error)
            return
        self.saved.emit(post_id)
        if self._dirty:
            self._schedule()
        else:
            self._set_state("saved", datetime.now().strftime("%H:%M:%S"))

    def flush(self) -> bool:
        """Save now and wait: closing the window must lose nothing. True when saved."""
        self._timer.stop()
        deadline = time.monotonic() + 10
        while self._task is not None and time.monotonic() < deadline:
            # let the running save land first, so versions stay in order
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)
        if not self._dirty and self.state != "failed":
            return True
        try:
            self._store().autosave(self.model.post.copy())
        except Exception as exc:  # reported on the status bar; the window stays open
            log.exception("saving the draft on close failed")
            from composer.gui.tasks import describe_error

            self._set_state("failed", describe_error(exc))
            return False
        self._dirty = False
        self._dirty_since = None
        self.saved.emit(self.model.post.id)
        self._set_state("saved", datetime.now().strftime("%H:%M:%S"))
        return True

    def _set_state(self, state: str, detail: str) -> None:
        if (state, detail) != (self.state, self._detail):
            self.state, self._detail = state, detail
            self.state_changed.emit(state, detail)
