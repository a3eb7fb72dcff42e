"""Account pictures in each platform's shape: circle, rounded square (Mastodon), story ring
(Instagram). Made once per channel, never per keystroke."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QConicalGradient,
    QFont,
    QImageReader,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

_COLOURS = ("#1E88E5", "#43A047", "#E53935", "#8E24AA", "#F4511E", "#00897B", "#3949AB", "#6D4C41")


def initials(name: str) -> str:
    words = [w for w in name.replace("@", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def make_avatar(path: str | None, name: str, size: int, shape: str) -> QPixmap:
    scale = 2  # drawn at twice the size so it stays crisp on HiDPI screens and screenshots
    out = QPixmap(size * scale, size * scale)
    out.setDevicePixelRatio(scale)
    out.fill(Qt.GlobalColor.transparent)
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    inset = 0.0
    if shape == "ring":  # Instagram's story ring, then a white gap
        grad = QConicalGradient(size / 2, size / 2, 225)
        for stop, colour in ((0, "#FEDA75"), (0.3, "#FA7E1E"), (0.55, "#D62976"), (0.8, "#962FBF"), (1, "#FEDA75")):
            grad.setColorAt(stop, QColor(colour))
        p.setPen(QPen(grad, 2))
        p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
        inset = 3.5
    rect = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    clip = QPainterPath()
    if shape == "rounded":
        clip.addRoundedRect(rect, 8, 8)  # Mastodon --avatar-border-radius: 8px
    else:
        clip.addEllipse(rect)
    p.setClipPath(clip)
    image = None
    if path:
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        src = reader.size()
        if src.isValid():
            reader.setScaledSize(src.scaled(size * scale, size * scale, Qt.AspectRatioMode.KeepAspectRatioByExpanding))
        image = reader.read()
    if image is not None and not image.isNull():
        p.drawImage(rect, image, QRectF(image.rect()))
    else:
        digest = hashlib.sha1(name.encode()).digest()[0]
        p.fillRect(rect, QColor(_COLOURS[digest % len(_COLOURS)]))
        p.setPen(QColor("#FFFFFF"))
        font = QFont()
        font.setPixelSize(max(8, int(rect.height() * 0.4)))
        font.setBold(True)
        p.setFont(font)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, initials(name))
    p.end()
    return out
