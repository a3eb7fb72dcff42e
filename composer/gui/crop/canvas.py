"""The image with its crop box: drag inside to move, drag a corner to resize (ratio kept),
arrow keys nudge (Shift: ten times more), + and - grow and shrink, double-click (or click in
focal mode) sets the focal point."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from composer.gui.crop import geometry
from composer.gui.crop.geometry import Box

HANDLE = 14  # px on screen
MARGIN = 16


class CropCanvas(QWidget):
    box_edited = Signal()  # the box is moving (live, while dragging)
    box_committed = Signal()  # a move or resize is done (mouse released, key pressed)
    focal_picked = Signal(float, float)  # fractions of the image

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(360, 280)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.pixmap = QPixmap()
        self.image_w, self.image_h = 1.0, 1.0
        self.box = Box(0, 0, 1, 1)
        self.ratio = 1.0
        self.focal: tuple[float, float] | None = None
        self.focal_mode = False
        self._drag: tuple[str, QPointF, Box] | None = None

    # -- state --------------------------------------------------------------------------------
    def set_image(self, pixmap: QPixmap, width: int, height: int) -> None:
        self.pixmap, self.image_w, self.image_h = pixmap, float(width), float(height)
        self.update()

    def set_box(self, box: Box, ratio: float) -> None:
        self.box, self.ratio = box, ratio
        self.update()

    # -- screen <-> image -----------------------------------------------------------------------
    def image_rect(self) -> QRectF:
        avail = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        scale = min(avail.width() / self.image_w, avail.height() / self.image_h)
        w, h = self.image_w * scale, self.image_h * scale
        return QRectF(avail.center().x() - w / 2, avail.center().y() - h / 2, w, h)

    def _scale(self) -> float:
        return self.image_rect().width() / self.image_w

    def to_image(self, pos: QPointF) -> tuple[float, float]:
        r = self.image_rect()
        s = self._scale()
        return (pos.x() - r.x()) / s, (pos.y() - r.y()) / s

    def box_on_screen(self) -> QRectF:
        r, s = self.image_rect(), self._scale()
        return QRectF(r.x() + self.box.x * s, r.y() + self.box.y * s, self.box.w * s, self.box.h * s)

    def _corners(self) -> dict[str, QPointF]:
        b = self.box_on_screen()
        return {"tl": b.topLeft(), "tr": b.topRight(), "bl": b.bottomLeft(), "br": b.bottomRight()}

    def hit(self, pos: QPointF) -> str | None:
        for name, point in self._corners().items():
            if abs(pos.x() - point.x()) <= HANDLE and abs(pos.y() - point.y()) <= HANDLE:
                return name
        return "move" if self.box_on_screen().contains(pos) else None

    # -- drawing ------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.fillRect(self.rect(), QColor("#1F2328"))
        img = self.image_rect()
        if not self.pixmap.isNull():
            p.drawPixmap(img, self.pixmap, QRectF(self.pixmap.rect()))
        box = self.box_on_screen()
        shade = QPainterPath()
        shade.addRect(img)
        inner = QPainterPath()
        inner.addRect(box)
        p.fillPath(shade.subtracted(inner), QColor(0, 0, 0, 150))
        p.setPen(QPen(QColor(255, 255, 255, 90), 1))
        for i in (1, 2):  # rule of thirds
            x = box.x() + box.width() * i / 3
            y = box.y() + box.height() * i / 3
            p.drawLine(QPointF(x, box.top()), QPointF(x, box.bottom()))
            p.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
        p.setPen(QPen(QColor("#FFFFFF"), 2))
        p.drawRect(box)
        p.setBrush(QColor("#FFFFFF"))
        p.setPen(QPen(QColor("#1A73E8"), 2))
        for point in self._corners().values():
            p.drawRoundedRect(QRectF(point.x() - HANDLE / 2, point.y() - HANDLE / 2, HANDLE, HANDLE), 3, 3)
        if self.focal is not None:
            fx = img.x() + self.focal[0] * img.width()
            fy = img.y() + self.focal[1] * img.height()
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(0, 0, 0, 160), 4))
            p.drawEllipse(QPointF(fx, fy), 10, 10)
            p.setPen(QPen(QColor("#FFC107"), 2))
            p.drawEllipse(QPointF(fx, fy), 10, 10)
            p.drawLine(QPointF(fx - 16, fy), QPointF(fx - 5, fy))
            p.drawLine(QPointF(fx + 5, fy), QPointF(fx + 16, fy))
            p.drawLine(QPointF(fx, fy - 16), QPointF(fx, fy - 5))
            p.drawLine(QPointF(fx, fy + 5), QPointF(fx, fy + 16))
        if self.hasFocus():
            p.setPen(QPen(QColor("#1A73E8"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        p.end()

    # -- input --------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        if self.focal_mode:
            self._pick_focal(pos)
            return
        what = self.hit(pos)
        if what:
            self._drag = (what, pos, self.box)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._drag is None:
            what = self.hit(pos)
            cursors: dict[str | None, Qt.CursorShape] = {"tl": Qt.CursorShape.SizeFDiagCursor, "br": Qt.CursorShape.SizeFDiagCursor, "tr": Qt.CursorShape.SizeBDiagCursor,
                       "bl": Qt.CursorShape.SizeBDiagCursor, "move": Qt.CursorShape.SizeAllCursor}
            self.setCursor(Qt.CursorShape.CrossCursor if self.focal_mode else cursors.get(what, Qt.CursorShape.ArrowCursor))
            return
        what, start, box = self._drag
        if what == "move":
            s = self._scale()
            d = pos - start
            self.box = geometry.moved(box, d.x() / s, d.y() / s, self.image_w, self.image_h)
        else:
            x, y = self.to_image(pos)
            self.box = geometry.resized(box, what, x, y, self.ratio, self.image_w, self.image_h)
        self.update()
        self.box_edited.emit()

    def mouseReleaseEvent(self, _event) -> None:
        if self._drag is not None and self._drag[2] != self.box:
            self.box_committed.emit()
        self._drag = None

    def mouseDoubleClickEvent(self, event) -> None:
        self._pick_focal(event.position())

    def _pick_focal(self, pos: QPointF) -> None:
        x, y = self.to_image(pos)
        if 0 <= x <= self.image_w and 0 <= y <= self.image_h:
            self.focal_picked.emit(x / self.image_w, y / self.image_h)

    def keyPressEvent(self, event) -> None:
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        zoom = {Qt.Key.Key_Plus: 1.05, Qt.Key.Key_Equal: 1.05, Qt.Key.Key_Minus: 1 / 1.05}
        if event.key() in steps:
            step = max(self.image_w, self.image_h) * (0.1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0.01)
            dx, dy = steps[event.key()]
            self.box = geometry.moved(self.box, dx * step, dy * step, self.image_w, self.image_h)
        elif event.key() in zoom:
            self.box = geometry.scaled(self.box, zoom[event.key()], self.image_w, self.image_h)
        else:
            super().keyPressEvent(event)
            return
        self.update()
        self.box_edited.emit()
        self.box_committed.emit()
