"""The master text: title and body, with the first character beyond a channel's limit marked.

The overflow mark is an extra selection (no change to the document, so undo/redo and the
officer's cursor are untouched) from the overflow position to the end of the text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget


def overflow_format() -> QTextCharFormat:
    """A red wash and wavy underline readable on light and dark palettes."""
    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(120, 30, 30) if dark else QColor(255, 214, 214))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(230, 80, 80) if dark else QColor(200, 0, 0))
    fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
    return fmt


def mark_overflow(edit: QPlainTextEdit, start: int | None, tooltip: str = "") -> None:
    """Mark document positions ``start``..end of ``edit`` as beyond the limit (None clears)."""
    selections = []
    if start is not None:
        cursor = QTextCursor(edit.document())
        end = edit.document().characterCount() - 1
        cursor.setPosition(min(start, end))
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format = overflow_format()
        selections.append(sel)
    edit.setExtraSelections(selections)
    edit.setToolTip(tooltip)


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif", ".tif", ".tiff")


def carries_images(mime) -> bool:
    """Pasted or dropped data that is an image, or image files, rather than text."""
    if mime.hasImage():
        return True
    return mime.hasUrls() and bool(mime.urls()) and all(
        u.isLocalFile() and u.toLocalFile().lower().endswith(IMAGE_SUFFIXES) for u in mime.urls())


class TextEdit(QPlainTextEdit):
    """A plain-text editor that hands pasted or dropped images to whoever attaches media."""

    media_pasted = Signal(object)  # QMimeData, handled synchronously

    def canInsertFromMimeData(self, source) -> bool:
        return carries_images(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source) -> None:
        if carries_images(source):
            self.media_pasted.emit(source)
        else:
            super().insertFromMimeData(source)


class MasterEditor(QWidget):
    """Title line + body text. Emits plain strings; the main window hands them to the model."""

    text_edited = Signal(str)
    title_edited = Signal(str)
    media_pasted = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("titleEdit")
        self.text_edit = TextEdit(self)
        self.text_edit.setObjectName("masterText")
        self.text_edit.setTabChangesFocus(True)  # Tab moves on; keyboard users are not trapped
        self.overflow_label = QLabel(self)
        self.overflow_label.setObjectName("overflowNote")
        self.overflow_label.setWordWrap(True)
        self.overflow_label.hide()
        self._shown_overflow: int | None = None
        font = self.text_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text_edit.setFont(font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.overflow_label)

        self.text_edit.textChanged.connect(lambda: self.text_edited.emit(self.text_edit.toPlainText()))
        self.title_edit.textEdited.connect(self.title_edited)
        self.text_edit.media_pasted.connect(self.media_pasted)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_edit.setPlaceholderText(self.tr("Title (portal, YouTube)"))
        self.title_edit.setAccessibleName(self.tr("Post title"))
        self.text_edit.setPlaceholderText(self.tr("Write the announcement once; every channel follows it."))
        self.text_edit.setAccessibleName(self.tr("Post text"))

    def set_content(self, title: str, text: str) -> None:
        """Show a loaded draft without echoing it back as an edit."""
        self.title_edit.setText(title)
        if self.text_edit.toPlainText() != text:
            self.text_edit.blockSignals(True)
            self.text_edit.setPlainText(text)
            self.text_edit.blockSignals(False)
            self.text_edit.moveCursor(QTextCursor.MoveOperation.End)

    def show_overflow(self, position: int | None, message: str) -> None:
        """``position`` in document units; ``message`` names the channel(s) that overflow."""
        if position is None and self._shown_overflow is None and not message:
            return  # the usual keystroke: nothing marked before or now, nothing to repaint
        self._shown_overflow = position
        mark_overflow(self.text_edit, position, message)
        if self.overflow_label.text() != message:
            self.overflow_label.setText(message)
        self.overflow_label.setVisible(bool(message))
