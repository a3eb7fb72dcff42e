"""The crop editor: one image, one channel, a crop box locked to the channel's shapes.

``edit(post, channel_key, spec, media_ref, proxy_path, channels=...)`` opens an image. The editor
writes its changes into the post it was given (the variant's manual crop, the image's focal point)
and announces them: ``crop_changed(channel_key, media_id, Crop | None)`` (None: back to automatic)
and ``focal_changed(media_id, (x, y))``. A new focal point re-derives the automatic crop of every
channel in ``channels`` that has no manual crop for this image. With ``model`` set (the window's
DraftModel), the changes go through it instead, so each one can be undone. ``revert()`` puts back
the crops and focal point the image had when it was opened (the dialog's Cancel).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QImageReader, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.core.adapters import PlatformSpec
from composer.core.media import grid_shape_of
from composer.core.post import Crop, MediaRef, Post
from composer.gui.crop import geometry, presets
from composer.gui.crop.canvas import CropCanvas
from composer.gui.crop.geometry import Box


def crop_shortcuts() -> list[tuple[str, str]]:
    """The crop editor's keys (what, keys): bound by the editor, listed by F1."""
    return [(QCoreApplication.translate("CropEditor", "Set the focal point, then click the photo"), FOCAL_KEY),
            (QCoreApplication.translate("CropEditor", "Reset to automatic"), RESET_KEY),
            (QCoreApplication.translate("CropEditor", "Nudge the box (Shift: more)"), "← ↑ → ↓"),
            (QCoreApplication.translate("CropEditor", "Larger / smaller box"), "+ / −"),
            (QCoreApplication.translate("CropEditor", "Done"), "Enter"), (QCoreApplication.translate("CropEditor", "Cancel"), "Esc")]


FOCAL_KEY, RESET_KEY = "F", "Ctrl+Backspace"


