"""The media strip: thumbnails of the attached images (or the video) in posting order.

Add with the file dialog, by dropping files or by pasting an image; drag (or Ctrl+Shift+Left /
Right) to reorder; Delete removes; the line below edits the selected image's alt text, and a
missing alt text is flagged on the thumbnail and in the summary line. Copies and thumbnails
are made by the task runner, never on the GUI thread. A video shows its poster and length;
selecting it opens its panel (video_panel.py: cover and trim)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.post import MediaRef
from composer.gui.editor.draft_model import DraftModel
from composer.gui.media import jobs
from composer.gui.media.alt_text import AltCounter, AltTextEdit

if TYPE_CHECKING:  # the video modules load with the first video, not at start-up
    from composer.gui.media.video_jobs import VideoFacts
    from composer.gui.media.video_panel import VideoPanel

ID = Qt.ItemDataRole.UserRole
IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif *.avif *.tif *.tiff"


def _length(seconds: float) -> str:
    """A video's length as players show it (the video modules load with the first video)."""
    from composer.core.video.preview import duration_text

    return duration_text(seconds)


class _Thumbs(QListWidget):
    """The list itself: internal moves reorder; external file/image drops are handed up."""

    files_dropped = Signal(list)
    image_dropped = Signal(QImage)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(jobs.THUMB)
        self.setGridSize(QSize(jobs.THUMB.width() + 16, jobs.THUMB.height() + 30))
        self.setMovement(QListView.Movement.Snap)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setFixedHeight(jobs.THUMB.height() + 44)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def _external(self, event) -> bool:
        mime = event.mimeData()
        return event.source() is not self and (mime.hasUrls() or mime.hasImage())

    def dragEnterEvent(self, event):
        if self._external(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        if self._external(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event):
        if not self._external(event):
            super().dropEvent(event)
            return
        mime = event.mimeData()
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            self.files_dropped.emit(files)
        elif mime.hasImage():
            self.image_dropped.emit(QImage(mime.imageData()))
        event.acceptProposedAction()


class MediaStrip(QWidget):
    proxy_ready = Signal(str, str)  # media id, preview proxy path
    error = Signal(str)  # one line for the status bar / a message box

    def __init__(self, model: DraftModel, runner, services, parent=None):
        super().__init__(parent)
        self.model, self.runner, self.services = model, runner, services
        self.proxies: dict[str, str] = {}  # kept after a removal, so an undo shows it again
        self._thumbs: dict[str, QPixmap] = {}
        self.videos: dict[str, VideoFacts] = {}  # the core probe's answer, per video
        self.pending = 0

        self.list = _Thumbs(self)
        self.list.setObjectName("mediaStrip")
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("addImage")
        self.remove_button = QToolButton(self)
        self.left_button = QToolButton(self)
        self.right_button = QToolButton(self)
        self.alt_edit = AltTextEdit(self)
        self.alt_edit.setObjectName("altText")
        self.alt_counter = AltCounter(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("mediaSummary")
        self._video_panel: VideoPanel | None = None  # built when the first video is selected

        buttons = QHBoxLayout()
        for b in (self.add_button, self.left_button, self.right_button, self.remove_button):
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(b)
        buttons.addWidget(self.summary, 1)
        layout = self._column = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        layout.addWidget(self.alt_edit)
        layout.addWidget(self.alt_counter)

        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.left_button.clicked.connect(lambda: self.move_selected(-1))
        self.right_button.clicked.connect(lambda: self.move_selected(+1))
        self.alt_edit.textEdited.connect(self._alt_edited)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.files_dropped.connect(self.add_files)
        self.list.image_dropped.connect(self.add_image)
        self.list.model().rowsMoved.connect(self._rows_moved)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.remove_selected)
        QShortcut(QKeySequence("Ctrl+Shift+Left"), self, lambda: self.move_selected(-1))
        QShortcut(QKeySequence("Ctrl+Shift+Right"), self, lambda: self.move_selected(+1))
        model.media_changed.connect(self.refresh)
        model.alt_changed.connect(self.refresh)
        model.replaced.connect(self.reload)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add images…"))
        self.add_button.setToolTip(self.tr("Add images or a video (Ctrl+Shift+I); you can also drop them or paste images"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected image (Delete)"))
        self.left_button.setText("◀")
        self.left_button.setToolTip(self.tr("Move earlier (Ctrl+Shift+Left)"))
        self.left_button.setAccessibleName(self.tr("Move image earlier"))
        self.right_button.setText("▶")
        self.right_button.setToolTip(self.tr("Move later (Ctrl+Shift+Right)"))
        self.right_button.setAccessibleName(self.tr("Move image later"))
        self.list.setAccessibleName(self.tr("Attached images"))
        self.alt_edit.setPlaceholderText(self.tr("Describe the selected image for people who cannot see it (alt text)"))
        self.alt_edit.setAccessibleName(self.tr("Alt text of the selected image"))
        if self._video_panel is not None:
            self._video_panel.retranslate()
        self.refresh()

    @property
    def video_panel(self) -> VideoPanel:
        """Cover, trim and captions of the selected video: built the first time a video is
        selected (most posts have none), under the thumbnails."""
        if self._video_panel is None:
            from composer.gui.media.video_panel import VideoPanel

            self._video_panel = VideoPanel(self.model, self.runner, self)
            self._video_panel.error.connect(self.error)
            self._column.insertWidget(self._column.indexOf(self.list) + 1, self._video_panel)
            # keyboard order as on screen: the thumbnails, the video's controls, its description
            controls = [w for w in self._video_panel.findChildren(QWidget)
                        if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
            order = [self.list, *controls, self.alt_edit]
            for first, second in zip(order, order[1:], strict=False):
                QWidget.setTabOrder(first, second)
        return self._video_panel

    # -- adding ----------------------------------------------------------------------------

    def choose_files(self) -> None:
        from composer.core.video.files import dialog_patterns

        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add images or a video"), str(Path.home()),
            ";;".join((self.tr("Images and videos ({patterns})").format(
                patterns=IMAGE_FILTER + " " + dialog_patterns()),
                self.tr("Images ({patterns})").format(patterns=IMAGE_FILTER),
                self.tr("Videos ({patterns})").format(patterns=dialog_patterns()))))
        if files:
            self.add_files(files)

    def add_files(self, paths: list[str]) -> None:
        if paths:
            self._start(jobs.import_files, self.services.store, list(paths), self.services.proxy_dir,
                        count=len(paths))

    def add_image(self, image: QImage) -> None:
        if not image.isNull():
            self._start(jobs.import_pasted, self.services.store, image, self.services.proxy_dir)

    def paste(self) -> bool:
        """Paste from the clipboard: image data, or copied image files. False when neither."""
        from PySide6.QtWidgets import QApplication

        return self.take_mime(QApplication.clipboard().mimeData())

    def take_mime(self, mime) -> bool:
        """Attach what pasted or dropped data carries: image files, or image data."""
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
        if files:
            self.add_files(files)
            return True
        if mime.hasImage():
            self.add_image(QImage(mime.imageData()))
            return True
        return False

    def _start(self, fn, *args, count: int = 1) -> None:
        self.pending += count
        self.refresh()
        task = self.runner.submit_image(fn, *args, name="add image")
        task.finished.connect(self._imported)
        task.failed.connect(self._failed)
        task.done.connect(lambda: self._task_done(count))

    def _task_done(self, count: int) -> None:
        self.pending -= count
        self.refresh()

    def _imported(self, result) -> None:
        if isinstance(result, list):  # several files, in the order they were chosen
            for item in result:
                if isinstance(item, str):
                    self._failed(item)
                else:
                    self._imported(item)
            return
        if result.media_id is None:  # a new image
            ref = MediaRef(path=result.path, sha256=result.sha256, focal=result.focal,
                           kind=result.kind)
            self._remember(ref.id, result)
            self.model.add_media(ref)
        else:  # a reopened draft's image
            self._remember(result.media_id, result)
            self.refresh()

    def _remember(self, media_id: str, result: jobs.Imported) -> None:
        self.proxies[media_id] = result.proxy
        if result.video is not None:
            self.videos[media_id] = result.video
        if not result.thumbnail.isNull():
            self._thumbs[media_id] = QPixmap.fromImage(result.thumbnail)
        self.proxy_ready.emit(media_id, result.proxy)

    def _failed(self, message: str) -> None:
        # a file's failure reads "name: reason" (jobs.import_files)
        from composer.core.video.files import is_video_name

        if is_video_name(message.split(": ", 1)[0]):
            self.error.emit(self.tr("Could not add the video: {reason}").format(reason=message))
            return
        self.error.emit(self.tr("Could not add the image: {reason}").format(reason=message))

    def reload(self) -> None:
        """A draft was opened: find each image's proxy and thumbnail again."""
        self.proxies.clear()
        self._thumbs.clear()
        self.videos.clear()
        for ref in self.model.post.media:
            if ref.kind == "video":
                from composer.gui.media.video_jobs import import_video

                self._start(import_video, self.services.store, ref.path,
                            self.services.proxy_dir, ref.id, ref.sha256)
                continue
            self._start(jobs.reopen, self.services.store, ref.path, ref.sha256,
                        self.services.proxy_dir, ref.id)
        self.refresh()

    # -- editing ---------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID) if item else None

    def remove_selected(self) -> None:
        media_id = self.selected_id()
        if media_id:
            row = self.list.currentRow()
            self.model.remove_media(media_id)  # the draft's undo puts it back
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def move_selected(self, delta: int) -> None:
        media_id = self.selected_id()
        if media_id:
            self.model.move_media(media_id, self.list.currentRow() + delta)
            self._select(media_id)

    def _rows_moved(self, *_):
        self.model.reorder_media([self.list.item(i).data(ID) for i in range(self.list.count())])

    def _alt_edited(self, text: str) -> None:
        media_id = self.selected_id()
        if media_id:
            self.model.set_alt(media_id, text)
        self.alt_counter.show_count(text)

    def set_alt_limits(self, limits: list[tuple[str, int]]) -> None:
        """(channel name, alt-text limit) of the chosen channels that have one."""
        self.alt_counter.set_limits(limits)
        self.alt_counter.show_count(self.alt_edit.text())

    def show_alt(self, media_id: str) -> None:
        """An undo changed this image's alt text: select it and show the text."""
        self._select(media_id)
        ref = self._ref(media_id)
        if ref is not None and self.alt_edit.text() != ref.alt:
            self.alt_edit.setText(ref.alt)
            self.alt_counter.show_count(ref.alt)

    def _on_current(self, *_):
        media_id = self.selected_id()
        self.alt_edit.setEnabled(media_id is not None)
        ref = self._ref(media_id)
        self.alt_edit.setText(ref.alt if ref else "")
        if self._video_panel is not None or (ref is not None and ref.kind == "video"):
            self.video_panel.show_video(ref, self.videos.get(media_id or ""))
        if ref is not None and ref.kind == "video":
            self.alt_edit.setPlaceholderText(self.tr("Describe the video for people who cannot see it"))
        else:
            self.alt_edit.setPlaceholderText(self.tr("Describe the selected image for people who cannot see it (alt text)"))
        self.alt_counter.show_count(ref.alt if ref else "")
        for b in (self.remove_button, self.left_button, self.right_button):
            b.setEnabled(media_id is not None)

    def _ref(self, media_id: str | None) -> MediaRef | None:
        try:
            return self.model.post.media_by_id(media_id) if media_id else None
        except KeyError:
            return None

    def select(self, media_id: str) -> None:
        self._select(media_id)

    def _select(self, media_id: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ID) == media_id:
                self.list.setCurrentRow(i)

    # -- showing ---------------------------------------------------------------------------

    def missing_alt(self) -> list[MediaRef]:
        return [m for m in self.model.post.media if not m.alt.strip()]

    def refresh(self) -> None:
        current = self.selected_id()
        self.list.blockSignals(True)
        self._fit_list(bool(self.videos) and any(m.id in self.videos for m in self.model.post.media))
        self.list.clear()
        for i, ref in enumerate(self.model.post.media, 1):
            flag = "" if ref.alt.strip() else "  ⚠ " + self.tr("no alt text")
            facts = self.videos.get(ref.id)
            label = f"▶ {_length(facts.duration)}" if facts is not None else f"{i}"
            item = QListWidgetItem(f"{label}{flag}", self.list)
            item.setData(ID, ref.id)
            item.setToolTip(ref.alt or self.tr("This image has no alt text yet"))
            if facts is not None:
                item.setToolTip(self.video_line(facts) + "\n" + (ref.alt or self.tr("This video has no description yet")))
            pixmap = self._thumbs.get(ref.id)
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))
        self.list.blockSignals(False)
        if current:
            self._select(current)
        elif self.list.count():
            self.list.setCurrentRow(0)
        self._on_current()
        self._update_summary()

    def _fit_list(self, video: bool) -> None:
        """A video's poster is wide: a lower strip leaves room for its panel (1366x768)."""
        icon = jobs.VIDEO_THUMB if video else jobs.THUMB
        if self.list.iconSize() != icon:
            self.list.setIconSize(icon)
            self.list.setGridSize(QSize(icon.width() + 16, icon.height() + 30))
            self.list.setFixedHeight(icon.height() + 44)

    def video_line(self, facts: VideoFacts) -> str:
        """0:12 · 1920×1080 · 8.4 MB: what the core probe says of a video."""
        megabytes = self.locale().toString(facts.bytes / 1_000_000, "f", 1)
        return f"{_length(facts.duration)} · {facts.width}×{facts.height} · " + self.tr(
            "{size} MB").format(size=megabytes)

    def _update_summary(self) -> None:
        media = self.model.post.media
        parts = []
        if not media and not self.pending:
            parts.append(self.tr("No images. Drop, paste (Ctrl+V) or add them."))
        elif media:
            videos = [self.videos[m.id] for m in media if m.id in self.videos]
            images = len([m for m in media if m.kind != "video"])
            if images:
                parts.append(self.tr("%n image(s)", "", images))
            parts += [self.tr("video") + " " + self.video_line(v) for v in videos]
        if self.pending:
            parts.append(self.tr("adding %n…", "", self.pending))
        missing = len(self.missing_alt())
        if missing:
            parts.append(self.tr("%n without alt text", "", missing))
        self.summary.setText(" · ".join(parts))
        if self.summary.property("warn") != bool(missing):
            self.summary.setProperty("warn", bool(missing))
            self.summary.setStyleSheet("color: #b26a00;" if missing else "")
