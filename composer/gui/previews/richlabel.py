"""A fixed-width rich-text label that is cheap to update on every keystroke.

QLabel re-measures its rich text for every size query of the surrounding layouts. This widget lays
its document out once per change at its known width, fixes its own height, and asks the layouts
to re-run only when that height actually changes (a new line), so typing repaints one widget.
Given the card's background colour it paints that itself (an opaque widget), so the card's
style-sheet frames under it are not repainted on every keystroke.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QSizePolicy, QWidget

RULE_INDENT = 14


class RichLabel(QWidget):
    def __init__(self, width: int, font, colour: str, parent=None, *, rule: str | None = None,
                 background: str | None = None):
        super().__init__(parent)
        self.rule = rule  # a thread line down the left edge (replies), in this colour
        self._background = QColor(background) if background else None
        if background:
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFont(font)
        self.setFixedWidth(width)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._html: str | None = None
        self.doc = QTextDocument(self)
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(font)
        self._colour = QColor(colour)
        self.doc.setTextWidth(width - (RULE_INDENT if rule else 0))
        self.setFixedHeight(0)

    def setText(self, html: str) -> None:
        if html == self._html:
            return
        self._html = html
        self.doc.setHtml(html)
        self.setAccessibleName(self.plain_text())  # screen readers cannot see a painted document
        height = math.ceil(self.doc.size().height()) if html else 0
        if height != self.height():
            self.setFixedHeight(height)
        self.update()

    def text(self) -> str:
        return self._html or ""

    def plain_text(self) -> str:
        """What a reader sees (line breaks as newlines, invisible joiners dropped)."""
        text = self.doc.toPlainText()
        return text.replace("\u00a0", " ").replace("\u2060", "").replace("\u2028", "\n")

    def paintEvent(self, event) -> None:
        if not self._html and self._background is None:
            return
        p = QPainter(self)
        if self._background is not None:
            p.fillRect(event.rect(), self._background)
        if not self._html:
            p.end()
            return
        if self.rule:
            p.fillRect(QRectF(RULE_INDENT / 2 - 1, 0, 2, self.height()), QColor(self.rule))
            p.translate(RULE_INDENT, 0)
        # the platform's colour, not the desktop palette's: a dark desktop must not turn it white
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, self._colour)
        self.doc.documentLayout().draw(p, ctx)
        p.end()
