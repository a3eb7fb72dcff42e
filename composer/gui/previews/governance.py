"""The office's governance findings on the preview cards (personal data, classification marks,
spelling, sensitive days), found on a worker a moment after typing pauses.

The rule book's governance pass reads the Indonesian dictionary and the holiday calendar the
first time it runs (a few hundred milliseconds) and scans the whole text on every new text: on
the GUI thread it would sit between a keystroke and its repaint, and at start-up between the
window and its previews. The cards show everything else the rule book says at once; these
findings follow, like a spelling checker's underlines. The publish dialog and the engine ask the
whole rule book as always: nothing goes out unchecked."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, QTimer, Signal

from composer.core.adapters import Severity
from composer.core.post import Post

DELAY_MS = 300  # after the last keystroke


def card_messages(post: Post, keys: list[str]) -> dict[str, list[str]]:
    """What each channel's card shows of the governance findings (not the INFO ones)."""
    from composer.core.checks.gov import gov_findings

    return {key: [f.message for f in gov_findings(post.resolve(key), key) if f.severity != Severity.INFO]
            for key in keys}


class _Scan(QRunnable):
    def __init__(self, scanner: GovernanceScanner, number: int, post: Post, keys: list[str]):
        super().__init__()
        self.scanner, self.number, self.post, self.keys = scanner, number, post, keys

    def run(self) -> None:
        try:
            found = card_messages(self.post, self.keys)
        except Exception:  # a broken rule set must not take the previews down; the log has it
            import logging

            logging.getLogger("siaran.gui.previews").exception("governance scan failed")
            found = {}
        if shiboken6.isValid(self.scanner):  # the panel may have closed meanwhile
            self.scanner._done.emit(self.number, found)


class GovernanceScanner(QObject):
    """Scans the newest post DELAY_MS after it was last asked to; older answers are dropped."""

    scanned = Signal(dict)  # channel key -> the messages its card shows
    _done = Signal(int, dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setThreadPriority(QThread.Priority.LowPriority)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._start)
        self._asked: tuple[Post, list[str]] | None = None
        self._number = 0
        self._done.connect(self._deliver)

    def ask(self, post: Post, keys: list[str]) -> None:
        self._asked = (post, list(keys))
        self._timer.start()

    def _start(self) -> None:
        if self._asked is None:
            return
        post, keys = self._asked
        self._asked = None
        self._number += 1
        # a snapshot: the model's post keeps changing while the worker reads it
        self.pool.start(_Scan(self, self._number, post.copy(), keys))

    def _deliver(self, number: int, found: dict) -> None:
        if number == self._number and self._asked is None:  # nothing newer asked meanwhile
            self.scanned.emit(found)

    def flush(self, msecs: int = 10_000) -> None:
        """Scan what was asked now and wait for it (tests, and the bench's final state)."""
        if self._timer.isActive():
            self._timer.stop()
            self._start()
        self.pool.waitForDone(msecs)
