"""The one background-task runner: every blocking call (disk, network, image work) goes here.

``runner.submit(fn, *args)`` runs ``fn(ctx, *args)`` on a QThreadPool worker and returns a
:class:`Task` whose signals arrive on the GUI thread: ``progressed(step, fraction, data)``,
``finished(result)``, ``failed(message)`` and ``cancelled()``. ``ctx.progress(...)`` reports
progress, ``ctx.cancel_event`` (a threading.Event, the engine's own cancel type) says when the
officer pressed Cancel. A failure is one plain line for the officer; the traceback goes to the log.

Image work (imports, proxies, preview renders) goes through ``runner.submit_image`` instead: its
own pool of IMAGE_THREADS threads at a lower priority, so a queue of photos never delays loading
the channels or saving the draft, and the GUI thread wins the CPU whenever both want it.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, Signal

log = logging.getLogger("siaran.gui.tasks")

IMAGE_THREADS = 1  # decoding and encoding run in C without the GIL: one thread keeps a core free
# Linux: a worker thread's own scheduling weight: about a tenth of the GUI thread's while both
# want a core (5, a third, still let the image threads and the X server crowd a keystroke's
# repaint past a frame on two cores); all of it while the officer does nothing.
IMAGE_NICENESS = 10


class TaskContext:
    """What a task function receives: a progress hook and the cancel flag."""

    def __init__(self, task: Task, relay: TaskRunner):
        self._task = task
        self._relay = relay
        self.cancel_event = threading.Event()

    def progress(self, step: str = "", fraction: float | None = None, **data: Any) -> None:
        self._relay._progress.emit(self._task, step, fraction, data)

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class Task(QObject):
    """A handle on one submitted job. Lives on the GUI thread; workers only emit its signals,
    which Qt queues onto the GUI thread."""

    progressed = Signal(str, object, object)  # step, fraction (float | None), data dict
    finished = Signal(object)  # the function's return value
    failed = Signal(str)  # one translated line
    cancelled = Signal()
    done = Signal()  # after any of the three above

    def __init__(self, name: str, runner: TaskRunner):
        super().__init__(None)  # no parent: the caller's reference (or the runner's) keeps it
        self.name = name
        self.ctx = TaskContext(self, runner)
        self.is_done = False
        self.result: Any = None
        self.error: str | None = None

    def cancel(self) -> None:
        self.ctx.cancel_event.set()


def describe_error(exc: BaseException) -> str:
    """One line for the officer: a UserError's own message, else the error's kind and text."""
    from composer.core.i18n import UserError

    if isinstance(exc, UserError):
        return str(exc)
    reason = getattr(exc, "reason", "") or str(exc)
    return QCoreApplication.translate("Tasks", "Unexpected error: {error}").format(
        error=f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
    )


class _Runnable(QRunnable):
    def __init__(self, runner: TaskRunner, task: Task, fn: Callable, args: tuple, kwargs: dict,
                 *, humble: bool = False):
        super().__init__()
        self.setAutoDelete(True)
        self.runner, self.task, self.fn, self.args, self.kwargs = runner, task, fn, args, kwargs
        self.humble = humble

    def run(self) -> None:
        if self.humble:
            lower_priority()
        task = self.task
        try:
            result = self.fn(task.ctx, *self.args, **self.kwargs)
        except BaseException as exc:  # a worker must never die silently
            if task.ctx.cancelled and _is_cancel(exc):
                self.runner._outcome.emit(task, "cancelled", None)
            else:
                if not _is_user_error(exc):
                    log.exception("task %s failed", task.name)
                self.runner._outcome.emit(task, "failed", describe_error(exc))
        else:
            kind = "cancelled" if task.ctx.cancelled and result is None else "finished"
            self.runner._outcome.emit(task, kind, result)


_thread = threading.local()


def lower_priority() -> None:
    """Lower this worker thread's priority, once. Qt's thread priorities do nothing for Linux's
    default scheduler; a per-thread nice value does (other systems keep Qt's LowPriority)."""
    if sys.platform != "linux" or getattr(_thread, "lowered", False):
        return
    _thread.lowered = True
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), IMAGE_NICENESS)
    except OSError:  # not allowed here: the work still runs, at the normal priority
        log.debug("could not lower the image worker's priority", exc_info=True)


def _is_cancel(exc: BaseException) -> bool:
    return type(exc).__name__ in ("Cancelled", "CancelledError")


def _is_user_error(exc: BaseException) -> bool:
    from composer.core.i18n import UserError

    return isinstance(exc, UserError)


class TaskRunner(QObject):
    """Owns the thread pool and the running tasks (so their Python objects stay alive)."""

    task_started = Signal(object)
    task_done = Signal(object)
    # Workers emit these private signals; the runner lives on the GUI thread, so Qt queues them
    # there and the public Task signals always fire on the GUI thread, in a fixed order.
    _outcome = Signal(object, str, object)
    _progress = Signal(object, str, object, object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        if max_threads:
            self.pool.setMaxThreadCount(max_threads)
        self.image_pool = QThreadPool(self)
        self.image_pool.setMaxThreadCount(IMAGE_THREADS)
        self.image_pool.setThreadPriority(QThread.Priority.LowPriority)
        self._running: set[Task] = set()
        self._outcome.connect(self._finish)
        self._progress.connect(self._relay_progress)

    def submit(self, fn: Callable, *args, name: str = "", **kwargs) -> Task:
        task = Task(name or getattr(fn, "__name__", "task"), self)
        self._running.add(task)
        self.task_started.emit(task)
        self.pool.start(_Runnable(self, task, fn, args, kwargs))
        return task

    def submit_image(self, fn: Callable, *args, name: str = "", **kwargs) -> Task:
        """Like submit, on the image pool: after the GUI thread and the other tasks."""
        task = Task(name or getattr(fn, "__name__", "task"), self)
        self._running.add(task)
        self.task_started.emit(task)
        self.image_pool.start(_Runnable(self, task, fn, args, kwargs, humble=True))
        return task

    def _finish(self, task: Task, kind: str, value: Any) -> None:
        task.is_done = True
        self._running.discard(task)
        if kind == "finished":
            task.result = value
            task.finished.emit(value)
        elif kind == "failed":
            task.error = value
            task.failed.emit(value)
        else:
            task.cancelled.emit()
        task.done.emit()
        self.task_done.emit(task)

    def _relay_progress(self, task: Task, step: str, fraction, data) -> None:
        if not task.is_done:
            task.progressed.emit(step, fraction, data)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (shutdown and tests only), then deliver the outcomes."""
        ok = self.pool.waitForDone(msecs) & self.image_pool.waitForDone(msecs)
        QCoreApplication.processEvents()
        return ok
