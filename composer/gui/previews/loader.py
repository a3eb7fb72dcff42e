"""Decodes preview images on worker threads: a render finishing for ten channels must not
freeze typing while forty JPEGs are read. QImage may be made off the GUI thread; the pixmap is
made on it when the signal arrives. Images are read at the size a card shows them (its width in
device pixels), never larger: a 1600-pixel render shown 400 pixels wide costs a sixteenth."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThread, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader

from composer.gui.tasks import lower_priority

MAX_IMAGE_EDGE = 900  # previews never need more pixels than this per image
TALLEST = 1.5  # a tile is at most this many times as tall as the card is wide


def read_scaled(path: str, edge: int = MAX_IMAGE_EDGE) -> QImage:
    """The image fitted into ``edge`` pixels wide and TALLEST times that high, never enlarged."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if reader.transformation().value & 4:  # turned a quarter by its EXIF orientation
        size.transpose()
    bounds = QSize(edge, round(edge * TALLEST))
    if size.isValid() and (size.width() > bounds.width() or size.height() > bounds.height()):
        scaled = size.scaled(bounds, Qt.AspectRatioMode.KeepAspectRatio)
        if reader.transformation().value & 4:  # the reader scales before it turns the picture
            scaled.transpose()
        reader.setScaledSize(scaled)
    return reader.read()  # a null image when unreadable


class _Job(QRunnable):
    def __init__(self, loader: ImageLoader, key: tuple[str, float], edge: int):
        super().__init__()
        self.loader, self.key, self.edge = loader, key, edge

    def run(self) -> None:
        lower_priority()  # Qt's LowPriority alone does nothing for Linux's scheduler
        image = read_scaled(self.key[0], self.edge)
        if shiboken6.isValid(self.loader):  # the panel may have closed meanwhile
            self.loader._done.emit(self.key, image)


class ImageLoader(QObject):
    loaded = Signal(object, QImage)  # (path, mtime) key, image (null if unreadable)
    _done = Signal(object, QImage)  # emitted by workers, delivered on the loader's thread

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # small reads; a second thread would only take a core
        self.pool.setThreadPriority(QThread.Priority.LowPriority)
        self._asked: set[tuple[str, float]] = set()
        self._done.connect(self._deliver)

    def request(self, key: tuple[str, float], edge: int = MAX_IMAGE_EDGE) -> None:
        if key not in self._asked:
            self._asked.add(key)
            self.pool.start(_Job(self, key, edge))

    def _deliver(self, key, image: QImage) -> None:
        self._asked.discard(key)
        self.loaded.emit(key, image)

    def wait(self, msecs: int = 10_000) -> None:
        self.pool.waitForDone(msecs)
