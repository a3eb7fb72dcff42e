"""What happens to an exception nobody caught: in a Qt slot (PySide6 hands it to sys.excepthook
and carries on) or in a plain thread (threading.excepthook). The officer reads one plain line in
their language, in the status bar and a message box; the full traceback goes to the log file
(composer.core.logs), never on screen.

A task on the TaskRunner reports its own failures (tasks.py); this is for everything else."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from composer.gui.tasks import describe_error

if TYPE_CHECKING:
    from composer.gui.notices import Notices

log = logging.getLogger("siaran.gui.errors")


class ErrorReporter(QObject):
    # emitted from whichever thread failed; the reporter lives on the GUI thread, so Qt queues
    # the message there (a widget must never be touched from another thread)
    _report = Signal(str)

    def __init__(self, notices: Callable[[], Notices | None], parent: QObject | None = None):
        """``notices`` returns the current window's Notices (the window may have been rebuilt in
        another language since), or None before there is a window."""
        super().__init__(parent)
        self._notices = notices
        self._previous: tuple | None = None
        self._report.connect(self._show)

    def install(self) -> None:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.excepthook
            threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            if sys.excepthook == self.excepthook:
                sys.excepthook = self._previous[0]
            if threading.excepthook == self.thread_excepthook:
                threading.excepthook = self._previous[1]
            self._previous = None

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous is not None:
            self._previous[0](exc_type, exc, tb)  # Ctrl+C keeps its usual meaning
            return
        self._handle(exc_type, exc, tb, "an error reached the event loop")

    def thread_excepthook(self, args) -> None:
        if issubclass(args.exc_type, SystemExit):
            return  # a thread that ends itself is no error
        name = args.thread.name if args.thread is not None else "?"
        self._handle(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name} failed")

    def _handle(self, exc_type, exc, tb, what: str) -> None:
        try:
            log.error("%s", what, exc_info=(exc_type, exc, tb))
            self._report.emit(describe_error(exc if exc is not None else exc_type()))
        except Exception:  # an excepthook that raises would hide the first error for good
            sys.__excepthook__(exc_type, exc, tb)

    def _show(self, message: str) -> None:
        notices = self._notices()
        if notices is not None:
            notices.error(message)
