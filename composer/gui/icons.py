"""The app's icons: small line SVGs in composer/resources/icons, drawn in the palette's text
colour so they suit light and dark themes alike."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


@cache
def _svg(name: str) -> str:
    return (ICONS / f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, colour: str | None = None) -> QIcon:
    from PySide6.QtSvg import QSvgRenderer  # loaded on first use, not at import

    fill = colour or QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", fill).encode()))
    result = QIcon()
    # the toolbar size and its double for high-density screens; Qt derives the disabled look
    for size in (20, 40):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