class ChannelCrops(QWidget):
    """Small thumbnails: how every channel crops this image right now."""

    THUMB_W = 132

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pixmap = QPixmap()
        self.rows: list[tuple[str, Crop | None, bool]] = []  # name, crop, manual
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)

    def set_rows(self, pixmap: QPixmap, rows) -> None:
        self.pixmap, self.rows = pixmap, list(rows)
        cols = 2
        th = self._thumb_h()
        self.setFixedHeight(((len(self.rows) + cols - 1) // cols) * (th + 30))
        self.update()

    def _thumb_h(self) -> int:
        if self.pixmap.isNull():
            return 80
        return round(self.THUMB_W * self.pixmap.height() / self.pixmap.width())

    def paintEvent(self, _event) -> None:
        if self.pixmap.isNull():
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        th = self._thumb_h()
        for i, (name, crop, manual) in enumerate(self.rows):
            x, y = (i % 2) * (self.THUMB_W + 12), (i // 2) * (th + 30)
            rect = QRectF(x, y, self.THUMB_W, th)
            p.drawPixmap(rect, self.pixmap, QRectF(self.pixmap.rect()))
            c = crop or Crop(0, 0, 1, 1)
            box = QRectF(x + c.x * rect.width(), y + c.y * rect.height(), c.w * rect.width(), c.h * rect.height())
            p.fillRect(rect, QColor(0, 0, 0, 110))
            p.drawPixmap(box, self.pixmap, QRectF(c.x * self.pixmap.width(), c.y * self.pixmap.height(),
                                                  c.w * self.pixmap.width(), c.h * self.pixmap.height()))
            p.setPen(QPen(QColor("#FFC107" if manual else "#FFFFFF"), 1.5))
            p.drawRect(box)
            p.setPen(self.palette().windowText().color())
            how = self.tr("manual") if manual else self.tr("automatic")
            label = self.fontMetrics().elidedText(f"{name} · {how}", Qt.TextElideMode.ElideMiddle, self.THUMB_W)
            p.drawText(QRectF(x, y + th + 2, self.THUMB_W, 24), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        p.end()


class CropEditor(QWidget):
    crop_changed = Signal(str, str, object)  # channel key, media id, Crop or None (automatic)
    focal_changed = Signal(str, object)  # media id, (x, y) fractions
    fit_changed = Signal(str, str)  # media id, "" (crop), "pad" or "blur"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.post: Post | None = None
        self.key = ""
        self.spec = None
        self.media: MediaRef | None = None
        self.channels: dict[str, PlatformSpec] = {}
        self.presets: list[presets.Preset] = []
        self.pixmap = QPixmap()
        self.w = self.h = 1
        self.model = None  # the window's DraftModel: changes go through it (undoable)
        # what Cancel puts back: every channel's manual crop, the focal point, the fit
        self._opened: tuple[dict[str, Crop | None], tuple[float, float] | None, str] = ({}, None, "")
        self.canvas = CropCanvas(self)
        self.canvas.setAccessibleName(self.tr("Crop area"))
        self.canvas.box_edited.connect(self._on_box_moving)
        self.canvas.box_committed.connect(self._on_box_edited)
        self.canvas.focal_picked.connect(self.set_focal)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size:15px; font-weight:bold;")
        self.title.setWordWrap(True)
        self.shape = QComboBox(self)
        self.shape.setAccessibleName(self.tr("Shape"))
        self.shape.activated.connect(self._on_shape)
        self.fit = QComboBox(self)  # a poster whose every line matters is kept whole
        self.fit.setAccessibleName(self.tr("Whole picture"))
        for code, label in (("", self.tr("Crop to the shape")),
                            ("pad", self.tr("Whole picture, plain background")),
                            ("blur", self.tr("Whole picture, blurred background"))):
            self.fit.addItem(label, code)
        self.fit.activated.connect(self._on_fit)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.focal_button = QPushButton(self.tr("Set focal point"), self)
        self.focal_button.setCheckable(True)
        self.focal_button.setToolTip(self.tr("Then click the most important spot of the photo (F). "
                                             "Double-click the photo does the same."))
        self.focal_button.toggled.connect(self._on_focal_mode)
        self.reset_button = QPushButton(self.tr("Reset to automatic"), self)
        self.reset_button.setToolTip(self.tr("Forget this channel's manual crop (Ctrl+Backspace)"))
        self.reset_button.clicked.connect(self.reset_to_automatic)
        self.others = ChannelCrops(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#B3261E;")
        self.error.setWordWrap(True)
        self.error.hide()
        self._add_shortcuts()

        side = QVBoxLayout()
        side.addWidget(self.title)
        form = QFormLayout()
        form.addRow(self.tr("Shape:"), self.shape)
        form.addRow(self.tr("Fit:"), self.fit)
        side.addLayout(form)
        side.addWidget(self.status)
        side.addWidget(self.focal_button)
        side.addWidget(self.reset_button)
        side.addSpacing(12)
        others_title = QLabel(self.tr("Every channel's crop of this photo"), self)
        others_title.setStyleSheet("font-weight:bold;")
        side.addWidget(others_title)
        side.addWidget(self.others)
        side.addWidget(self.error)
        side.addStretch(1)
        hint = QLabel(self.tr("Drag the box to move it, drag a corner to resize it, arrow keys "
                              "nudge it (Shift: more), + and - make it larger or smaller."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#6B7280;")
        side.addWidget(hint)
        side_box = QWidget(self)
        side_box.setLayout(side)
        # the side column scrolls (eleven channels' thumbnails of a portrait photo are taller than
        # a 768-pixel screen); the photo keeps the rest of the dialog
        side_scroll = QScrollArea(self)
        side_scroll.setWidget(side_box)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setFixedWidth(300 + side_scroll.verticalScrollBar().sizeHint().width())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.canvas, 1)
        row.addWidget(side_scroll)
        self.setTabOrder(self.canvas, self.shape)
        self.setTabOrder(self.shape, self.fit)
        self.setTabOrder(self.fit, self.focal_button)
        self.setTabOrder(self.focal_button, self.reset_button)

    def _add_shortcuts(self) -> None:
        for keys, slot in ((FOCAL_KEY, self.focal_button.toggle),
                           (RESET_KEY, self.reset_to_automatic)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # -- opening ------------------------------------------------------------------------------
    def edit(self, post: Post, channel_key: str, spec, media_ref: MediaRef, proxy_path,
             channels: dict | None = None) -> bool:
        """Open ``media_ref`` (shown from ``proxy_path``) for ``channel_key``. ``channels`` maps
        every channel of the post to its spec, for re-deriving automatic crops; False (with a
        message shown) when the image cannot be read."""
        self.post, self.key, self.spec, self.media = post, channel_key, spec, media_ref
        self.focal_button.setChecked(False)  # the editor is reused: start every image fresh
        self.fit.setCurrentIndex(max(0, self.fit.findData(media_ref.fit)))
        self.channels = dict(channels or {})
        self.channels.setdefault(channel_key, spec)
        self._opened = ({k: self.manual_crop(k) for k in self.channels}, media_ref.focal, media_ref.fit)
        reader = QImageReader(str(proxy_path))
        reader.setAutoTransform(True)
        image = reader.read()
        self.title.setText(self.tr("Crop for {channel}").format(channel=spec.name))
        if image.isNull():
            self.error.setText(self.tr("Cannot open this image: {reason}").format(reason=reader.errorString()))
            self.error.show()
            self.setEnabled(True)
            return False
        self.error.hide()
        self.pixmap = QPixmap.fromImage(image)
        self.w, self.h = image.width(), image.height()
        self.canvas.set_image(self.pixmap, self.w, self.h)
        self.canvas.focal = media_ref.focal
        self.presets = presets.presets_for(spec, self.w / self.h)
        self.shape.clear()
        for preset in self.presets:
            self.shape.addItem(preset.label)
        self._show_current()
        self.canvas.setFocus()
        return True

    # -- what each channel gets ------------------------------------------------------------------
    def manual_crop(self, key: str) -> Crop | None:
        variant = self.post.variants.get(key) if self.post else None
        return variant.crops.get(self.media.id) if variant and self.media else None

    def automatic_crop(self, key: str) -> Crop | None:
        assert self.media is not None  # edit() came first
        spec = self.channels[key]  # a branded image in a feed grid takes the grid cell's shape
        shape = grid_shape_of(self.post, spec, self.media.id, key) if self.post else None
        return presets.default_crop(self.w, self.h, self.media.focal, spec, shape)

    def default_crops(self) -> dict[str, Crop | None]:
        """The automatic crop of every channel that has no manual crop for this image."""
        return {k: self.automatic_crop(k) for k in self.channels if self.manual_crop(k) is None}

    def current_crop(self) -> Crop:
        return self.canvas.box.to_crop(self.w, self.h)

    def _show_current(self) -> None:
        manual = self.manual_crop(self.key)
        crop = manual or self.automatic_crop(self.key)
        box = Box.from_crop(crop, self.w, self.h)
        index = presets.nearest(self.presets, box.ratio)
        if index >= 0:
            self.shape.setCurrentIndex(index)
        ratio = self.presets[index].ratio if index >= 0 else box.ratio
        if abs(ratio / box.ratio - 1) > 0.01:  # a manual crop from elsewhere: keep its shape
            ratio = box.ratio
        self.canvas.set_box(box, ratio)
        self.status.setText(self.tr("Manual crop for this channel.") if manual else
                            self.tr("Automatic: follows the focal point."))
        self.reset_button.setEnabled(manual is not None)
        self._refresh_others()

    def _refresh_others(self) -> None:
        rows = []
        ids = [spec.id for spec in self.channels.values()]
        for key, spec in self.channels.items():
            manual = self.manual_crop(key)
            name = spec.name if ids.count(spec.id) == 1 else key  # two accounts on one network
            rows.append((name, manual or self.automatic_crop(key), manual is not None))
        self.others.set_rows(self.pixmap, rows)

    # -- edits --------------------------------------------------------------------------------
    def _store_manual(self) -> None:
        assert self.post is not None and self.media is not None  # edit() came first
        crop = self.current_crop()
        self._write_crop(self.key, crop)
        self.status.setText(self.tr("Manual crop for this channel."))
        self.reset_button.setEnabled(True)
        self._refresh_others()

    def _write_crop(self, key: str, crop: Crop | None) -> None:
        assert self.post is not None and self.media is not None  # edit() came first
        if self.model is not None:
            self.model.set_crop(key, self.media.id, crop)
        elif crop is None:
            self.post.variant(key).crops.pop(self.media.id, None)
        else:
            self.post.variant(key).crops[self.media.id] = crop
        self.crop_changed.emit(key, self.media.id, crop)

    def _write_focal(self, focal: tuple[float, float] | None) -> None:
        assert self.media is not None
        if self.model is not None:
            self.model.set_focal(self.media.id, focal)
        else:
            self.media.focal = focal
        self.canvas.focal = focal
        self.focal_changed.emit(self.media.id, focal)

    def revert(self) -> None:
        """Back to the crops and focal point this image had when it was opened."""
        if self.post is None or self.media is None:
            return
        crops, focal, fit = self._opened
        for key, crop in crops.items():
            if self.manual_crop(key) != crop:
                self._write_crop(key, crop)
        if self.media.focal != focal:
            self._write_focal(focal)
        if self.media.fit != fit:
            self._write_fit(fit)
            self.fit.setCurrentIndex(max(0, self.fit.findData(fit)))
        self._show_current()

    def _on_box_moving(self) -> None:
        self.status.setText(self.tr("Manual crop for this channel."))

    def _on_box_edited(self) -> None:
        """Stored and announced once per gesture, not per mouse move: each announcement makes
        the app re-render this channel's image."""
        if self.media is not None:
            self._store_manual()

    def _on_shape(self, index: int) -> None:
        if not (0 <= index < len(self.presets)) or self.media is None:
            return
        ratio = self.presets[index].ratio
        self.canvas.set_box(geometry.reshaped(self.canvas.box, ratio, self.w, self.h), ratio)
        self._store_manual()

    def set_preset(self, index: int) -> None:
        """Switch the shape as if chosen in the list (keyboard users, tests)."""
        self.shape.setCurrentIndex(index)
        self._on_shape(index)

    def _on_fit(self, index: int) -> None:
        """Crop, or keep the whole picture on every channel (padded or on a blurred copy)."""
        fit = self.fit.itemData(index) or ""
        if self.media is None:
            return
        self._write_fit(fit)

    def _write_fit(self, fit: str) -> None:
        assert self.media is not None
        if self.model is not None:
            self.model.set_fit(self.media.id, fit)
        else:
            self.media.fit = fit
        self.fit_changed.emit(self.media.id, fit)

    def _on_focal_mode(self, on: bool) -> None:
        self.canvas.focal_mode = on
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def set_focal(self, x: float, y: float) -> None:
        """The photo's most important spot; every automatic crop follows it."""
        if self.media is None:
            return
        focal = (min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0))
        self._write_focal(focal)
        self.focal_button.setChecked(False)
        self._show_current()

    def reset_to_automatic(self) -> None:
        if self.post is None or self.media is None or self.manual_crop(self.key) is None:
            return
        self._write_crop(self.key, None)
        self._show_current()
