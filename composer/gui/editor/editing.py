"""Undo, redo and paste (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z, Ctrl+V) for whatever has the focus: a text
field undoes its typing; in the media strip, image removals are undone; pasting outside an editor
attaches the clipboard's image."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QPlainTextEdit, QTextEdit

from composer.gui.actions import make_action

TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit)  # Qt's fields with their own undo and paste


class EditController(QObject):
    def __init__(self, window: QMainWindow, editor, media):
        super().__init__(window)
        self.window, self.editor, self.media = window, editor, media
        keys = QKeySequence.StandardKey
        self.actions = {
            "undo": make_action(window, "undo", self.tr("&Undo"), [keys.Undo], self.undo, "undo"),
            "redo": make_action(window, "redo", self.tr("&Redo"), [keys.Redo, "Ctrl+Shift+Z"], self.redo,
                                "redo"),
            "paste": make_action(window, "paste", self.tr("&Paste"), [keys.Paste], self.paste),
        }

    def _undo_target(self):
        widget = self.window.focusWidget()
        if isinstance(widget, TEXT_FIELDS):
            return widget
        if widget is not None and self.media.isAncestorOf(widget):
            return self.media.undo_stack  # the image list: its removals
        return self.editor.text_edit

    def undo(self) -> None:
        self._undo_target().undo()

    def redo(self) -> None:
        self._undo_target().redo()

    def paste(self) -> None:
        """Editors paste for themselves (images they are given go to the media strip); from
        anywhere else, Ctrl+V attaches the clipboard's image."""
        widget = self.window.focusWidget()
        if isinstance(widget, TEXT_FIELDS):
            widget.paste()
        else:
            self.media.paste()
