"""Helpers for the shell's GUI tests: start the real app shell, type any text, make images."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_unicode(widget, text: str) -> None:
    """qtbot.keyClicks aborts the process on non-ASCII (docs/environment.md §2); send key events."""
    for ch in text:
        if ch == "\n":
            for t in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(t, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
            continue
        for t in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(t, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def make_image(path, size=(800, 600), colour=(200, 60, 40)):
    from PIL import Image, ImageDraw

    im = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(im)
    draw.ellipse((size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4), fill=(250, 220, 60))
    im.save(path, quality=90)
    return str(path)


def start_shell(qtbot, *, language=None):
    from composer.gui.app import Shell, make_application

    app = make_application([])
    shell = Shell(app)
    if language is not None:
        shell.settings.language = language
    window = shell.start()  # closed by stop_shell (the window may be replaced meanwhile)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(window.channels.catalog), timeout=10_000)
    return shell


def wait_idle(qtbot, shell, timeout=15_000):
    """Until no background task runs (saves, imports, renders, publishes)."""
    qtbot.waitUntil(lambda: not shell.runner.busy, timeout=timeout)


def tick(picker, key: str, on: bool = True) -> None:
    picker.set_checked(key, on)


def running_shell(qtbot):
    """Body of each test module's ``shell`` fixture: ``yield from running_shell(qtbot)``."""
    s = start_shell(qtbot)
    yield s
    stop_shell(qtbot, s)


def stop_shell(qtbot, s):
    window = s.window
    window.renders.stop()
    window.autosaver._timer.stop()
    s.runner.cancel_all()
    wait_idle(qtbot, s)
    window._detached = True  # the test ends; no save prompts
    window.close()
    s.shutdown()
    window.deleteLater()


class Ticker:
    """Counts QTimer ticks on the GUI thread and the longest gap between two of them."""

    def __init__(self, interval=20):
        self.ticks, self.longest, self._last = 0, 0.0, time.monotonic()
        self.timer = QTimer(interval=interval)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self):
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last)
        self._last = now
        self.ticks += 1

    def stop(self):
        self.timer.stop()


def answer(yes: bool) -> None:
    """Click the next question's button, yes (its default) or no (the question blocks until
    answered, so the click is queued before the question is asked)."""
    from PySide6.QtWidgets import QMessageBox

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        target = box.defaultButton() if yes else next(b for b in box.buttons() if b is not box.defaultButton())
        target.click()
    QTimer.singleShot(20, click)
