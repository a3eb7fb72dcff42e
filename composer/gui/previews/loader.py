"""Decodes preview images on worker threads: a render finishing for ten channels must not
freeze typing while forty JPEGs are read. QImage may be made off the GUI thread; the pixmap is
made on it when the signal arrives."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader

MAX_IMAGE_EDGE = 900  # previews never need more pixels than this per image


def read_scaled(path: str, edge: int = MAX_IMAGE_EDGE) -> QImage:
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > edge:
        reader.setScaledSize(size.scaled(QSize(edge, edge), Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()  # a null image when unreadable


class _Job(QRunnable):
    def __init__(self, loader: ImageLoader, key: tuple[str, float]):
        super().__init__()
        self.loader, self.key = loader, key

    def run(self) -> None:
        image = read_scaled(self.key[0])
        if shiboken6.isValid(self.loader):  # the panel may have closed meanwhile
            self.loader._done.emit(self.key, image)


class ImageLoader(QObject):
    loaded = Signal(object, QImage)  # (path, mtime) key, image (null if unreadable)
    _done = Signal(object, QImage)  # emitted by workers, delivered on the loader's thread

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._asked: set[tuple[str, float]] = set()
        self._done.connect(self._deliver)

    def request(self, key: tuple[str, float]) -> None:
        if key not in self._asked:
            self._asked.add(key)
            self.pool.start(_Job(self, key))

    def _deliver(self, key, image: QImage) -> None:
        self._asked.discard(key)
        self.loaded.emit(key, image)

    def wait(self, msecs: int = 10_000) -> None:
        self.pool.waitForDone(msecs)
