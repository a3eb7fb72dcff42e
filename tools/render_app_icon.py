"""Draw the PNG sizes of the app icon from composer/resources/icons/siaran.svg (for desktops and
the .desktop file that want bitmaps). Run after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_app_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "composer" / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 - painting needs an application
    renderer = QSvgRenderer(str(ICONS / "siaran.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        image.save(str(ICONS / f"siaran-{size}.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
