"""The selected video's panel under the media strip: scrub through it to pick the cover frame,
set where it starts and ends (the trim), and read what the core says about the cut (a copy
when the start is a keyframe, else that part is re-encoded; "Start at the keyframe" moves it
there). "Captions…" attaches or replaces the video's captions file (SRT or WebVTT, read by the
core's parser: MediaRef.captions, as `siaran new --captions` sets it), "Remove captions" takes it
off. "Burn captions into the picture" (MediaRef.burn_captions) draws a video's captions onto
its frames for the channels that take no captions file. The cover moment and the trim are the post's own (MediaRef.cover_at, trim_start,
trim_end): the CLI and the publish use the same values. Frames are taken on the image lane,
never on the GUI thread, and only the last asked moment is drawn."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from composer.core.i18n import UserError
from composer.core.post import CAPTION_SUFFIXES, MediaRef
from composer.core.video.captions import read as read_captions
from composer.core.video.preview import duration_text
from composer.gui.media import video_jobs

SCRUB_DEBOUNCE_MS = 90
STEP_MS = 100  # arrow keys move a tenth of a second; Page Up/Down a second


def moment_text(seconds: float) -> str:
    """0:03.4: a moment to the tenth of a second (the scrubber's reading)."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}.{int(round((seconds - whole) * 10)) % 10}"


class VideoPanel(QWidget):
    error = Signal(str)  # a captions file that cannot be used: one line for the status bar

    def __init__(self, model, runner, parent=None):
        super().__init__(parent)
        self.model, self.runner = model, runner
        self.media_id: str | None = None
        self.facts: video_jobs.VideoFacts | None = None
        self._frame_task = None
        self._key_task = None
        self.setObjectName("videoPanel")

        self.frame = QLabel(self)
        self.frame.setObjectName("videoFrame")
        self.frame.setFixedSize(192, 108)  # 16:9, small enough for a 768-pixel-high screen
        self.frame.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.frame.setStyleSheet("background: #111; color: #ddd;")
        self.scrub = QSlider(Qt.Orientation.Horizontal, self)
        self.scrub.setObjectName("videoScrub")
        self.scrub.setSingleStep(STEP_MS)
        self.scrub.setPageStep(1000)
        self.position = QLabel(self)
        self.position.setObjectName("videoPosition")
        self.cover_button = QPushButton(self)
        self.cover_button.setObjectName("videoCover")
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("trimStart")
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("trimEnd")
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("trimClear")
        self.snap_button = QPushButton(self)
        self.snap_button.setObjectName("trimSnap")
        self.cover_line = QLabel(self)
        self.cover_line.setObjectName("videoCoverLine")
        self.trim_line = QLabel(self)
        self.trim_line.setObjectName("videoTrimLine")
        self.trim_line.setWordWrap(True)
        self.burn_box = QCheckBox(self)
        self.burn_box.setObjectName("burnCaptions")
        self.captions_line = QLabel(self)
        self.captions_line.setObjectName("videoCaptionsLine")
        # one line, cut at the panel's edge (the whole of it is its tooltip)
        self.captions_line.setSizePolicy(QSizePolicy.Policy.Ignored,
                                         QSizePolicy.Policy.Preferred)
        self.captions_button = QPushButton(self)
        self.captions_button.setObjectName("videoCaptions")
        self.captions_remove = QPushButton(self)
        self.captions_remove.setObjectName("videoCaptionsRemove")
        self._captions_error = ""  # the last refused file's line, until the next choice
        self._cue_counts: dict[tuple[str, float], int | None] = {}

        right = QVBoxLayout()
        scrub_row = QHBoxLayout()
        scrub_row.addWidget(self.scrub, 1)
        scrub_row.addWidget(self.position)
        right.addLayout(scrub_row)
        buttons = QGridLayout()
        buttons.addWidget(self.cover_button, 0, 0)
        buttons.addWidget(self.start_button, 0, 1)
        buttons.addWidget(self.end_button, 0, 2)
        buttons.addWidget(self.clear_button, 0, 3)
        right.addLayout(buttons)
        cover_row = QHBoxLayout()  # the cover and the burn-in box share a row: the panel
        cover_row.addWidget(self.cover_line, 1)  # must fit a 768-pixel-high screen
        cover_row.addWidget(self.burn_box)
        right.addLayout(cover_row)
        trim_row = QHBoxLayout()
        trim_row.addWidget(self.trim_line, 1)
        trim_row.addWidget(self.snap_button)
        right.addLayout(trim_row)
        captions_row = QHBoxLayout()
        captions_row.addWidget(self.captions_line, 1)
        captions_row.addWidget(self.captions_button)
        captions_row.addWidget(self.captions_remove)
        right.addLayout(captions_row)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame)
        layout.addLayout(right, 1)

        self._timer = QTimer(self, singleShot=True, interval=SCRUB_DEBOUNCE_MS)
        self._timer.timeout.connect(self._fetch_frame)
        self.scrub.valueChanged.connect(self._scrubbed)
        self.cover_button.clicked.connect(self.use_as_cover)
        self.start_button.clicked.connect(lambda: self.set_trim(start=self.at()))
        self.end_button.clicked.connect(lambda: self.set_trim(end=self.at()))
        self.clear_button.clicked.connect(lambda: self.set_trim(start=None, end=None, clear=True))
        self.snap_button.clicked.connect(self.snap_to_keyframe)
        self.burn_box.toggled.connect(self.set_burn_captions)
        self.captions_button.clicked.connect(self.choose_captions)
        self.captions_remove.clicked.connect(self.remove_captions)
        QShortcut(QKeySequence("Ctrl+Shift+K"), self, self.use_as_cover)
        QShortcut(QKeySequence("["), self.scrub, lambda: self.set_trim(start=self.at()))
        QShortcut(QKeySequence("]"), self.scrub, lambda: self.set_trim(end=self.at()))
        self.snap_button.hide()
        self._keyframe: float | None = None
        self._answered = False
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self.scrub.setAccessibleName(self.tr("Position in the video"))
        self.scrub.setToolTip(self.tr("Scrub to pick the cover or where the video starts and ends "
                                      "(arrows: a tenth of a second, Page Up/Down: a second)"))
        self.cover_button.setText(self.tr("Use as cover"))
        self.cover_button.setToolTip(self.tr("This frame is the video's cover (Ctrl+Shift+K)"))
        self.start_button.setText(self.tr("Start here"))
        self.start_button.setToolTip(self.tr("The video starts at this moment ([)"))
        self.end_button.setText(self.tr("End here"))
        self.end_button.setToolTip(self.tr("The video ends at this moment (])"))
        self.clear_button.setText(self.tr("Whole video"))
        self.clear_button.setToolTip(self.tr("Send the video from start to end"))
        self.snap_button.setText(self.tr("Start at the keyframe"))
        self.burn_box.setText(self.tr("Burn captions into the picture"))
        self.captions_button.setText(self.tr("Captions…"))
        self.captions_button.setToolTip(self.tr("Attach or replace the video's captions file "
                                                "(SRT or WebVTT)"))
        self.captions_remove.setText(self.tr("Remove"))  # short: the row is narrow
        self.captions_remove.setAccessibleName(self.tr("Remove captions"))
        self.captions_remove.setToolTip(self.tr("The video goes out without captions"))
        self._describe()

    # -- which video ---------------------------------------------------------------------------

    def show_video(self, ref: MediaRef | None, facts: video_jobs.VideoFacts | None) -> None:
        if ref is None or ref.kind != "video" or facts is None:
            self.media_id, self.facts = None, None
            self.setVisible(False)
            return
        changed = ref.id != self.media_id
        if changed:
            self._captions_error = ""
        self.media_id, self.facts = ref.id, facts
        self.setVisible(True)
        if changed:
            self.scrub.blockSignals(True)
            self.scrub.setRange(0, int(facts.duration * 1000))
            self.scrub.setValue(int((ref.cover_at or 0.0) * 1000))
            self.scrub.blockSignals(False)
            self._fetch_frame()
            self._ask_keyframe()
        self.burn_box.blockSignals(True)
        self.burn_box.setChecked(bool(ref.burn_captions))
        self.burn_box.blockSignals(False)
        self._describe()

    def ref(self) -> MediaRef | None:
        try:
            return self.model.post.media_by_id(self.media_id) if self.media_id else None
        except KeyError:
            return None

    def at(self) -> float:
        return self.scrub.value() / 1000.0

    # -- actions ---------------------------------------------------------------------------------

    def use_as_cover(self) -> None:
        if self.media_id:
            self.model.update_media(self.media_id, cover_at=round(self.at(), 2))
            self._describe()

    def set_trim(self, *, start: float | None = None, end: float | None = None,
                 clear: bool = False) -> None:
        ref = self.ref()
        if ref is None or self.facts is None:
            return
        new_start = None if clear else (ref.trim_start if start is None else round(start, 2))
        new_end = None if clear else (ref.trim_end if end is None else round(end, 2))
        if new_start is not None and new_start <= 0:
            new_start = None
        if new_end is not None and new_end >= self.facts.duration - 0.05:
            new_end = None
        if new_start is not None and new_end is not None and new_end <= new_start:
            # the other end moves out of the way: the officer's newest choice wins
            if start is not None:
                new_end = None
            else:
                new_start = None
        self.model.update_media(ref.id, trim_start=new_start, trim_end=new_end)
        self._ask_keyframe()
        self._describe()

    def set_burn_captions(self, on: bool) -> None:
        if self.media_id:
            self.model.update_media(self.media_id, burn_captions=bool(on))
            self._describe()

    def choose_captions(self) -> None:
        """Ask for a captions file (SRT or WebVTT) and attach it."""
        ref = self.ref()
        if ref is None:
            return
        start = str(Path(ref.captions).parent) if ref.captions else str(Path(ref.path).parent)
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the video's captions"), start,
            self.tr("Captions (*.srt *.vtt)"))
        if path:
            self.set_captions(path)

    def set_captions(self, path: str) -> bool:
        """Attach ``path`` as the video's captions once the core reads cues in it; a file it
        cannot use is one line under the video and changes nothing."""
        ref = self.ref()
        if ref is None:
            return False
        try:
            if not path.lower().endswith(CAPTION_SUFFIXES):
                raise UserError(self.tr("The captions must be an SRT or WebVTT file (.srt, .vtt)"))
            count = len(read_captions(path))  # CaptionsError: one translated line
        except UserError as exc:
            self._captions_error = str(exc)
            self._describe()
            self.error.emit(self._captions_error)  # the status bar says it too
            return False
        self._captions_error = ""
        resolved = str(Path(path).resolve())
        self._cue_counts[self._count_key(resolved)] = count
        self.model.set_captions(ref.id, resolved)  # undoable (Ctrl+Z)
        self._describe()
        return True

    def remove_captions(self) -> None:
        """The video goes without captions (and so without captions drawn in)."""
        if self.media_id:
            self._captions_error = ""
            self.model.set_captions(self.media_id, None)  # undoable: Ctrl+Z brings them back
            self._describe()

    @staticmethod
    def _count_key(path: str) -> tuple[str, float]:
        try:
            return path, Path(path).stat().st_mtime
        except OSError:
            return path, -1.0

    def _cue_count(self, path: str) -> int | None:
        """How many cues the file holds (None: it is gone or no longer readable), read once per
        version of the file."""
        key = self._count_key(path)
        if key not in self._cue_counts:
            try:
                self._cue_counts[key] = len(read_captions(path))
            except UserError:
                self._cue_counts[key] = None
        return self._cue_counts[key]

    def snap_to_keyframe(self) -> None:
        if self._keyframe is not None:
            self.set_trim(start=self._keyframe if self._keyframe > 0 else 0.0)
            if self._keyframe <= 0 and self.media_id:
                ref = self.ref()
                self.model.update_media(self.media_id, trim_start=None,
                                        trim_end=ref.trim_end if ref else None)
                self._ask_keyframe()
                self._describe()

    # -- background ----------------------------------------------------------------------------

    def _scrubbed(self, _value: int) -> None:
        self.position.setText(moment_text(self.at()))
        self._timer.start()

    def _fetch_frame(self) -> None:
        if self.facts is None:
            return
        if self._frame_task is not None:
            self._frame_task.cancel()
        task = self.runner.submit_image(video_jobs.frame_at, self.facts.source, self.at(),
                                        name="video frame")
        self._frame_task = task
        task.finished.connect(lambda image, t=task: self._frame_ready(t, image))
        self.position.setText(moment_text(self.at()))

    def _frame_ready(self, task, image) -> None:
        if task is self._frame_task and image is not None and not image.isNull():
            self.frame.setPixmap(QPixmap.fromImage(image).scaled(
                self.frame.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))

    def _ask_keyframe(self) -> None:
        ref = self.ref()
        if ref is None or self.facts is None:
            return
        self._answered = False  # until the core answers, say nothing about the cut
        task = self.runner.submit_image(video_jobs.keyframe_facts, self.facts.source,
                                        ref.trim_start, name="video keyframes")
        self._key_task = task
        task.finished.connect(lambda answer, t=task: self._keyframe_ready(t, answer))

    def _keyframe_ready(self, task, answer) -> None:
        if task is not self._key_task or answer is None:
            return
        on_keyframe, before = answer
        self._keyframe = None if on_keyframe else before
        self._answered = True
        self._describe()

    # -- words -----------------------------------------------------------------------------------

    def _describe(self) -> None:
        ref = self.ref()
        if ref is None or self.facts is None:
            return
        self._describe_captions(ref)
        self.burn_box.setEnabled(bool(ref.captions))
        self.burn_box.setToolTip(
            self.tr("Channels that take no captions file get the captions drawn onto the "
                    "video; the others get the clean video and the file")
            if ref.captions else self.tr("The video has no captions file"))
        cover = ref.cover_at or 0.0
        self.cover_line.setText(self.tr("Cover: the frame at {moment}").format(
            moment=moment_text(cover)))
        start = ref.trim_start or 0.0
        end = self.facts.duration if ref.trim_end is None else ref.trim_end
        if ref.trim_start is None and ref.trim_end is None:
            self.trim_line.setText(self.tr("The whole video goes out ({length}).").format(
                length=duration_text(self.facts.duration)))
            self.snap_button.hide()
            return
        kept = self.tr("Goes out from {start} to {end} ({length}).").format(
            start=moment_text(start), end=moment_text(end), length=duration_text(end - start))
        if not self._answered:
            how = ""
            self.snap_button.hide()
        elif self._keyframe is None:
            how = self.tr("Cut without re-encoding.")
            self.snap_button.hide()
        else:
            how = self.tr("Starts between keyframes: re-encoded (keyframe before: {moment}).").format(
                moment=moment_text(self._keyframe))
            self.snap_button.show()
        self.trim_line.setText(kept + " " + how)

    def _describe_captions(self, ref: MediaRef) -> None:
        self.captions_remove.setVisible(bool(ref.captions))
        self.captions_line.setStyleSheet("color: #b00020;" if self._captions_error else "")
        if self._captions_error:
            self.captions_line.setText(self._captions_error)
            self.captions_line.setToolTip(self._captions_error)
            return
        if not ref.captions:
            self.captions_line.setText(self.tr("No captions"))
        else:
            name = Path(ref.captions).name
            count = self._cue_count(ref.captions)
            if count is None:
                self.captions_line.setText(
                    self.tr("Captions: {name} cannot be read").format(name=name))
            else:
                self.captions_line.setText(
                    self.tr("Captions (%n cue(s)): {name}", "", count).format(name=name))
        self.captions_line.setToolTip(self.captions_line.text())
