"""The link preview a platform adds under a post that has a URL and no images (docs/previews.md §12.6:
cards appear only without media). Siaran does not fetch the page, so the card shows its shape
and the domain, and says the title and picture will come from the page itself.

Kinds: ``image`` (X since Oct 2023: the picture alone, domain chip bottom-left, §1), ``large``
(Facebook, LinkedIn: a 1.91:1 picture, then domain and title, §3-4), ``compact`` (Mastodon's
timeline card, Telegram's preview block: small picture beside domain and title, §6, §8).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from composer.gui.previews.rules import CardRules

COMPACT_HEIGHT = 84


def domain(url: str) -> str:
    try:
        host = urlsplit(url if "://" in url else "https://" + url).hostname or url
    except ValueError:
        return url
    return host[4:] if host.startswith("www.") else host


class LinkCard(QWidget):
    def __init__(self, rules: CardRules, width: int, parent=None):
        super().__init__(parent)
        self.rules = rules
        self.url = ""
        self.setFixedWidth(width)
        kind = rules.link_card
        heights: dict[str | None, float] = {"image": width / 2, "large": width / 1.91 + 58}
        height = heights.get(kind, COMPACT_HEIGHT)
        self.setFixedHeight(round(height))
        self.setVisible(False)

    def set_url(self, url: str | None) -> None:
        """Show the card for ``url``; None hides it (no link, or the post has images)."""
        visible = bool(url) and self.rules.link_card is not None
        if url and visible and url != self.url:  # (visible implies a url)
            self.url = url
            self.update()
        self.setVisible(visible)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        kind, pal = self.rules.link_card, self.rules.palette
        w, h = self.width(), self.height()
        site = domain(self.url)
        note = QCoreApplication.translate("LinkCard", "Title and picture come from the page")
        small = QFont(self.font())
        small.setPixelSize(12)
        bold = QFont(self.font())
        bold.setPixelSize(14)
        bold.setBold(True)
        radius = 0 if self.rules.edge_to_edge else 12
        outline = QPainterPath()
        outline.addRoundedRect(QRectF(0.5, 0.5, w - 1, h - 1), radius, radius)
        p.setClipPath(outline)
        if kind == "image":
            self._picture(p, QRectF(0, 0, w, h))
            p.setFont(small)
            chip = QRectF(12, h - 34, p.fontMetrics().horizontalAdvance(site) + 16, 22)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(0, 0, 0, 150))
            p.drawRoundedRect(chip, 4, 4)
            p.setPen(QColor("#FFFFFF"))
            p.drawText(chip, Qt.AlignmentFlag.AlignCenter, site)
        elif kind == "large":
            pic = QRectF(0, 0, w, w / 1.91)
            self._picture(p, pic)
            band = QRectF(0, pic.bottom(), w, h - pic.bottom())
            p.fillRect(band, QColor("#F0F2F5"))
            p.setFont(small)
            p.setPen(QColor(pal.secondary))
            p.drawText(band.adjusted(12, 8, -12, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, site.upper())
            p.setFont(bold)
            p.setPen(QColor(pal.text))
            p.drawText(band.adjusted(12, 28, -12, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, note)
        else:
            side = h
            self._picture(p, QRectF(0, 0, side, side))
            text = QRectF(side + 12, 10, w - side - 24, h - 20)
            p.setFont(small)
            p.setPen(QColor(pal.link if self.rules.bubble else pal.secondary))
            p.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, site)
            p.setFont(bold)
            p.setPen(QColor(pal.text))
            p.drawText(text.adjusted(0, 20, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, note)
        p.setClipping(False)
        p.setPen(QPen(QColor(pal.border), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(outline)
        p.end()

    def _picture(self, p: QPainter, rect: QRectF) -> None:
        p.fillRect(rect, QColor("#D8DEE4"))
        globe = QFont(self.font())
        globe.setPixelSize(int(min(rect.width(), rect.height()) * 0.28))
        p.setFont(globe)
        p.setPen(QColor("#8C959F"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "🌐")
