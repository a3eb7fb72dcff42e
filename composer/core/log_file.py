"""The log file itself: rotated at a size, shared by several processes (composer.core.logs
makes it with the first record)."""

from __future__ import annotations

import logging
import logging.handlers
import os


class LogFile(logging.handlers.RotatingFileHandler):
    """A rotating log several processes share (the app, `siaran` commands, the scheduling agent).

    Rotation happens under an OS file lock and only if the file is still over the limit once the
    lock is held, so two processes never both rotate and push history out; a process whose file
    was rotated by another reopens the new one instead of writing on into the old."""

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is not None and self._rotated_elsewhere():
            self.stream.close()
            self.stream = None  # reopened by emit (delay=True)
        super().emit(record)

    def _rotated_elsewhere(self) -> bool:
        if self.stream is None:
            return False
        try:
            on_disk = os.stat(self.baseFilename)
        except OSError:
            return True
        mine = os.fstat(self.stream.fileno())
        return (on_disk.st_dev, on_disk.st_ino) != (mine.st_dev, mine.st_ino)

    def doRollover(self) -> None:
        from filelock import FileLock

        with FileLock(self.baseFilename + ".lock", timeout=10):
            if self.stream is not None:
                self.stream.close()
                self.stream = None
            try:
                size = os.stat(self.baseFilename).st_size
            except OSError:
                size = 0
            if size >= self.maxBytes:  # nobody rotated it while we waited for the lock
                super().doRollover()
            elif self.stream is None:
                self.stream = self._open()
