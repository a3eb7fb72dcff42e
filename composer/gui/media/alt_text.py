"""The alt-text box: several lines (a good description is a few sentences), with its own counter
against the alt-text limit of every chosen channel that has one ("X 37/1000 · Mastodon 37/1500",
red past a limit). The length is the core's (composer.core.checks.media.alt_length), as the
rule book that blocks a too-long alt text counts it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit

LINES = 3


class AltTextEdit(QPlainTextEdit):
    """A QPlainTextEdit with the QLineEdit calls the media strip uses (text, setText,
    textEdited: the officer's edits only)."""

    textEdited = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self.setTabChangesFocus(True)  # Tab moves on, as in a one-line field
        lines = self.fontMetrics().lineSpacing() * LINES
        self.setFixedHeight(lines + 2 * int(self.document().documentMargin()) + 2 * self.frameWidth())
        self.textChanged.connect(self._changed)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        if text == self.toPlainText():
            return
        self._loading = True
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.End)
        self._loading = False

    def _changed(self) -> None:
        if not self._loading:
            self.textEdited.emit(self.toPlainText())


class AltCounter(QLabel):
    """'X 37/1000 · Mastodon 37/1500': the alt text against each chosen channel's limit."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("altCounter")
        self.limits: list[tuple[str, int]] = []

    def set_limits(self, limits: list[tuple[str, int]]) -> None:
        """(channel name, alt-text limit) of the chosen channels that have one."""
        self.limits = list(limits)

    def show_count(self, alt: str) -> None:
        length = 0
        if alt:  # (an empty box: nothing to count, and the rule book need not load for it)
            from composer.core.checks.media import alt_length

            length = alt_length(alt)
        parts = []
        over = []
        for name, limit in self.limits:
            if length > limit:
                over.append(name)
                parts.append(f"<b style='color:#c62828'>✗ {name} {length}/{limit}</b>")
            else:
                parts.append(f"{name} {length}/{limit}")
        if not parts:
            parts.append(self.tr("%n character(s)", "", length))
        self.setText(" · ".join(parts))
        self.setAccessibleName(self.tr("Alt text too long for {channels}").format(channels=", ".join(over))
                               if over else self.tr("Alt text length: %n character(s)", "", length))
