"""Draws a post's images the way its platform lays them out (geometry from grids.py)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from composer.gui.previews import grids
from composer.gui.previews.rules import CardRules

PLACEHOLDER_RATIO = 1.5  # an image whose shape is not known yet is drawn as a 3:2 grey box
DOTS_HEIGHT = 18


def cover_source(pix_w: float, pix_h: float, box_w: float, box_h: float,
                 px: float = 0.5, py: float = 0.5) -> QRectF:
    """The part of the image that fills the box when scaled to cover it; (px, py) place the
    crop the CSS object-position way (0.5, 0.5 = centre; a platform that honours focal points passes it)."""
    scale = max(box_w / pix_w, box_h / pix_h)
    sw, sh = box_w / scale, box_h / scale
    return QRectF((pix_w - sw) * px, (pix_h - sh) * py, sw, sh)


class MediaView(QWidget):
    tile_clicked = Signal(int)

    def __init__(self, rules: CardRules, width: int, parent=None, *,
                 cells: grids.Cells = ()):
        super().__init__(parent)
        self.rules = rules
        self.cells = cells  # the channel's feed grid (PlatformSpec.grid_cells)
        self._width = width
        self._count = 0
        self._alts: list[bool] = []
        self._pixmaps: list[QPixmap | None] = []
        self._shapes: list[float | None] = []  # the renders' planned ratios, until they land
        self._focal: list[tuple[float, float] | None] = []
        self.grid = grids.EMPTY
        self._cache: QPixmap | None = None
        self.setFixedWidth(width)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab to the images, Enter opens the first one's crop
        self.setVisible(False)

    # -- state --------------------------------------------------------------------------------
    def set_media(self, alts: list[bool], focal: list[tuple[float, float] | None]) -> None:
        """Number of images and which have alt text (cheap: called on every keystroke)."""
        if alts == self._alts and focal == self._focal:
            return
        self._alts, self._focal, self._count = list(alts), list(focal), len(alts)
        self._relayout()

    def set_pixmaps(self, pixmaps: list[QPixmap | None]) -> None:
        self._pixmaps = list(pixmaps)
        self._relayout()

    def set_shapes(self, ratios: list[float | None]) -> None:
        """The width/height each image will have once rendered: its placeholder takes it."""
        if ratios != self._shapes:
            self._shapes = list(ratios)
            self._relayout()

    def shows_all_images(self) -> bool:
        """Every tile drawn from its image (none waiting as a placeholder)."""
        return all(t.index < len(self._pixmaps) and self._pixmaps[t.index] is not None
                   for t in self.grid.tiles)

    def ratios(self) -> list[float]:
        out = []
        for i in range(self._count):
            pix = self._pixmaps[i] if i < len(self._pixmaps) else None
            shape = self._shapes[i] if i < len(self._shapes) else None
            if pix and not pix.isNull() and pix.height():
                out.append(pix.width() / pix.height())
            else:
                out.append(shape or PLACEHOLDER_RATIO)
        return out

    def _relayout(self) -> None:
        self.grid = grids.layout(self.rules.grid, self.ratios(), self._width, self.cells)
        self._cache = None
        height = self.grid.height + (DOTS_HEIGHT if self.grid.dots else 0)
        self.setFixedHeight(max(0, round(height)))
        self.setVisible(self._count > 0)
        self.update()

    # -- drawing ------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        if not self.grid.tiles:
            return
        # Scaling photos is the costly part of a repaint, and cards repaint whenever the text
        # above them grows a line; so the grid is drawn once per change and then only copied.
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache.size() != self.size() * ratio:
            self._cache = QPixmap(self.size() * ratio)
            self._cache.setDevicePixelRatio(ratio)
            self._cache.fill(Qt.GlobalColor.transparent)
            self._paint_grid(QPainter(self._cache))
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        if self.hasFocus():
            p.setPen(QPen(QColor("#1A73E8"), 3))
            p.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))
        p.end()

    def _paint_grid(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        radius = self.rules.media_radius
        if not self.grid.strip and radius:
            bounds = QRectF()
            for t in self.grid.tiles:
                bounds = bounds.united(QRectF(t.x, t.y, t.w, t.h))
            clip = QPainterPath()
            clip.addRoundedRect(bounds, radius, radius)
            p.setClipPath(clip)
        for tile in self.grid.tiles:
            self._draw_tile(p, tile, radius if self.grid.strip else 0)
        p.setClipping(False)
        if self.grid.dots:
            self._draw_dots(p)
        p.end()

    def _draw_tile(self, p: QPainter, tile: grids.Tile, radius: float) -> None:
        rect = QRectF(tile.x, tile.y, tile.w, tile.h)
        if radius:
            p.save()
            path = QPainterPath()
            path.addRoundedRect(rect, radius, radius)
            p.setClipPath(path)
        pix = self._pixmaps[tile.index] if tile.index < len(self._pixmaps) else None
        if pix is None or pix.isNull():
            p.fillRect(rect, QColor("#D9DEE3"))
            p.setPen(QColor("#7A8691"))
            p.setFont(QFont(self.font().family(), 20))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "🖼")
        elif tile.fit == "contain":
            p.fillRect(rect, QColor("#000000"))
            scaled = pix.size().scaled(rect.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(rect.x() + (rect.width() - scaled.width()) / 2,
                            rect.y() + (rect.height() - scaled.height()) / 2, scaled.width(), scaled.height())
            p.drawPixmap(target, pix, QRectF(pix.rect()))
        else:
            focal = self._focal[tile.index] if self.rules.focal_points and tile.index < len(self._focal) else None
            px, py = focal if focal else (0.5, 0.5)
            p.drawPixmap(rect, pix, cover_source(pix.width(), pix.height(), rect.width(), rect.height(), px, py))
        if tile.more > 0:
            p.fillRect(rect, QColor(0, 0, 0, 140))
            p.setPen(QColor("#FFFFFF"))
            p.setFont(QFont(self.font().family(), 22, QFont.Weight.Bold))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{tile.more}")
        if self.rules.alt_badge and tile.index < len(self._alts) and self._alts[tile.index]:
            self._draw_alt(p, rect)
        if self.grid.dots and tile.index == 0:
            self._draw_counter(p, rect)
        if radius:
            p.restore()

    def _draw_alt(self, p: QPainter, rect: QRectF) -> None:
        font = QFont(self.font().family(), 7, QFont.Weight.Black)
        p.setFont(font)
        badge = QRectF(0, 0, 26, 15)
        if self.rules.alt_badge == "bottom-right":
            badge.moveBottomRight(rect.bottomRight() - QPointF(5, 5))
        else:
            badge.moveBottomLeft(rect.bottomLeft() + QPointF(6, -6))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 190))
        p.drawRoundedRect(badge, 4, 4)
        p.setPen(QColor("#FFFFFF"))
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, "ALT")

    def _draw_counter(self, p: QPainter, rect: QRectF) -> None:
        p.setFont(QFont(self.font().family(), 8, QFont.Weight.DemiBold))
        box = QRectF(0, 0, 34, 20)
        box.moveTopRight(rect.topRight() + QPointF(-10, 10))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(18, 18, 18, 170))
        p.drawRoundedRect(box, 10, 10)
        p.setPen(QColor("#FFFFFF"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, f"1/{self.grid.dots}")

    def _draw_dots(self, p: QPainter) -> None:
        n = self.grid.dots
        y = self.grid.height + DOTS_HEIGHT / 2
        x0 = self._width / 2 - (n - 1) * 4
        p.setPen(Qt.PenStyle.NoPen)
        for i in range(n):
            p.setBrush(QColor("#0095F6" if i == 0 else "#C7C7C7"))
            p.drawEllipse(QPointF(x0 + i * 8, y), 2.6, 2.6)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.grid.tiles:
            self.tile_clicked.emit(0)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event) -> None:
        pos = event.position()
        for tile in self.grid.tiles:
            if QRectF(tile.x, tile.y, tile.w, tile.h).contains(pos):
                self.tile_clicked.emit(tile.index)
                return
        super().mousePressEvent(event)
