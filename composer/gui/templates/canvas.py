"""The template at one shape, large, with its layers outlined: drag an unlocked layer to move
it, drag its corner to resize it, arrows nudge the selected layer. Locked layers show a lock and
refuse (the model raises LockedLayer; the editor tells the officer)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from composer.core.templates import LockedLayer, Template

HANDLE = 12
MARGIN = 12
NUDGE = 0.01  # short-edge units per arrow key (Shift: 5x)
MIN_SIZE = 0.03


class TemplateCanvas(QWidget):
    selected = Signal(str)  # layer id
    edited = Signal()  # a layer moved or resized (live, while dragging)
    settled = Signal()  # a drag ended: time to render again
    refused = Signal(str)  # layer id that is locked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 300)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.template: Template | None = None
        self.size_px = (1080, 1080)
        self.image = QImage()
        self.current: str | None = None
        self._drag: tuple[str, QPointF] | None = None

    def set_template(self, template: Template, size: tuple[int, int]) -> None:
        self.template, self.size_px = template, size
        if self.current and not any(la.id == self.current for la in template.layers):
            self.current = None
        self.update()

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    # -- geometry -----------------------------------------------------------------------------
    def canvas_rect(self) -> QRectF:
        w, h = self.size_px
        avail = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        s = min(avail.width() / w, avail.height() / h)
        return QRectF(avail.center().x() - w * s / 2, avail.center().y() - h * s / 2, w * s, h * s)

    def _scale(self) -> float:
        return self.canvas_rect().width() / self.size_px[0]

    def layer_screen_rect(self, layer_id: str) -> QRectF:
        assert self.template is not None  # a layer id comes from the template on show
        layer = self.template.layer(layer_id)
        r = self.template.layer_rect(layer, *self.size_px)
        c, s = self.canvas_rect(), self._scale()
        return QRectF(c.x() + r.left * s, c.y() + r.top * s, r.width * s, r.height * s)

    def layer_at(self, pos: QPointF) -> str | None:
        for layer in reversed(self.template.layers if self.template else []):
            if layer.visible and self.layer_screen_rect(layer.id).contains(pos):
                return layer.id
        return None

    def _units(self, pixels: float) -> float:
        """Screen pixels → the template's short-edge units."""
        return pixels / (self._scale() * min(self.size_px))

    # -- drawing ------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.fillRect(self.rect(), QColor("#2B2F36"))
        c = self.canvas_rect()
        if not self.image.isNull():
            p.drawImage(c, self.image)
        else:
            p.fillRect(c, QColor("#3A3F47"))
        if self.template is None:
            p.end()
            return
        lock_font = QFont(self.font())
        lock_font.setPixelSize(13)
        for layer in self.template.layers:
            if not layer.visible:
                continue
            r = self.layer_screen_rect(layer.id)
            chosen = layer.id == self.current
            colour = QColor("#FFC107") if chosen else QColor(255, 255, 255, 110)
            p.setPen(QPen(colour, 2 if chosen else 1, Qt.PenStyle.SolidLine if chosen else Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r)
            if layer.locked:
                badge = QRectF(r.right() - 22, r.top() + 2, 20, 20)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(0, 0, 0, 150))
                p.drawRoundedRect(badge, 4, 4)
                p.setFont(lock_font)
                p.setPen(QColor("#FFFFFF"))
                p.drawText(badge, Qt.AlignmentFlag.AlignCenter, "🔒")
            elif chosen:
                p.setPen(QPen(QColor("#1A73E8"), 2))
                p.setBrush(QColor("#FFFFFF"))
                p.drawRect(QRectF(r.right() - HANDLE / 2, r.bottom() - HANDLE / 2, HANDLE, HANDLE))
        if self.hasFocus():
            p.setPen(QPen(QColor("#1A73E8"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        p.end()

    # -- input --------------------------------------------------------------------------------
    def _on_handle(self, pos: QPointF) -> bool:
        if not self.current:
            return False
        r = self.layer_screen_rect(self.current)
        return abs(pos.x() - r.right()) <= HANDLE and abs(pos.y() - r.bottom()) <= HANDLE

    def mousePressEvent(self, event) -> None:
        if self.template is None or event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        if self.current and self._on_handle(pos) and not self.template.layer(self.current).locked:
            self._drag = ("resize", pos)
            return
        layer_id = self.layer_at(pos)
        if layer_id is None:
            return
        self.current = layer_id
        self.selected.emit(layer_id)
        self.update()
        if self.template.layer(layer_id).locked:
            self.refused.emit(layer_id)
            return
        self._drag = ("move", pos)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._drag is None:
            over = self._on_handle(pos)
            self.setCursor(Qt.CursorShape.SizeFDiagCursor if over else Qt.CursorShape.ArrowCursor)
            return
        what, last = self._drag
        template, current = self.template, self.current
        assert template is not None and current is not None  # a drag starts on a shown layer
        try:
            if what == "move":
                template.move(current, self._units(pos.x() - last.x()), self._units(pos.y() - last.y()))
            else:
                r = self.layer_screen_rect(current)
                template.resize(current, width=max(MIN_SIZE, self._units(pos.x() - r.left())),
                                height=max(MIN_SIZE, self._units(pos.y() - r.top())))
        except LockedLayer:
            self._drag = None
            self.refused.emit(self.current)
            return
        self._drag = (what, pos)
        self.update()
        self.edited.emit()

    def mouseReleaseEvent(self, _event) -> None:
        if self._drag is not None:
            self._drag = None
            self.settled.emit()

    def keyPressEvent(self, event) -> None:
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if event.key() not in steps or not self.current or self.template is None:
            super().keyPressEvent(event)
            return
        step = NUDGE * (5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
        dx, dy = steps[event.key()]
        try:
            self.template.move(self.current, dx * step, dy * step)
        except LockedLayer:
            self.refused.emit(self.current)
            return
        self.update()
        self.edited.emit()
        self.settled.emit()
